import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatFen } from './money';

/** An integer-fen amount shown as ¥1,500.00. */
export const MoneyField = (props: FieldProps) => {
  const value = useFieldValue(props) as number | null | undefined;
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {formatFen(value)}
    </Typography>
  );
};
