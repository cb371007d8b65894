import { lazy, type ComponentType } from 'react';

/**
 * A resource view loaded on first visit: named exports stay named, and the first load carries
 * only the shell (react-admin's Layout suspends while the chunk arrives).
 */
export function lazyView<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
