/**
 * One role × resource × action table, used by the server to refuse (403) and imported by the
 * admin panel's canAccess so the menu and the buttons follow the same rules. Scope (which
 * records) is a separate matter: see server/lib/scope.ts.
 */
export type Role = 'city_admin' | 'org_admin' | 'unit_admin' | 'agent' | 'institution' | 'worker';
export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | string;

const R = ['list', 'show'] as const;
const RW = ['list', 'show', 'create', 'edit'] as const;
const ALL = ['list', 'show', 'create', 'edit', 'delete'] as const;

type Table = Record<string, Partial<Record<Role, readonly string[]>>>;

export const PERMISSIONS: Table = {
  organizations: { city_admin: ALL, org_admin: [...RW], unit_admin: R, agent: R, institution: R, worker: R },
  users: {
    city_admin: [...ALL, 'resetPassword'],
    org_admin: [...RW, 'resetPassword'],
    unit_admin: [...RW, 'resetPassword'],
  },
  workers: {
    city_admin: [...RW, 'reveal'],
    // R9a: a unit union imports its member roster; a level-2 union those of its grassroots unions.
    org_admin: [...R, 'reveal', 'import'],
    unit_admin: [...RW, 'reveal', 'import', 'claimCodes'],
    agent: R,
    institution: R,
    worker: [...R, 'edit'],
  },
  institutions: {
    city_admin: ALL,
    org_admin: R,
    unit_admin: R,
    agent: R,
    institution: [...R, 'edit'],
    worker: R,
  },
  rounds: {
    city_admin: [...ALL, 'raisePlan'],
    org_admin: R,
    unit_admin: R,
    agent: R,
    institution: R,
    worker: R,
  },
  // R18: the city commits a round's quotas from the proposal in one action.
  quotas: { city_admin: [...RW, 'adjust', 'commit'], org_admin: R, unit_admin: R },
  applications: {
    city_admin: [...R, 'review', 'verifyGraduation', 'verifyEnrollment', 'allowLateProcess', 'dropout'],
    org_admin: [...R, 'review', 'verifyEnrollment', 'dropout'],
    // A `direct` union's clerks check enrolments as its level-2 union (the service checks which union).
    unit_admin: [...ALL, 'submit', 'withdraw', 'review', 'verifyEnrollment', 'printForm'],
    institution: [...R, 'dropout', 'graduate'],
    agent: R,
    worker: [...ALL, 'submit', 'withdraw', 'graduate', 'printForm'],
  },
  reviews: { city_admin: R, org_admin: R, unit_admin: R, worker: R },
  documents: {
    city_admin: [...R, 'create', 'download'],
    org_admin: [...R, 'download'],
    unit_admin: [...R, 'create', 'delete', 'download'],
    institution: [...R, 'create', 'download'],
    worker: [...R, 'create', 'delete', 'download'],
  },
  // A `direct` union's staff are unit_admins at level 2: the services let only the union's own staff act (R3).
  allocations: {
    city_admin: [...R, 'create', 'transfer'],
    org_admin: [...R, 'receive'],
    unit_admin: [...R, 'receive'],
  },
  payments: {
    city_admin: R,
    org_admin: [...R, 'pay', 'fail', 'reissue', 'export', 'import', 'own'],
    unit_admin: [...R, 'pay', 'fail', 'reissue', 'export', 'import', 'own'],
    agent: [...R, 'pay', 'fail', 'export', 'import'],
    worker: R,
  },
  refunds: {
    city_admin: [...R, 'create', 'receive', 'confirm'],
    org_admin: R,
    institution: [...R, 'create', 'receive'],
  },
  'fund-returns': {
    city_admin: [...R, 'confirm'],
    org_admin: [...R, 'create'],
    unit_admin: [...R, 'create'],
  },
  balances: { city_admin: R, org_admin: R },
  // R8: the policy is public to the union's workers.
  'matching-policies': { city_admin: R, org_admin: [...ALL], worker: R },
  'agency-agreements': { city_admin: [...ALL], org_admin: R, agent: R },
  appeals: {
    city_admin: [...R, 'respond', 'close'],
    org_admin: [...R, 'respond', 'close'],
    unit_admin: [...R, 'respond', 'close'],
    worker: [...R, 'create'],
  },
  // R15: the institution (its own students) or the unit union (its own workers) records the term's check.
  'study-checks': {
    city_admin: R,
    org_admin: R,
    unit_admin: [...R, 'create'],
    agent: R,
    institution: [...R, 'create'],
    worker: R,
  },
  'audit-log': { city_admin: R, org_admin: R },
  stats: { city_admin: ['show'], org_admin: ['show'], unit_admin: ['show'] },
  // R15: an institution's own students' figures.
  'institution-stats': { institution: ['show'] },
  integrity: { city_admin: ['show'] },
  // Each account's own messages (the scope is the recipient); the city admin keeps the texts and the SMS outbox.
  notifications: {
    city_admin: [...R, 'read'],
    org_admin: [...R, 'read'],
    unit_admin: [...R, 'read'],
    agent: [...R, 'read'],
    institution: [...R, 'read'],
    worker: [...R, 'read'],
  },
  'notification-templates': { city_admin: [...R, 'edit'] },
  'notification-outbox': { city_admin: [...R, 'retry'] },
};

export function canAccess(role: Role | undefined, params: { resource: string; action: Action }): boolean {
  if (!role) return false;
  const actions = PERMISSIONS[params.resource]?.[role];
  return !!actions && actions.includes(params.action);
}

export const RESOURCES = Object.keys(PERMISSIONS).filter(
  (r) => r !== 'stats' && r !== 'institution-stats' && r !== 'integrity' && r !== 'balances',
);
