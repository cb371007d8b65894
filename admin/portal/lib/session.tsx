import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setUnauthorizedHandler } from './api';
import type { Institution, Organization, Round, User, Worker } from './types';

/**
 * Who is signed in, and the few records every page needs once: the worker's own record, its unit
 * union, the rounds and the institutions. Loaded after sign-in (and after the first password change).
 */
export interface Basics {
  worker: Worker;
  rounds: Round[];
  institutions: Institution[];
  /** The worker's unit union, and the chain above it (level-2 union, city): its reviewers (R13). */
  unit: Organization | null;
  orgs: Organization[];
}

interface Session {
  user: User | null | undefined; // undefined: still asking the server
  basics: Basics | undefined;
  basicsError: unknown;
  signedIn: (u: User) => void;
  signOut: () => Promise<void>;
  refreshBasics: () => Promise<void>;
}

const Ctx = createContext<Session | null>(null);

async function loadBasics(user: User): Promise<Basics> {
  const worker = await api.get<Worker>(`/workers/${user.workerId}`);
  const [orgs, rounds, institutions] = await Promise.all([
    api.list<Organization>('organizations', {}, ['id', 'ASC']),
    api.list<Round>('rounds', {}, ['opensOn', 'DESC']),
    api.list<Institution>('institutions', { active: true }, ['id', 'ASC']),
  ]);
  return {
    worker,
    unit: orgs.find((o) => o.id === worker.organizationId) ?? null,
    orgs,
    rounds,
    institutions,
  };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [basics, setBasics] = useState<Basics>();
  const [basicsError, setBasicsError] = useState<unknown>();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      setBasics(undefined);
    });
    api.get<User>('/auth/me').then(setUser, () => setUser(null));
  }, []);

  const refreshBasics = useCallback(async () => {
    if (!user || user.mustChangePassword || !user.workerId) return;
    try {
      setBasics(await loadBasics(user));
      setBasicsError(undefined);
    } catch (e) {
      setBasicsError(e);
    }
  }, [user]);

  useEffect(() => {
    void refreshBasics();
  }, [refreshBasics]);

  const signOut = useCallback(async () => {
    await api.post('/auth/logout').catch(() => undefined);
    setUser(null);
    setBasics(undefined);
  }, []);

  return (
    <Ctx.Provider value={{ user, basics, basicsError, signedIn: setUser, signOut, refreshBasics }}>
      {children}
    </Ctx.Provider>
  );
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The basics, once loaded (pages under the signed-in frame only render after they are). */
export function useBasics(): Basics {
  const b = useSession().basics;
  if (!b) throw new Error('basics not loaded');
  return b;
}
