import { useState } from 'react';
import { FINAL } from '../../../server/domain/lifecycle';
import { actorText, eventText, nextText } from '../../../server/domain/timeline-words';
import { useI18n, type MessageKey } from '../i18n';
import { api } from '../lib/api';
import { chinaToday, dateTime, daysBetween } from '../lib/format';
import { Link } from '../lib/router';
import { useBasics } from '../lib/session';
import { COUNTDOWN, EDITABLE, explainKey, roundOf, WITHDRAWABLE } from '../lib/status';
import type { Appeal, Application, DocumentRow, Payment, Review, Timeline } from '../lib/types';
import { DocumentSlot } from '../ui/DocumentSlot';
import { errorText, ErrorNotice, Loading, Notice, Page, useLoad } from '../ui/kit';
import { StatusChip } from '../ui/StatusChip';
import { Appeals } from './Appeals';
import { Graduation } from './Graduation';
import { Payments } from './Payments';
import { Progress } from './Progress';
import { ENDS, stages } from './stages';
import { LEVEL_FREE } from '../lib/status';

interface Data {
  app: Application;
  timeline: Timeline;
  reviews: Review[];
  payments: Payment[];
  docs: DocumentRow[];
  appeals: Appeal[];
}

/** Nothing is missing any more once the application has ended. */
const CLOSED: readonly string[] = FINAL;

/** R14: where the application is, who has it since when, what comes next and what is missing; money; appeals. */
export function StatusPage({ id }: { id: number }) {
  const { t, tn, g, lang } = useI18n();
  const { rounds, institutions, orgs, unit } = useBasics();
  const { data, error, reload } = useLoad<Data>(async () => {
    const f = { applicationId: id };
    const [app, timeline, reviews, payments, docs, appeals] = await Promise.all([
      api.get<Application>(`/applications/${id}`),
      api.get<Timeline>(`/applications/${id}/timeline`),
      api.list<Review>('reviews', f, ['id', 'ASC']),
      api.list<Payment>('payments', f, ['id', 'ASC']),
      api.list<DocumentRow>('documents', f, ['id', 'ASC']),
      api.list<Appeal>('appeals', f, ['id', 'DESC']),
    ]);
    return { app, timeline, reviews, payments, docs, appeals };
  }, [id]);
  const [actionError, setActionError] = useState<string>();
  const justSubmitted = new URLSearchParams(window.location.search).has('submitted');

  if (error && !data)
    return (
      <Page title={t('status.title')} back="/">
        <ErrorNotice error={error} />
      </Page>
    );
  if (!data)
    return (
      <Page title={t('status.title')} back="/">
        <Loading />
      </Page>
    );
  const { app, timeline, reviews, payments, docs, appeals } = data;
  const round = roundOf(rounds, app);
  const inst = institutions.find((i) => i.id === app.institutionId);
  const today = chinaToday();
  const road = stages(app, reviews, payments, orgs, unit?.kind === 'direct', round);
  const showCountdown = round && COUNTDOWN.includes(app.status) && !app.graduationVerifiedAt;
  const daysLeft = round ? daysBetween(today, round.graduationDeadline) : 0;
  const needsReport =
    !!app.submittedAt && !CLOSED.includes(app.status) && !docs.some((d) => d.kind === 'enrollment_report');
  const canGraduate =
    round && (app.status === 'process_paid' || (app.status === 'graduated' && !app.graduationVerifiedAt));

  const withdraw = async () => {
    if (!window.confirm(t('status.withdrawConfirm'))) return;
    try {
      await api.post(`/applications/${app.id}/withdraw`);
      await reload();
    } catch (e) {
      setActionError(errorText(e, t));
    }
  };

  return (
    <Page title={t('status.title')} back="/">
      {justSubmitted && app.status === 'submitted' && (
        <Notice kind="success">{t('status.justSubmitted')}</Notice>
      )}
      <section className="card" data-testid="status-summary">
        <div className="card-top">
          <h2>
            {round?.name} · {app.educationLevel ? t(`level.${app.educationLevel}`) : ''}
          </h2>
          <StatusChip status={app.status} />
        </div>
        <p className="muted">
          {inst?.name}
          {app.major ? ` · ${app.major}` : ''} ·{' '}
          <span className="nowrap">{t('home.appNo', { id: app.id })}</span>
        </p>
        <p className="explain">
          {t(explainKey(app.status), { next: timeline.next ? nextText(lang, timeline.next, 'portal') : '' })}
        </p>
        {timeline.current && (
          <p className="now" data-testid="holder">
            {tn('status.holder', {
              holder: actorText(lang, timeline.current.holder),
              step: g.reviewStep[timeline.current.step],
              since: dateTime(timeline.current.since),
            })}
          </p>
        )}
        {timeline.missing.length > 0 && !CLOSED.includes(app.status) && (
          <p className="missing" data-testid="missing">
            <strong>{t('status.missing')}</strong>
            {timeline.missing.map((k) => t(`doc.${k}` as MessageKey)).join(lang === 'en' ? ', ' : '、')}
          </p>
        )}
      </section>

      {EDITABLE.includes(app.status) && (
        <Link className="btn btn-primary btn-block" to={`/apply/${app.id}`}>
          {app.status === 'returned' ? t('status.fix') : t('home.continue')}
        </Link>
      )}

      {ENDS.includes(app.status) && (
        <section className="card end-card" data-testid="end">
          <h2>{t('end.title')}</h2>
          {['rejected', 'revoked', 'lapsed'].includes(app.status) && <p>{t('end.appeal')}</p>}
          {LEVEL_FREE.includes(app.status) && <p>{t('end.nextRound')}</p>}
          <p className="hint">
            {t('end.help')} <Link to="/help">{t('help.link')}</Link>
          </p>
        </section>
      )}

      <h2 className="section-title">{t('status.road')}</h2>
      <Progress stages={road} />

      {showCountdown && (
        <section className={`card countdown${daysLeft < 180 ? ' is-urgent' : ''}`} data-testid="countdown">
          <p className="countdown-label">{t('status.countdownLabel')}</p>
          <p className="big-number">
            {Math.max(daysLeft, 0)}
            <small> {t('status.days')}</small>
          </p>
          <p>
            {tn(daysLeft >= 0 ? 'status.countdown' : 'status.countdownPast', {
              date: round!.graduationDeadline,
            })}
          </p>
        </section>
      )}

      {app.status !== 'withdrawn' && (
        <Link
          className="btn btn-secondary btn-block"
          to={`/applications/${app.id}/form`}
          data-testid="print-form"
        >
          {t('apply.printForm')}
        </Link>
      )}

      {needsReport && (
        <>
          <h2 className="section-title">{t('status.report')}</h2>
          <DocumentSlot
            applicationId={app.id}
            kind="enrollment_report"
            docs={[]}
            required={false}
            canDelete={false}
            onChange={reload}
          />
        </>
      )}

      {canGraduate && (
        <>
          <h2 className="section-title">{t('grad.title')}</h2>
          <Graduation app={app} docs={docs} deadline={round!.graduationDeadline} reload={reload} />
        </>
      )}

      <h2 className="section-title">{t('status.payments')}</h2>
      <Payments payments={payments} />

      <h2 className="section-title">{t('status.appeals')}</h2>
      <Appeals app={app} appeals={appeals} payments={payments} reload={reload} />

      <h2 className="section-title">{t('status.history')}</h2>
      <ul className="history" data-testid="history">
        {[...timeline.entries].reverse().map((e, i) => (
          <li key={i}>
            <span className="muted">{dateTime(e.at)}</span>
            <p>
              <strong>{eventText(lang, e, 'portal')}</strong>
              {e.decision ? ` · ${g.decision[e.decision]}` : ''}
              {e.payment ? ` · ${g.paymentStatus[e.payment.status]}` : ''}
              {e.status && !e.decision ? ` · ${g.status[e.status]}` : ''}
            </p>
            <p className="muted" data-testid="history-by">
              {actorText(lang, e.by)}
            </p>
            {e.comment && <p className="comment">“{e.comment}”</p>}
          </li>
        ))}
        {timeline.entries.length === 0 && <li className="muted">{t('status.noHistory')}</li>}
      </ul>

      <h2 className="section-title">{t('status.documents')}</h2>
      <ul className="list compact">
        {docs.map((d) => (
          <li key={d.id}>
            <a href={`/api/documents/${d.id}/file`} target="_blank" rel="noopener">
              {t(`doc.${d.kind}`)}
            </a>{' '}
            <span className="muted">· {dateTime(d.createdAt)}</span>
          </li>
        ))}
      </ul>

      {WITHDRAWABLE.includes(app.status) && (
        <div className="danger-zone">
          {actionError && <Notice kind="error">{actionError}</Notice>}
          <button type="button" className="btn btn-danger btn-block" onClick={withdraw}>
            {t('status.withdraw')}
          </button>
          <p className="hint">{t('status.withdrawHint')}</p>
        </div>
      )}
    </Page>
  );
}
