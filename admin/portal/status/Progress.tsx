import { useI18n, type MessageKey } from '../i18n';
import { dateOnly, yuan } from '../lib/format';
import type { Stage } from './stages';

const MARK: Record<Stage['state'], string> = {
  done: '✓',
  current: '●',
  todo: '',
  bad: '✗',
  returned: '↩',
  skipped: '–',
  ended: '–',
};

/** The road of the application, one line per stage, in the worker's words. */
export function Progress({ stages }: { stages: Stage[] }) {
  const { t, lang } = useI18n();
  return (
    <ol className="road" data-testid="progress">
      {stages
        .filter((s) => s.state !== 'skipped')
        .map((s) => (
          <li key={s.id} className={`road-${s.state}`} data-stage={s.id} data-state={s.state}>
            <span className="road-dot" aria-hidden="true">
              {MARK[s.state]}
            </span>
            <div>
              <strong>
                {t(`stage.${s.id}` as MessageKey, {
                  amount: s.amountFen !== undefined ? yuan(s.amountFen, lang) : '',
                })}
              </strong>
              <span className="road-state"> {t(`stageState.${s.state}` as MessageKey)}</span>
              {(s.org || s.at) && (
                <p className="muted">
                  {s.org}
                  {s.org && s.at ? ' · ' : ''}
                  <span className="nowrap">{dateOnly(s.at)}</span>
                </p>
              )}
              {s.comment && <p className="comment">“{s.comment}”</p>}
            </div>
          </li>
        ))}
    </ol>
  );
}
