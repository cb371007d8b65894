import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { api, ApiError } from '../lib/api';
import { Link } from '../lib/router';
import { useBasics, useSession } from '../lib/session';
import { ErrorNotice, Field, Notice, Page, useLoad } from '../ui/kit';

/** The SMS opt-out: saved as soon as it is switched (the messages stay in the portal either way). */
function SmsSetting() {
  const { t } = useI18n();
  const { data, error, reload } = useLoad(
    () => api.get<{ smsOptOut: boolean }>('/notifications/settings'),
    [],
  );
  const [failed, setFailed] = useState<unknown>();
  const toggle = async (on: boolean) => {
    setFailed(undefined);
    try {
      await api.put('/notifications/settings', { smsOptOut: !on });
      await reload();
    } catch (e) {
      setFailed(e);
    }
  };
  return (
    <section className="card">
      <h2>{t('profile.sms')}</h2>
      <label className="check">
        <input
          type="checkbox"
          data-testid="sms-opt-in"
          checked={!!data && !data.smsOptOut}
          disabled={!data}
          onChange={(e) => void toggle(e.target.checked)}
        />
        <span>{t('profile.smsOn')}</span>
      </label>
      <p className="hint">{t('profile.smsHint')}</p>
      <ErrorNotice error={error ?? failed} />
    </section>
  );
}

/**
 * The worker's own record: read-only what the union registered, editable the phone and the cards the
 * money goes to (R3: the workers' school pays only workers with a card on file).
 */
export function ProfilePage() {
  const { t } = useI18n();
  const { worker, unit } = useBasics();
  const { refreshBasics, signOut } = useSession();
  const [phone, setPhone] = useState(worker.phone);
  const [bankName, setBankName] = useState(worker.bankName ?? '');
  const [bankCard, setBankCard] = useState('');
  const [benefitCard, setBenefitCard] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError(undefined);
    setSaved(false);
    try {
      // Card numbers are only sent when typed: the server keeps them encrypted and shows them masked.
      await api.put(`/workers/${worker.id}`, {
        phone: phone.trim(),
        bankName: bankName.trim() || null,
        ...(bankCard.trim() ? { bankCard: bankCard.trim() } : {}),
        ...(benefitCard.trim() ? { benefitCard: benefitCard.trim() } : {}),
      });
      setBankCard('');
      setBenefitCard('');
      await refreshBasics();
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.errors).length) setErrors(err.errors);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('profile.title')} back="/">
      <section className="card">
        <dl className="facts">
          <dt>{t('profile.name')}</dt>
          <dd>{worker.name}</dd>
          <dt>{t('profile.id')}</dt>
          <dd>{worker.idNumberMasked}</dd>
          <dt>{t('profile.unit')}</dt>
          <dd>{unit?.unitName ?? unit?.name}</dd>
          <dt>{t('profile.job')}</dt>
          <dd>{worker.jobTitle}</dd>
        </dl>
        <p className="hint">{t('profile.fixedHint')}</p>
      </section>
      <form onSubmit={save} noValidate>
        <Field label={t('profile.phone')} error={errors.phone} htmlFor="phone">
          <input
            id="phone"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </Field>
        <Field label={t('profile.bankName')} error={errors.bankName} htmlFor="bankName">
          <input
            id="bankName"
            value={bankName}
            maxLength={40}
            onChange={(e) => setBankName(e.target.value)}
          />
        </Field>
        <Field
          label={t('profile.bankCard')}
          hint={
            worker.bankCardMasked ? t('profile.onFile', { card: worker.bankCardMasked }) : t('profile.none')
          }
          error={errors.bankCard}
          htmlFor="bankCard"
        >
          <input
            id="bankCard"
            inputMode="numeric"
            autoComplete="off"
            value={bankCard}
            onChange={(e) => setBankCard(e.target.value)}
          />
        </Field>
        <Field
          label={t('profile.benefitCard')}
          hint={
            worker.benefitCardMasked
              ? t('profile.onFile', { card: worker.benefitCardMasked })
              : t('profile.none')
          }
          error={errors.benefitCard}
          htmlFor="benefitCard"
        >
          <input
            id="benefitCard"
            inputMode="numeric"
            autoComplete="off"
            value={benefitCard}
            onChange={(e) => setBenefitCard(e.target.value)}
          />
        </Field>
        <ErrorNotice error={error} />
        {saved && <Notice kind="success">{t('profile.saved')}</Notice>}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {t('profile.save')}
        </button>
      </form>
      <SmsSetting />
      <div className="links">
        <Link className="btn btn-secondary btn-block" to="/password">
          {t('nav.password')}
        </Link>
        <button type="button" className="btn btn-secondary btn-block" onClick={signOut}>
          {t('nav.signOut')}
        </button>
      </div>
    </Page>
  );
}
