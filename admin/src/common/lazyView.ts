import { lazy, type ComponentType } from 'react';

const RELOADED = 'chunk-reload-at';

/**
 * After a release the old page may ask for chunks that no longer exist: reload once to get the new
 * ones (not more than once a minute, so a real outage shows the error instead of looping).
 */
function reloadOnStaleChunk<T>(load: () => Promise<T>): () => Promise<T> {
  return () =>
    load().catch((error: unknown) => {
      const last = Number(sessionStorage.getItem(RELOADED) ?? 0);
      if (
        /dynamically imported module|Importing a module script failed/i.test(String(error)) &&
        Date.now() - last > 60_000
      ) {
        sessionStorage.setItem(RELOADED, String(Date.now()));
        window.location.reload();
        return new Promise<T>(() => undefined); // the reload replaces the page
      }
      throw error;
    });
}

/**
 * A resource view loaded on first visit: named exports stay named, and the first load carries
 * only the shell (react-admin's Layout suspends while the chunk arrives).
 */
export function lazyView<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(reloadOnStaleChunk(() => load().then((m) => ({ default: m[name] }))));
}
