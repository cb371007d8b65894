import type { AppUser } from '../providers/authProvider';
import { canAccess } from '../providers/canAccess';

interface AllocationFacts {
  status?: string;
  organizationId?: number;
}

/** R3: the city transfers what it created. */
export const mayTransfer = (user: AppUser | undefined, a: AllocationFacts | undefined) =>
  !!a && a.status === 'created' && canAccess(user?.role, { resource: 'allocations', action: 'transfer' });

/**
 * R3: the union that holds the money confirms it arrived — its org_admin, or the unit_admin of a
 * `direct` union, which is its own level-2 union (server: actsForUnion).
 */
export const mayReceive = (user: AppUser | undefined, a: AllocationFacts | undefined) =>
  !!a &&
  !!user &&
  a.status === 'transferred' &&
  canAccess(user.role, { resource: 'allocations', action: 'receive' }) &&
  user.orgLevel === 2 &&
  user.organizationId === a.organizationId;
