import type { Role } from '../providers/canAccess';
import { CHOICES } from '../common';

/**
 * Which roles a user may create (mirrors the server's rule in server/resources/users, which
 * decides; this only keeps impossible choices out of the menu).
 */
const CREATABLE: Record<string, readonly Role[]> = {
  city_admin: ['city_admin', 'org_admin', 'unit_admin', 'agent', 'institution', 'worker'],
  org_admin: ['unit_admin', 'worker'],
  unit_admin: ['worker'],
};

export const roleChoicesFor = (role: string | undefined) =>
  CHOICES.role.filter((c) => CREATABLE[role ?? '']?.includes(c.id as Role));

/** The record a user of this role is attached to. */
export const attachmentOf = (role: unknown): 'organizationId' | 'institutionId' | 'workerId' | null =>
  role === 'institution' ? 'institutionId' : role === 'worker' ? 'workerId' : role ? 'organizationId' : null;
