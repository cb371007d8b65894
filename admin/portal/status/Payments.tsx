import { useI18n, type MessageKey } from '../i18n';
import { dateOnly, yuan } from '../lib/format';
import type { Payment } from '../lib/types';

/** R14: every payment with its amount, date and bank reference, as soon as the union records it. */
export function Payments({ payments }: { payments: Payment[] }) {
  const { t, tn, lang } = useI18n();
  if (!payments.length) return <p className="muted">{t('pay.none')}</p>;
  return (
    <ul className="list" data-testid="payments">
      {payments.map((p) => (
        <li key={p.id} className="pay" data-status={p.status}>
          <div className="pay-head">
            <strong>{t(`pay.${p.source}.${p.stage}` as MessageKey)}</strong>
            <span className="pay-amount">{yuan(p.amountFen, lang)}</span>
          </div>
          <p>
            <span
              className={`chip chip-${p.status === 'paid' ? 'good' : p.status === 'failed' ? 'bad' : p.status === 'cancelled' ? 'done' : 'wait'}`}
            >
              {t(`pay.status.${p.status}` as MessageKey)}
            </span>{' '}
            {p.paidAt
              ? tn('pay.paidOn', { date: dateOnly(p.paidAt) })
              : tn('pay.since', { date: dateOnly(p.createdAt) })}
          </p>
          {p.reference && <p className="muted">{t('pay.reference', { ref: p.reference })}</p>}
          <p className="muted">{t(`pay.channel.${p.channel}` as MessageKey)}</p>
        </li>
      ))}
    </ul>
  );
}
