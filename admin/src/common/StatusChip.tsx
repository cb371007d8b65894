import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { EnumName } from './choices';
import { statusColor } from './statusColors';

interface StatusChipProps extends FieldProps {
  /** Which label family: `applicationStatus`, `paymentStatus`, `decision`… */
  enumName: EnumName;
}

/** A coded status as a coloured chip with its label in the current language. */
export const StatusChip = ({ enumName, ...props }: StatusChipProps) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') return null;
  return (
    <Chip
      size="small"
      sx={{ width: 'fit-content' }}
      variant={statusColor(value) === 'default' ? 'outlined' : 'filled'}
      color={statusColor(value)}
      label={translate(`enums.${enumName}.${value}`, { _: String(value) })}
    />
  );
};
