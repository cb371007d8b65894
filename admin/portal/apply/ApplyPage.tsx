import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { api, ApiError } from '../lib/api';
import { chinaToday } from '../lib/format';
import { navigate } from '../lib/router';
import { useBasics } from '../lib/session';
import { EDITABLE, isOpen, LEVEL_FREE } from '../lib/status';
import type { Application, DocumentRow, Timeline } from '../lib/types';
import { ErrorNotice, Loading, Notice, Page } from '../ui/kit';
import { StepCheck } from './StepCheck';
import { StepDocuments } from './StepDocuments';
import { StepRound } from './StepRound';
import { StepStudy } from './StepStudy';

export type Draft = Pick<
  Application,
  'institutionId' | 'educationLevel' | 'major' | 'studyMode' | 'enrolledOn' | 'admissionNo'
>;
export const STEPS = ['round', 'study', 'documents', 'check'] as const;
export type StepName = (typeof STEPS)[number];

const EMPTY: Draft = {
  institutionId: null,
  educationLevel: null,
  major: '',
  studyMode: null,
  enrolledOn: '',
  admissionNo: '',
};
const draftOf = (a: Application): Draft => ({
  institutionId: a.institutionId,
  educationLevel: a.educationLevel,
  major: a.major ?? '',
  studyMode: a.studyMode,
  enrolledOn: a.enrolledOn ?? '',
  admissionNo: a.admissionNo ?? '',
});
/** Empty text is "not filled in yet" to the API, not an empty string. */
const body = (d: Draft) => ({
  ...d,
  major: d.major?.trim() || null,
  enrolledOn: d.enrolledOn || null,
  admissionNo: d.admissionNo?.trim() || null,
});

/**
 * Applying, step by step (R9, R11, R12): round and institution, studies, documents, the check.
 * Every step can be saved as a draft; the first save creates the application.
 */
export function ApplyPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { rounds } = useBasics();
  const isNew = id === 'new';
  const params = new URLSearchParams(window.location.search);
  const [step, setStep] = useState(() => Math.max(0, STEPS.indexOf(params.get('step') as StepName)));
  const [app, setApp] = useState<Application | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [docs, setDocs] = useState<DocumentRow[]>([]);
  const [others, setOthers] = useState<Application[]>([]);
  const [returned, setReturned] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const today = chinaToday();
  const roundId = app?.roundId ?? (Number(params.get('round')) || rounds.find((r) => isOpen(r, today))?.id);
  const round = rounds.find((r) => r.id === roundId);

  const loadDocs = async (appId: number) =>
    setDocs(await api.list<DocumentRow>('documents', { applicationId: appId }, ['id', 'ASC']));

  useEffect(() => {
    let stop = false;
    (async () => {
      try {
        const mine = await api.list<Application>('applications');
        if (stop) return;
        setOthers(mine);
        if (isNew) {
          // An application of this round still alive: continue it rather than start a second one.
          const wanted = Number(new URLSearchParams(window.location.search).get('round'));
          const live = mine.find((a) => (!wanted || a.roundId === wanted) && !LEVEL_FREE.includes(a.status));
          if (live) {
            navigate(EDITABLE.includes(live.status) ? `/apply/${live.id}` : `/applications/${live.id}`, true);
            return;
          }
        }
        if (!isNew) {
          const a = await api.get<Application>(`/applications/${id}`);
          if (!EDITABLE.includes(a.status)) {
            navigate(`/applications/${a.id}`, true);
            return;
          }
          setApp(a);
          setDraft(draftOf(a));
          await loadDocs(a.id);
          if (a.status === 'returned') {
            const tl = await api.get<Timeline>(`/applications/${a.id}/timeline`);
            setReturned([...tl.entries].reverse().find((e) => e.decision === 'return')?.comment);
          }
        }
      } catch (e) {
        setError(e);
      }
      if (!stop) setLoaded(true);
    })();
    return () => {
      stop = true;
    };
  }, [id, isNew]);

  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set('step', STEPS[step]);
    window.history.replaceState(null, '', url);
  }, [step]);

  /** Creates or updates the draft; false when the server refused (its field errors are shown). */
  const save = async (): Promise<Application | null> => {
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    setSaved(false);
    try {
      const out = app
        ? await api.put<Application>(`/applications/${app.id}`, body(draft))
        : await api.post<Application>('/applications', { roundId, ...body(draft) });
      setApp(out);
      if (!app) navigate(`/apply/${out.id}?step=${STEPS[step]}`, true);
      return out;
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.errors).length) setFieldErrors(e.errors);
      setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  };

  /** What the current step still needs before it can move on, by field (R9c, R9d). */
  const missingHere = (): Record<string, string> => {
    const out: Record<string, string> = {};
    if (STEPS[step] === 'round' && !draft.institutionId) out.institutionId = t('apply.required.institution');
    if (STEPS[step] === 'study') {
      if (!draft.educationLevel) out.educationLevel = t('apply.required.level');
      if (!draft.major?.trim()) out.major = t('apply.required.major');
      if (!draft.studyMode) out.studyMode = t('apply.required.mode');
      if (!draft.enrolledOn) out.enrolledOn = t('apply.required.enrolledOn');
    }
    return out;
  };
  const checked = (): boolean => {
    const missing = missingHere();
    setFieldErrors(missing);
    setSaved(false);
    return Object.keys(missing).length === 0;
  };

  const go = async (to: number) => {
    if (to > step && STEPS[step] !== 'documents' && (!checked() || !(await save()))) return;
    setStep(to);
    window.scrollTo(0, 0);
  };

  const saveDraft = async () => {
    // The first save creates the application: not before its first step is filled in.
    if (!app && !checked()) return;
    if (await save()) setSaved(true);
  };

  if (!loaded)
    return (
      <Page title={t('apply.title')} back="/">
        <Loading />
      </Page>
    );
  if (!round)
    return (
      <Page title={t('apply.title')} back="/">
        <Notice>{t('home.noRound')}</Notice>
        <ErrorNotice error={error} />
      </Page>
    );

  const name = STEPS[step];
  return (
    <Page title={t('apply.title')} back="/">
      <ol className="steps" aria-label={t('apply.progress', { n: step + 1, total: STEPS.length })}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={i === step ? 'is-current' : i < step ? 'is-done' : ''}
            aria-current={i === step ? 'step' : undefined}
          >
            <button type="button" onClick={() => (app || i === 0) && go(i)} disabled={!app && i > 0}>
              <span className="step-no">{i + 1}</span>
              <span className="step-name">{t(`apply.step.${s}`)}</span>
            </button>
          </li>
        ))}
      </ol>
      <p className="muted">
        {t('apply.progress', { n: step + 1, total: STEPS.length })}
        {app ? ` · ${t('home.appNo', { id: app.id })}` : ''}
      </p>
      {returned !== undefined && (
        <Notice kind="warn">{t('apply.returned', { comment: returned || '—' })}</Notice>
      )}

      {name === 'round' && <StepRound round={round} draft={draft} setDraft={setDraft} errors={fieldErrors} />}
      {name === 'study' && <StepStudy draft={draft} setDraft={setDraft} errors={fieldErrors} />}
      {name === 'documents' && app && <StepDocuments app={app} docs={docs} reload={() => loadDocs(app.id)} />}
      {name === 'check' && app && (
        <StepCheck
          app={app}
          draft={draft}
          round={round}
          docs={docs}
          others={others}
          goTo={(s) => setStep(STEPS.indexOf(s))}
        />
      )}

      {error !== undefined && !(error instanceof ApiError && Object.keys(error.errors).length) && (
        <ErrorNotice error={error} />
      )}
      {Object.keys(fieldErrors).length > 0 && <Notice kind="error">{t('apply.fixFields')}</Notice>}
      {saved && <Notice kind="success">{t('apply.saved')}</Notice>}

      <div className="wizard-nav">
        {step > 0 && (
          <button type="button" className="btn btn-secondary" onClick={() => go(step - 1)} disabled={busy}>
            ‹ {t('apply.prev')}
          </button>
        )}
        {name !== 'documents' && name !== 'check' && (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={saveDraft}
            disabled={busy}
            data-testid="save-draft"
          >
            {t('apply.saveDraft')}
          </button>
        )}
        {step < STEPS.length - 1 && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => go(step + 1)}
            disabled={busy}
            data-testid="next"
          >
            {t('apply.next')} ›
          </button>
        )}
      </div>
    </Page>
  );
}
