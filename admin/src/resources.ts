import { agencyAgreements } from './agency-agreements';
import { allocations } from './allocations';
import { appeals } from './appeals';
import { applications } from './applications';
import { auditLog } from './audit-log';
import { balances } from './balances';
import type { ResourceConfig } from './common';
import { documents } from './documents';
import { fundReturns } from './fund-returns';
import { institutions } from './institutions';
import { matchingPolicies } from './matching-policies';
import { notificationOutbox } from './notification-outbox';
import { notificationTemplates } from './notification-templates';
import { notifications } from './notifications';
import { organizations } from './organizations';
import { payments } from './payments';
import { quotas } from './quotas';
import { refunds } from './refunds';
import { reviews } from './reviews';
import { rounds } from './rounds';
import { studyChecks } from './study-checks';
import { users } from './users';
import { workers } from './workers';

/**
 * Menu order: the review work first, then money, then the plan, then the records behind them.
 * The menu shows a resource only when canAccess lets the role list it.
 */
export const RESOURCE_CONFIGS: [name: string, config: ResourceConfig][] = [
  ['applications', applications],
  ['reviews', reviews],
  ['documents', documents],
  ['appeals', appeals],
  ['workers', workers],
  ['allocations', allocations],
  ['payments', payments],
  ['refunds', refunds],
  ['study-checks', studyChecks],
  ['fund-returns', fundReturns],
  ['balances', balances],
  ['rounds', rounds],
  ['quotas', quotas],
  ['matching-policies', matchingPolicies],
  ['agency-agreements', agencyAgreements],
  ['organizations', organizations],
  ['institutions', institutions],
  ['users', users],
  ['audit-log', auditLog],
  ['notifications', notifications],
  ['notification-templates', notificationTemplates],
  ['notification-outbox', notificationOutbox],
];
