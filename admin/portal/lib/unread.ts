import { useEffect, useState } from 'react';
import { api } from './api';

/** Said after a message is read, so the badge asks again at once. */
export const MESSAGES_CHANGED = 'portal:messages';
export const messagesChanged = () => window.dispatchEvent(new Event(MESSAGES_CHANGED));

/** The unread messages' count: asked on each page, when a message is read, and every minute. */
export function useUnread(path: string, enabled: boolean): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const ask = () =>
      api.total('notifications', { read: false }).then(
        (v) => live && setN(v),
        () => undefined,
      );
    void ask();
    const timer = window.setInterval(ask, 60_000);
    window.addEventListener(MESSAGES_CHANGED, ask);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(MESSAGES_CHANGED, ask);
    };
  }, [path, enabled]);
  return enabled ? n : 0;
}
