import type { AppUser } from '../providers/authProvider';
import { canAccess } from '../providers/canAccess';

interface PaymentFacts {
  status?: string;
  channel?: string;
  payerOrganizationId?: number;
  organizationId?: number;
}

/**
 * R3: who marks a payment paid or failed — the workers' school for an agency payment, the union's
 * own staff (org_admin, or a `direct` union's unit_admin) for a direct one. Mirrors the server's assertPayer.
 */
export function isPayer(user: AppUser | undefined, p: PaymentFacts | undefined): boolean {
  if (!user || !p) return false;
  if (p.channel === 'agency') return user.role === 'agent' && user.organizationId === p.payerOrganizationId;
  return (
    (user.role === 'org_admin' || user.role === 'unit_admin') &&
    user.orgLevel === 2 &&
    user.organizationId === p.payerOrganizationId
  );
}

export const mayPay = (user: AppUser | undefined, p: PaymentFacts | undefined) =>
  p?.status === 'pending' &&
  canAccess(user?.role, { resource: 'payments', action: 'pay' }) &&
  isPayer(user, p);

/** A failed payment is paid again by the union it belongs to, once the card is corrected. */
export const mayReissue = (user: AppUser | undefined, p: PaymentFacts | undefined) =>
  !!user &&
  p?.status === 'failed' &&
  canAccess(user.role, { resource: 'payments', action: 'reissue' }) &&
  user.orgLevel === 2 &&
  user.organizationId === p.organizationId;
