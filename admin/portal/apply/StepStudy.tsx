import { useI18n } from '../i18n';
import { chinaToday } from '../lib/format';
import type { EducationLevel, StudyMode } from '../lib/types';
import { Field } from '../ui/kit';
import type { Draft } from './ApplyPage';

const LEVELS: EducationLevel[] = ['associate', 'bachelor'];
const MODES: StudyMode[] = ['part_time', 'distance', 'self_study', 'full_time'];

/** Step 2: what and how the worker studies (R9c, R9d). */
export function StepStudy({
  draft,
  setDraft,
  errors,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <>
      <fieldset className={`field${errors.educationLevel ? ' has-error' : ''}`}>
        <legend>{t('field.level')}</legend>
        <div className="choice-row">
          {LEVELS.map((l) => (
            <label key={l} className={`choice${draft.educationLevel === l ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="level"
                value={l}
                checked={draft.educationLevel === l}
                onChange={() => setDraft({ ...draft, educationLevel: l })}
              />
              <span>{t(`level.${l}`)}</span>
            </label>
          ))}
        </div>
        {errors.educationLevel && (
          <p className="error-text" role="alert">
            {errors.educationLevel}
          </p>
        )}
      </fieldset>
      <Field label={t('field.major')} hint={t('field.majorHint')} error={errors.major} htmlFor="major">
        <input
          id="major"
          value={draft.major ?? ''}
          maxLength={60}
          onChange={(e) => setDraft({ ...draft, major: e.target.value })}
        />
      </Field>
      <Field label={t('field.studyMode')} error={errors.studyMode} htmlFor="studyMode">
        <select
          id="studyMode"
          value={draft.studyMode ?? ''}
          onChange={(e) => setDraft({ ...draft, studyMode: (e.target.value || null) as StudyMode | null })}
        >
          <option value="">{t('field.choose')}</option>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(`mode.${m}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('field.enrolledOn')}
        hint={t('field.enrolledOnHint')}
        error={errors.enrolledOn}
        htmlFor="enrolledOn"
      >
        <input
          id="enrolledOn"
          type="date"
          max={chinaToday()}
          value={draft.enrolledOn ?? ''}
          onChange={(e) => setDraft({ ...draft, enrolledOn: e.target.value })}
        />
      </Field>
      <Field
        label={t('field.admissionNo')}
        hint={t('field.optional')}
        error={errors.admissionNo}
        htmlFor="admissionNo"
      >
        <input
          id="admissionNo"
          value={draft.admissionNo ?? ''}
          maxLength={40}
          onChange={(e) => setDraft({ ...draft, admissionNo: e.target.value })}
        />
      </Field>
    </>
  );
}
