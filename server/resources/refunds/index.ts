import { refunds } from '../../../db/schema';
import { crud } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';

export const refundList: ListSpec = {
  resource: 'refunds',
  table: refunds,
  columns: {
    id: refunds.id, applicationId: refunds.applicationId, paymentId: refunds.paymentId, institutionId: refunds.institutionId,
    amountFen: refunds.amountFen, status: refunds.status, createdAt: refunds.createdAt, receivedAt: refunds.receivedAt, confirmedAt: refunds.confirmedAt,
  },
  defaultSort: ['id', 'DESC'],
};

export const refundRoutes = () => crud({ list: refundList });
