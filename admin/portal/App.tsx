import { useI18n } from './i18n';
import { ApplyPage } from './apply/ApplyPage';
import { Link, match, Redirect, usePath } from './lib/router';
import { useSession } from './lib/session';
import { useUnread } from './lib/unread';
import { FormPage } from './screens/FormPage';
import { HelpPage } from './screens/HelpPage';
import { HomePage } from './screens/HomePage';
import { MessagesPage } from './screens/MessagesPage';
import { LoginPage } from './screens/LoginPage';
import { PasswordPage } from './screens/PasswordPage';
import { ProfilePage } from './screens/ProfilePage';
import { StatusPage } from './status/StatusPage';
import { ErrorNotice, Loading, Notice, Page } from './ui/kit';

/** The worker's unread messages, as a bell with its count beside the language switch. */
function Bell() {
  const { t } = useI18n();
  const { user } = useSession();
  const path = usePath();
  const n = useUnread(path, !!user && user.role === 'worker' && !user.mustChangePassword);
  if (!user || user.role !== 'worker' || user.mustChangePassword) return null;
  return (
    <Link to="/messages" className="bell" data-testid="bell" aria-label={t('messages.bell', { n })}>
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
      </svg>
      {n > 0 && (
        <span className="badge" data-testid="unread-badge">
          {n > 99 ? '99+' : n}
        </span>
      )}
    </Link>
  );
}

function Header() {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="topbar no-print">
      <Link to="/" className="brand">
        {t('app.short')}
      </Link>
      <span className="topbar-end">
        <Bell />
        <button
          type="button"
          className="lang"
          onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
          lang={lang === 'en' ? 'zh-CN' : 'en'}
          data-testid="lang"
        >
          {lang === 'en' ? '中文' : 'English'}
        </button>
      </span>
    </header>
  );
}

function Routes() {
  const path = usePath();
  const { t } = useI18n();
  const { user, basics, basicsError, refreshBasics } = useSession();
  if (user === undefined) return <Loading />;
  if (user === null)
    return path === '/' || path === '/login' ? (
      <LoginPage />
    ) : (
      <>
        <Redirect to="/" />
        <LoginPage />
      </>
    );
  if (user.role !== 'worker') {
    return (
      <Page title={t('staff.title')}>
        <Notice>{t('staff.lead')}</Notice>
        <a className="btn btn-primary btn-block" href="/">
          {t('staff.go')}
        </a>
      </Page>
    );
  }
  // The server refuses everything else until the initial password is changed.
  if (user.mustChangePassword) return <PasswordPage forced />;
  if (!basics && basicsError) {
    return (
      <Page title={t('app.short')}>
        <ErrorNotice error={basicsError} />
        <button type="button" className="btn btn-primary btn-block" onClick={refreshBasics}>
          {t('common.retry')}
        </button>
      </Page>
    );
  }
  if (!basics) return <Loading />;

  let m: Record<string, string> | null;
  if (path === '/' || path === '/login') return <HomePage />;
  if ((m = match('/apply/:id', path))) return <ApplyPage id={m.id} />;
  if ((m = match('/applications/:id/form', path))) return <FormPage id={Number(m.id)} />;
  if ((m = match('/applications/:id', path))) return <StatusPage id={Number(m.id)} />;
  if (path === '/profile') return <ProfilePage />;
  if (path === '/help') return <HelpPage />;
  if (path === '/messages') return <MessagesPage />;
  if (path === '/password') return <PasswordPage forced={false} />;
  return (
    <Page title={t('notFound.title')} back="/">
      <p>{t('notFound.lead')}</p>
    </Page>
  );
}

export function App() {
  return (
    <>
      <Header />
      <Routes />
    </>
  );
}
