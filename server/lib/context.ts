import type { Db } from '../../db/client';
import type { Role } from '../domain/permissions';
import type { Pii } from './pii';

export type Clock = () => Date;

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  organizationId: number | null;
  institutionId: number | null;
  workerId: number | null;
  /** Of the user's organisation: its level (1 city, 2, 3), materialised path and level-2 union. */
  orgLevel: number | null;
  orgPath: string | null;
  level2Id: number | null;
  mustChangePassword: boolean;
}

export interface Deps {
  db: Db;
  clock: Clock;
  pii: Pii;
  dataDir: string;
  secureCookies: boolean;
  /** PUBLIC_ORIGIN: when set, the only origin state-changing requests may come from (csrf.ts). */
  publicOrigin?: string;
  /** Audit retention in days (server/lib/archive.ts); 180 when not given. */
  auditRetentionDays?: number;
}

/** Who is acting, from where, when: what the services and the audit log need of a request. */
export interface Actor {
  user: SessionUser | null;
  ip?: string | null;
  requestId?: string | null;
  /** The client's X-Request-Id when it is a UUID: audited apart from the chain (server/lib/audit.ts). */
  clientRequestId?: string | null;
  now: Clock;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    user: SessionUser | null;
    sessionId: number | null;
    requestId: string;
    actor: Actor;
  };
};
