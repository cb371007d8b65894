import type { AuthProvider } from 'react-admin';
import type { SessionUser } from '../../../server/lib/context';
import { canAccess } from './canAccess';
import { getJson, postJson, statusOf } from './http';

/** What /api/auth/me answers: the server's own type, not a copy of it. */
export type AppUser = SessionUser;

/** react-admin asks on every navigation; the session only changes on login, logout or expiry. */
const TTL_MS = 60_000;
let cached: { user: AppUser; at: number } | null = null;
let pending: Promise<AppUser> | null = null;
let everSignedIn = false;

function remember(user: AppUser): AppUser {
  cached = { user, at: Date.now() };
  everSignedIn = true;
  return user;
}

export function forgetUser(): void {
  cached = null;
  pending = null;
}

/** The signed-in user, from cache while fresh; rejects with the 401 when there is none. */
export function currentUser(force = false): Promise<AppUser> {
  if (!force && cached && Date.now() - cached.at < TTL_MS) return Promise.resolve(cached.user);
  pending ??= getJson<AppUser>('auth/me')
    .then(remember)
    .catch((error) => {
      if (statusOf(error) === 401) forgetUser();
      throw error;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const user = remember(await postJson<AppUser>('auth/login', { username, password }));
    return user.mustChangePassword ? { redirectTo: '/change-password' } : undefined;
  },

  async logout() {
    forgetUser();
    await postJson('auth/logout').catch(() => undefined);
  },

  async checkAuth() {
    try {
      await currentUser();
    } catch {
      // A first visit goes to the login page quietly; an expired session says why.
      throw { message: everSignedIn ? 'ra.auth.auth_check_error' : false };
    }
  },

  async checkError(error) {
    const status = statusOf(error);
    if (status === 401) {
      forgetUser();
      throw { message: 'ra.notification.logged_out' };
    }
    // 403: the role may not do this; stay signed in, the caller shows the server's message.
  },

  async getIdentity() {
    const user = await currentUser();
    return { ...user, fullName: user.displayName };
  },

  async getPermissions() {
    const user = await currentUser().catch(() => null);
    return user?.role;
  },

  async canAccess({ resource, action }) {
    const user = await currentUser().catch(() => null);
    return canAccess(user?.role, { resource, action });
  },
};
