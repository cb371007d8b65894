import { payments } from '../../../db/schema';
import { crud } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';

export const paymentList: ListSpec = {
  resource: 'payments',
  table: payments,
  columns: {
    id: payments.id, applicationId: payments.applicationId, allocationId: payments.allocationId, organizationId: payments.organizationId,
    stage: payments.stage, source: payments.source, amountFen: payments.amountFen, channel: payments.channel,
    payerOrganizationId: payments.payerOrganizationId, status: payments.status, reference: payments.reference,
    paidAt: payments.paidAt, createdAt: payments.createdAt,
  },
  search: [payments.reference],
  defaultSort: ['id', 'DESC'],
};

export const paymentRoutes = () => crud({ list: paymentList });
