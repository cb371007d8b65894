import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatDateTime } from './dates';

/** Timestamps as 2019-11-11 09:30 and dates as 2019-11-11, whatever the browser's locale. */
export const DateTimeField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | null | undefined;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(value) || '—'}
    </Typography>
  );
};
