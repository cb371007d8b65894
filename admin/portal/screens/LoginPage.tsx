import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { api } from '../lib/api';
import { useSession } from '../lib/session';
import type { User } from '../lib/types';
import { ErrorNotice, Field } from '../ui/kit';
import { ClaimForm } from './ClaimForm';

/** Sign in with the resident ID number or the phone number on file, and the password (R14). */
export function LoginPage() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const [claiming, setClaiming] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = {
      username: username.trim() ? undefined : t('login.usernameRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    setMissing(m);
    if (m.username || m.password) return;
    setBusy(true);
    setError(undefined);
    try {
      signedIn(await api.post<User>('/auth/login', { username: username.trim(), password }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page narrow">
      <div className="intro">
        <p className="intro-kicker">{t('app.org')}</p>
        <h1>{t('login.title')}</h1>
        <p>{t('login.lead')}</p>
      </div>
      {claiming ? (
        <ClaimForm />
      ) : (
        <form onSubmit={submit} noValidate>
          <Field
            label={t('login.username')}
            hint={t('login.usernameHint')}
            error={missing.username}
            htmlFor="username"
          >
            <input
              id="username"
              name="username"
              autoComplete="username"
              autoCapitalize="characters"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Field>
          <Field label={t('login.password')} error={missing.password} htmlFor="password">
            <div className="with-button">
              <input
                id="password"
                name="password"
                type={show ? 'text' : 'password'}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <button type="button" className="btn-inline" onClick={() => setShow(!show)} aria-pressed={show}>
                {show ? t('login.hide') : t('login.show')}
              </button>
            </div>
          </Field>
          <ErrorNotice error={error} />
          <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
      )}
      <p className="center">
        <button type="button" className="btn-inline" onClick={() => setClaiming(!claiming)}>
          {claiming ? t('claim.back') : t('claim.open')}
        </button>
      </p>
      <p className="hint center">{t('login.help')}</p>
    </main>
  );
}
