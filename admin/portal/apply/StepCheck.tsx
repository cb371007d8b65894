import { useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { api, ApiError } from '../lib/api';
import { preSubmitChecks } from '../lib/checks';
import { chinaToday } from '../lib/format';
import { navigate } from '../lib/router';
import { useBasics } from '../lib/session';
import type { Application, DocumentKind, DocumentRow, Round } from '../lib/types';
import { ErrorNotice, Notice } from '../ui/kit';
import type { Draft, StepName } from './ApplyPage';

const FIX_STEP: Record<string, StepName> = { round: 'round', study: 'study', documents: 'documents' };

/** Step 4: every condition of R9, R11, R12 in plain words, then the submission itself. */
export function StepCheck({
  app,
  draft,
  round,
  docs,
  others,
  goTo,
}: {
  app: Application;
  draft: Draft;
  round: Round;
  docs: DocumentRow[];
  others: Application[];
  goTo: (s: StepName) => void;
}) {
  const { t, tn } = useI18n();
  const { worker, unit, institutions } = useBasics();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const checks = preSubmitChecks(
    {
      today: chinaToday(),
      round,
      worker,
      unit,
      application: { ...app, ...draft },
      institutionName: institutions.find((i) => i.id === draft.institutionId)?.name,
      documentKinds: docs.map((d) => d.kind),
      others,
    },
    (l) => t(`level.${l}` as MessageKey),
    (k: DocumentKind) => t(`doc.${k}` as MessageKey),
  );
  const blocking = checks.filter((c) => c.blocking && !c.ok);

  const submit = async () => {
    if (!window.confirm(t('check.confirm'))) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/applications/${app.id}/submit`);
      navigate(`/applications/${app.id}?submitted=1`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="hint">{t('check.lead')}</p>
      <ul className="checklist" data-testid="checklist">
        {checks.map((c) => (
          <li
            key={c.id}
            className={c.ok ? 'ok' : c.blocking ? 'bad' : 'later'}
            data-check={c.id}
            data-ok={c.ok}
            data-rule={c.rule}
          >
            <span className="check-mark" aria-hidden="true">
              {c.ok ? '✓' : c.blocking ? '✗' : '…'}
            </span>
            <span className="check-text">
              {tn(c.key, c.params ?? {})}
              {!c.ok && c.fix && FIX_STEP[c.fix] && (
                <button type="button" className="btn-link" onClick={() => goTo(FIX_STEP[c.fix!])}>
                  {c.fix === 'documents' ? t('check.upload') : t('check.fix')}
                </button>
              )}
              {!c.ok && c.fix === 'union' && <span className="muted"> {t('check.askUnion')}</span>}
            </span>
          </li>
        ))}
      </ul>
      {blocking.length > 0 ? (
        <Notice kind="warn">{t('check.notYet', { n: blocking.length })}</Notice>
      ) : (
        <Notice kind="success">{t('check.ready')}</Notice>
      )}
      {error instanceof ApiError && Object.keys(error.errors).length > 0 ? (
        <Notice kind="error">
          <p>{t('check.refused')}</p>
          <ul>
            {Object.entries(error.errors).map(([k, v]) => (
              <li key={k}>{v}</li>
            ))}
          </ul>
        </Notice>
      ) : (
        <ErrorNotice error={error} />
      )}
      <button
        type="button"
        className="btn btn-primary btn-block"
        onClick={submit}
        disabled={busy || blocking.length > 0}
        data-testid="submit"
      >
        {busy ? t('check.submitting') : t('check.submit')}
      </button>
      <p className="hint center">{t('check.after')}</p>
    </>
  );
}
