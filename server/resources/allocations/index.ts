import { allocations } from '../../../db/schema';
import { crud } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';

export const allocationList: ListSpec = {
  resource: 'allocations',
  table: allocations,
  columns: {
    id: allocations.id, roundId: allocations.roundId, organizationId: allocations.organizationId, stage: allocations.stage,
    amountFen: allocations.amountFen, applicationCount: allocations.applicationCount, status: allocations.status,
    createdAt: allocations.createdAt, transferredAt: allocations.transferredAt, receivedAt: allocations.receivedAt,
  },
  defaultSort: ['id', 'DESC'],
};

export const allocationRoutes = () => crud({ list: allocationList });
