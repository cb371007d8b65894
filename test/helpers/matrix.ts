/** The demo accounts of each role, in the order of the matrices below. */
export const ROLE_USERS = ['city', 'wuhua', 'wuhua-001', 'school', 'ynou', 'worker1'] as const;

/** Expected answer to a list, per role in ROLE_USERS order: Y = 200, N = 403. Written out, not derived. */
export const LIST: Record<string, string> = {
  organizations: 'YYYYYY',
  users: 'YYYNNN',
  workers: 'YYYYYY',
  institutions: 'YYYYYY',
  rounds: 'YYYYYY',
  quotas: 'YYYNNN',
  applications: 'YYYYYY',
  reviews: 'YYYNNY',
  documents: 'YYYNYY',
  allocations: 'YYYNNN',
  payments: 'YYYYNY',
  refunds: 'YYNNYN',
  'fund-returns': 'YYYNNN',
  'matching-policies': 'YYNNNY', // R8: public to the union's workers
  'agency-agreements': 'YYNYNN',
  appeals: 'YYYNNY',
  'study-checks': 'YYYYYY',
  'audit-log': 'YYNNNN',
};

/** A generic update with an empty body on a record in scope: Y = 200, N = 403, X = 405 (action-only resource). */
export const UPDATE: Record<string, string> = {
  organizations: 'YYNNNN',
  users: 'YYYNNN',
  workers: 'YNYNNY',
  institutions: 'YNNNYN',
  rounds: 'YNNNNN',
  quotas: 'XXXXXX',
  reviews: 'XXXXXX',
  documents: 'XXXXXX',
  allocations: 'XXXXXX',
  payments: 'XXXXXX',
  refunds: 'XXXXXX',
  'fund-returns': 'XXXXXX',
  'matching-policies': 'NYNNNN',
  'agency-agreements': 'YNNNNN',
  appeals: 'XXXXXX',
  'study-checks': 'XXXXXX',
  'audit-log': 'XXXXXX',
};
