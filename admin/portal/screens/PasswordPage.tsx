import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { api, ApiError } from '../lib/api';
import { useSession } from '../lib/session';
import type { User } from '../lib/types';
import { ErrorNotice, Field, Notice, Page } from '../ui/kit';

/** Mirrors server/lib/password.ts passwordProblem, so the worker learns the rule before sending. */
export function passwordRule(pw: string): 'short' | 'mix' | null {
  if (pw.length < 10) return 'short';
  if (!/[A-Za-z]/.test(pw) || !/\d/.test(pw)) return 'mix';
  return null;
}

/** The first sign-in with the password the unit union gave out must set a new one; also reachable later. */
export function PasswordPage({ forced }: { forced: boolean }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const rule = passwordRule(next);
    const errs = {
      currentPassword: current ? undefined : t('password.currentRequired'),
      newPassword:
        rule === 'short'
          ? t('password.ruleShort')
          : rule === 'mix'
            ? t('password.ruleMix')
            : next === current
              ? t('password.same')
              : undefined,
      again: again === next ? undefined : t('password.mismatch'),
    };
    setErrors(errs);
    if (Object.values(errs).some(Boolean)) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/auth/password', { currentPassword: current, newPassword: next });
      setDone(true);
      signedIn(await api.get<User>('/auth/me'));
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.errors).length) setErrors(err.errors);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title={forced ? t('password.forcedTitle') : t('password.title')}
      back={forced ? undefined : '/profile'}
    >
      {forced && <Notice>{t('password.forcedLead')}</Notice>}
      {done && !forced && <Notice kind="success">{t('password.done')}</Notice>}
      <form onSubmit={submit} noValidate>
        <Field
          label={forced ? t('password.initial') : t('password.current')}
          error={errors.currentPassword}
          htmlFor="current"
        >
          <input
            id="current"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </Field>
        <Field label={t('password.new')} hint={t('password.rule')} error={errors.newPassword} htmlFor="next">
          <input
            id="next"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </Field>
        <Field label={t('password.again')} error={errors.again} htmlFor="again">
          <input
            id="again"
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        </Field>
        <ErrorNotice error={error} />
        <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
    </Page>
  );
}
