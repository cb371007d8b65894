import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { EnumName } from './choices';

interface EnumFieldProps extends FieldProps {
  enumName: EnumName;
}

/** A coded value (kind, role, education level…) as its plain label; comma lists too. */
export const EnumField = ({ enumName, ...props }: EnumFieldProps) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  if (value === null || value === undefined || value === '')
    return (
      <Typography component="span" variant="body2">
        —
      </Typography>
    );
  const label = String(value)
    .split(',')
    .map((v) => translate(`enums.${enumName}.${v.trim()}`, { _: v }))
    .join('、');
  return (
    <Typography component="span" variant="body2">
      {label}
    </Typography>
  );
};
