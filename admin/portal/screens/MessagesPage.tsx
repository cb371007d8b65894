import { useI18n } from '../i18n';
import { api } from '../lib/api';
import { dateTime } from '../lib/format';
import { Link } from '../lib/router';
import type { Message } from '../lib/types';
import { messagesChanged } from '../lib/unread';
import { ErrorNotice, Loading, Page, useLoad } from '../ui/kit';

/** The worker's messages, newest first: unread ones marked; opening one reads it and goes to its application. */
export function MessagesPage() {
  const { t, lang } = useI18n();
  const { data, error, reload } = useLoad(() => api.list<Message>('notifications'), []);
  const read = async (m: Message) => {
    if (m.read) return;
    await api.post(`/notifications/${m.id}/read`).catch(() => undefined);
    messagesChanged();
  };
  const readAll = async () => {
    await api.post('/notifications/read-all');
    messagesChanged();
    await reload();
  };
  const unread = data?.filter((m) => !m.read).length ?? 0;
  return (
    <Page title={t('messages.title')} back="/">
      <ErrorNotice error={error} />
      {!data && !error && <Loading />}
      {data?.length === 0 && <p className="muted">{t('messages.none')}</p>}
      {unread > 0 && (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={readAll}
          data-testid="read-all"
        >
          {t('messages.readAll', { n: unread })}
        </button>
      )}
      <ul className="list messages">
        {data?.map((m) => {
          const body = (
            <span className="list-main">
              <span className={m.read ? 'message-text' : 'message-text unread'}>
                {lang === 'en' ? m.text.en : m.text.zh}
              </span>
              <span className="muted nowrap">{dateTime(m.createdAt)}</span>
            </span>
          );
          return (
            <li key={m.id} data-testid={`message-${m.id}`} data-read={m.read}>
              {m.applicationId ? (
                <Link
                  className="list-item"
                  to={`/applications/${m.applicationId}`}
                  onClick={() => void read(m)}
                >
                  {!m.read && <span className="dot" aria-label={t('messages.unread')} />}
                  {body}
                  <span aria-hidden="true">›</span>
                </Link>
              ) : (
                <button type="button" className="list-item" onClick={() => void read(m).then(reload)}>
                  {!m.read && <span className="dot" aria-label={t('messages.unread')} />}
                  {body}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
