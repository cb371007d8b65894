import { useI18n } from '../i18n';
import { yuan } from '../lib/format';
import { useBasics } from '../lib/session';
import type { Round } from '../lib/types';
import { Field } from '../ui/kit';
import type { Draft } from './ApplyPage';

/** Step 1: the round (window and amounts, R1, R11) and the institution with its tuition reduction (R17). */
export function StepRound({
  round,
  draft,
  setDraft,
  errors,
}: {
  round: Round;
  draft: Draft;
  setDraft: (d: Draft) => void;
  errors: Record<string, string>;
}) {
  const { t, lang } = useI18n();
  const { institutions } = useBasics();
  const inst = institutions.find((i) => i.id === draft.institutionId);
  return (
    <>
      <section className="card">
        <h2>{round.name}</h2>
        <dl className="facts">
          <dt>{t('round.window')}</dt>
          <dd>
            {round.opensOn} — {round.closesOn}
          </dd>
          <dt>{t('round.process')}</dt>
          <dd>
            {yuan(round.processAmountFen, lang)} <span className="muted">{t('round.processWhen')}</span>
          </dd>
          <dt>{t('round.result')}</dt>
          <dd>
            {yuan(round.resultAmountFen, lang)} <span className="muted">{t('round.resultWhen')}</span>
          </dd>
          <dt>{t('round.deadline')}</dt>
          <dd>{round.graduationDeadline}</dd>
        </dl>
        <details className="rules">
          <summary>{t('round.rulesTitle')}</summary>
          <p className="hint">{t('round.rules')}</p>
        </details>
      </section>
      <Field label={t('field.institution')} error={errors.institutionId} htmlFor="institution">
        <select
          id="institution"
          value={draft.institutionId ?? ''}
          onChange={(e) =>
            setDraft({ ...draft, institutionId: e.target.value ? Number(e.target.value) : null })
          }
        >
          <option value="">{t('field.choose')}</option>
          {institutions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </Field>
      {inst && (
        <section className="card card-soft" data-testid="reduction-policy">
          <h3>{t('round.reduction', { name: inst.name })}</h3>
          <p>{inst.reductionPolicy || t('round.noReduction')}</p>
          {inst.contact && <p className="muted">{t('round.contact', { contact: inst.contact })}</p>}
        </section>
      )}
    </>
  );
}
