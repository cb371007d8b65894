import { Hono } from 'hono';
import type { AppEnv } from '../lib/context';
import { agencyRoutes } from './agency-agreements';
import { allocationRoutes } from './allocations';
import { appealRoutes } from './appeals';
import { applicationRoutes } from './applications';
import { auditRoutes } from './audit-log';
import { auditHeadRoutes } from './audit-log/head';
import { authRoutes } from './auth';
import { balanceRoutes } from './balances';
import { documentRoutes } from './documents';
import { fundReturnRoutes } from './fund-returns';
import { healthRoutes } from './health';
import { institutionRoutes } from './institutions';
import { integrityRoutes } from './integrity';
import { matchingRoutes } from './matching-policies';
import { notificationRoutes } from './notifications';
import { outboxRoutes, templateRoutes } from './notifications/admin';
import { organizationRoutes } from './organizations';
import { paymentRoutes } from './payments';
import { quotaRoutes } from './quotas';
import { refundRoutes } from './refunds';
import { reviewRoutes } from './reviews';
import { roundRoutes } from './rounds';
import { statsRoutes } from './stats';
import { studyCheckRoutes } from './study-checks';
import { userRoutes } from './users';
import { workerRoutes } from './workers';

export function apiRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/auth', authRoutes())
    .route('/organizations', organizationRoutes())
    .route('/users', userRoutes())
    .route('/workers', workerRoutes())
    .route('/institutions', institutionRoutes())
    .route('/rounds', roundRoutes())
    .route('/quotas', quotaRoutes())
    .route('/applications', applicationRoutes())
    .route('/reviews', reviewRoutes())
    .route('/documents', documentRoutes())
    .route('/allocations', allocationRoutes())
    .route('/payments', paymentRoutes())
    .route('/refunds', refundRoutes())
    .route('/fund-returns', fundReturnRoutes())
    .route('/balances', balanceRoutes())
    .route('/matching-policies', matchingRoutes())
    .route('/agency-agreements', agencyRoutes())
    .route('/appeals', appealRoutes())
    .route('/study-checks', studyCheckRoutes())
    .route('/notifications', notificationRoutes())
    .route('/notification-templates', templateRoutes())
    .route('/notification-outbox', outboxRoutes())
    .route('/audit-log', auditRoutes())
    .route('/stats', statsRoutes())
    .route('/', integrityRoutes())
    .route('/', auditHeadRoutes())
    .route('/', healthRoutes());
}
