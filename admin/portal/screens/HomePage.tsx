import { useI18n } from '../i18n';
import { api } from '../lib/api';
import { membershipKey } from '../lib/checks';
import { chinaToday, daysBetween, yuan } from '../lib/format';
import { Link } from '../lib/router';
import { useBasics } from '../lib/session';
import { EDITABLE, isOpen, LEVEL_FREE, roundOf } from '../lib/status';
import { useSession } from '../lib/session';
import type { Application } from '../lib/types';
import { ErrorNotice, Loading, Page, useLoad } from '../ui/kit';
import { StatusChip } from '../ui/StatusChip';

/** R8: a union's own subsidy, as the portal reads it. */
interface MatchingPolicy {
  id: number;
  roundId: number;
  processAmountFen: number;
  resultAmountFen: number;
  note: string;
}

/** The worker's start page: the open round (R11) and every application with its status (R14). */
export function HomePage() {
  const { t, tn, lang } = useI18n();
  const { worker, rounds, institutions } = useBasics();
  const { signOut } = useSession();
  const { data: apps, error } = useLoad(() => api.list<Application>('applications'), []);
  // R8: the union's own subsidy on top of the city's, public to its workers.
  const { data: policies } = useLoad(() => api.list<MatchingPolicy>('matching-policies'), []);
  const today = chinaToday();
  const open = rounds.filter((r) => isOpen(r, today));
  const membership = membershipKey(worker);

  return (
    <Page title={t('home.hello', { name: worker.name })}>
      {membership && (
        <p
          className={membership === 'home.memberVerified' ? 'notice notice-success' : 'notice notice-warn'}
          data-testid="membership"
        >
          {t(membership)}
        </p>
      )}
      {open.length === 0 && (
        <section className="card">
          <p>{t('home.noRound')}</p>
        </section>
      )}
      {open.map((r) => {
        // The application of this round still alive (R9e: one per level): the home leads to it, and
        // 「开始申请」 appears only when there is none, so no stray draft is made beside it.
        const mine = apps?.find((a) => a.roundId === r.id && !LEVEL_FREE.includes(a.status));
        return (
          <section className="card card-accent" key={r.id} data-testid="open-round">
            <h2>{t('home.roundOpen', { name: r.name })}</h2>
            <p>
              {tn('home.window', { opens: r.opensOn, closes: r.closesOn })}{' '}
              <strong className="nowrap">{t('home.daysLeft', { n: daysBetween(today, r.closesOn) })}</strong>
            </p>
            <p className="amounts">
              {t('home.amounts', {
                process: yuan(r.processAmountFen, lang),
                result: yuan(r.resultAmountFen, lang),
                total: yuan(r.processAmountFen + r.resultAmountFen, lang),
              })}
            </p>
            {policies
              ?.filter((m) => m.roundId === r.id)
              .map((m) => (
                <p className="amounts" key={m.id} data-testid="matching-policy">
                  {t('home.matching', {
                    process: yuan(m.processAmountFen, lang),
                    result: yuan(m.resultAmountFen, lang),
                  })}
                  {m.note ? ` ${m.note}` : ''}
                </p>
              ))}
            {!apps ? null : mine ? (
              <>
                <p className="hint" data-testid="already">
                  {t('home.already', { status: t(`status.${mine.status}`) })}
                </p>
                <Link
                  className="btn btn-primary btn-block"
                  to={EDITABLE.includes(mine.status) ? `/apply/${mine.id}` : `/applications/${mine.id}`}
                  data-testid="go-mine"
                >
                  {EDITABLE.includes(mine.status) ? t('home.continue') : t('home.view')}
                </Link>
              </>
            ) : (
              <Link className="btn btn-primary btn-block" to={`/apply/new?round=${r.id}`}>
                {t('home.start')}
              </Link>
            )}
          </section>
        );
      })}

      <h2 className="section-title">{t('home.mine')}</h2>
      <ErrorNotice error={error} />
      {!apps && !error && <Loading />}
      {apps?.length === 0 && <p className="muted">{t('home.none')}</p>}
      <ul className="list">
        {apps?.map((a) => {
          const inst = institutions.find((i) => i.id === a.institutionId);
          return (
            <li key={a.id}>
              <Link
                className="list-item"
                to={EDITABLE.includes(a.status) ? `/apply/${a.id}` : `/applications/${a.id}`}
                data-testid={`app-${a.id}`}
              >
                <span className="list-main">
                  <strong>
                    {roundOf(rounds, a)?.name} ·{' '}
                    {a.educationLevel ? t(`level.${a.educationLevel}`) : t('home.levelUnset')}
                  </strong>
                  <span className="muted">
                    {inst?.name ?? t('home.instUnset')} ·{' '}
                    <span className="nowrap">{t('home.appNo', { id: a.id })}</span>
                  </span>
                </span>
                <StatusChip status={a.status} />
              </Link>
            </li>
          );
        })}
      </ul>

      <div className="links">
        <Link className="btn btn-secondary btn-block" to="/profile">
          {t('nav.profile')}
        </Link>
        <Link className="btn btn-secondary btn-block" to="/help" data-testid="help-link">
          {t('help.link')}
        </Link>
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={signOut}
          data-testid="sign-out"
        >
          {t('nav.signOut')}
        </button>
      </div>
    </Page>
  );
}
