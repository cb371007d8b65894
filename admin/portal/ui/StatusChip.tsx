import { useI18n } from '../i18n';
import { statusKey, TONE } from '../lib/status';
import type { Status } from '../lib/types';

export function StatusChip({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <span className={`chip chip-${TONE[status]}`} data-status={status}>
      {t(statusKey(status))}
    </span>
  );
}
