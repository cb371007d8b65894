import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A history router for the few pages under /portal (the server answers portal.html for all of them). */
export const BASE = '/portal';

const subscribe = (fn: () => void) => {
  window.addEventListener('popstate', fn);
  return () => window.removeEventListener('popstate', fn);
};

/** The path below /portal: '/', '/apply/12', … */
export function usePath(): string {
  const full = useSyncExternalStore(subscribe, () => window.location.pathname);
  const rest = full.startsWith(BASE) ? full.slice(BASE.length) : full;
  return rest === '' ? '/' : rest;
}

export function navigate(to: string, replace = false): void {
  const url = BASE + (to === '/' ? '' : to);
  if (url === window.location.pathname) return;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={BASE + (to === '/' ? '' : to)} onClick={go} {...rest} />;
}

/** `/applications/:id` → {id} when the path matches the pattern. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/'),
    s = path.split('/');
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) out[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return out;
}

export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}
