import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { api } from '../lib/api';
import { useSession } from '../lib/session';
import type { User } from '../lib/types';
import { ErrorNotice, Field } from '../ui/kit';

/**
 * First use: a worker on its union's member roster opens its account with its resident ID number and
 * the one-time code from the union's sign-up sheet; the next screen asks for a password of its own.
 */
export function ClaimForm() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [idNumber, setIdNumber] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!idNumber.trim() || !code.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      signedIn(await api.post<User>('/auth/claim', { idNumber: idNumber.trim(), code: code.trim() }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="claim-form">
      <p className="hint">{t('claim.lead')}</p>
      <Field label={t('claim.idNumber')} htmlFor="claim-id">
        <input
          id="claim-id"
          autoComplete="off"
          autoCapitalize="characters"
          value={idNumber}
          onChange={(e) => setIdNumber(e.target.value)}
        />
      </Field>
      <Field label={t('claim.code')} hint={t('claim.codeHint')} htmlFor="claim-code">
        <input
          id="claim-code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <ErrorNotice error={error} />
      <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
        {busy ? t('login.busy') : t('claim.submit')}
      </button>
    </form>
  );
}
