import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from './money';

/** The sentence every money dialog shows before the button: what moves, to or from whom, how much, in 元. */
export const MoneyConfirm = ({
  message,
  amountFen,
  count,
  name,
  card,
}: {
  message: string;
  amountFen: number;
  count?: number;
  /** The worker the money is for (`%{name}`). */
  name?: string | null;
  /** The masked card it goes to (`%{card}`). */
  card?: string | null;
}) => {
  const translate = useTranslate();
  return (
    <Alert severity="warning" icon={false} sx={{ mb: 2, '& strong': { fontSize: '1.1em' } }}>
      {translate(message, {
        amount: formatFen(amountFen),
        smart_count: count ?? 1,
        name: name ?? '—',
        card: card ?? translate('app.payments.no_card'),
      })}
    </Alert>
  );
};
