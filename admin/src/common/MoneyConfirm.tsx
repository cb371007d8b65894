import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from './money';

/** The sentence every money dialog shows before the button: what moves, how much, in 元. */
export const MoneyConfirm = ({
  message,
  amountFen,
  count,
}: {
  message: string;
  amountFen: number;
  count?: number;
}) => {
  const translate = useTranslate();
  return (
    <Alert severity="warning" icon={false} sx={{ mb: 2, '& strong': { fontSize: '1.1em' } }}>
      {translate(message, { amount: formatFen(amountFen), smart_count: count ?? 1 })}
    </Alert>
  );
};
