import { useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { api, ApiError } from '../lib/api';
import { dateOnly, dateTime } from '../lib/format';
import type { Appeal, Application, Payment } from '../lib/types';
import { ErrorNotice, Field, Notice } from '../ui/kit';

const APPEAL_TONE = { open: 'wait', answered: 'done', upheld: 'good', closed: 'done' } as const;

/**
 * R14: appeal a rejection or a payment, and read the answer. The union that decided answers within
 * 15 days (server/domain/appeals.ts); the due date is shown so the worker knows when to expect it.
 */
export function Appeals({
  app,
  appeals,
  payments,
  reload,
}: {
  app: Application;
  appeals: Appeal[];
  payments: Payment[];
  reload: () => Promise<void>;
}) {
  const { t, tn } = useI18n();
  const open = (s: Appeal['subject']) => appeals.some((a) => a.subject === s && a.status === 'open');
  const subjects = [
    app.status === 'rejected' && !open('review') ? 'review' : null,
    payments.length > 0 && !open('payment') ? 'payment' : null,
  ].filter(Boolean) as Appeal['subject'][];
  const [subject, setSubject] = useState<Appeal['subject'] | ''>('');
  const [content, setContent] = useState('');
  const [formOpen, setFormOpen] = useState(false);
  const [error, setError] = useState<unknown>();
  const [fieldError, setFieldError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const chosen = subject || subjects[0];

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (content.trim().length < 5) {
      setFieldError(t('appeal.tooShort'));
      return;
    }
    setBusy(true);
    setError(undefined);
    setFieldError(undefined);
    try {
      await api.post('/appeals', { applicationId: app.id, subject: chosen, content: content.trim() });
      setContent('');
      setFormOpen(false);
      setSent(true);
      await reload();
    } catch (err) {
      if (err instanceof ApiError && err.errors.content) setFieldError(err.errors.content);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {sent && <Notice kind="success">{t('appeal.sent')}</Notice>}
      {appeals.length > 0 && (
        <ul className="list" data-testid="appeals">
          {appeals.map((a) => (
            <li key={a.id} className="appeal" data-status={a.status}>
              <p>
                <strong>{t(`appeal.subject.${a.subject}` as MessageKey)}</strong> ·{' '}
                <span className="muted">{dateTime(a.createdAt)}</span>
              </p>
              <p className="comment">“{a.content}”</p>
              {a.response ? (
                <div className="answer">
                  <strong>{t('appeal.answer', { date: dateOnly(a.respondedAt) })}</strong>
                  <p>{a.response}</p>
                </div>
              ) : (
                <p className="muted">{tn('appeal.waiting', { date: a.dueOn })}</p>
              )}
              <p>
                <span className={`chip chip-${APPEAL_TONE[a.status]}`}>
                  {t(`appeal.status.${a.status}` as MessageKey)}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {subjects.length > 0 && !formOpen && (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={() => setFormOpen(true)}
          data-testid="appeal-open"
        >
          {t('appeal.start')}
        </button>
      )}
      {subjects.length > 0 && formOpen && (
        <form onSubmit={send} className="card" noValidate>
          {subjects.length > 1 && (
            <Field label={t('appeal.about')} htmlFor="subject">
              <select
                id="subject"
                value={chosen}
                onChange={(e) => setSubject(e.target.value as Appeal['subject'])}
              >
                {subjects.map((s) => (
                  <option key={s} value={s}>
                    {t(`appeal.subject.${s}` as MessageKey)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {subjects.length === 1 && (
            <p>
              <strong>{t(`appeal.subject.${chosen}` as MessageKey)}</strong>
            </p>
          )}
          <Field
            label={t('appeal.content')}
            hint={t('appeal.hint')}
            error={fieldError}
            htmlFor="appeal-content"
          >
            <textarea
              id="appeal-content"
              rows={5}
              maxLength={2000}
              value={content}
              onChange={(e) => setContent(e.target.value)}
            />
          </Field>
          <ErrorNotice error={error} />
          <div className="row">
            <button type="button" className="btn btn-secondary" onClick={() => setFormOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="appeal-send">
              {t('appeal.send')}
            </button>
          </div>
        </form>
      )}
      {subjects.length === 0 && appeals.length === 0 && <p className="muted">{t('appeal.notNow')}</p>}
    </>
  );
}
