import { fundReturns } from '../../../db/schema';
import { crud } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';

export const fundReturnList: ListSpec = {
  resource: 'fund-returns',
  table: fundReturns,
  columns: {
    id: fundReturns.id, roundId: fundReturns.roundId, organizationId: fundReturns.organizationId, stage: fundReturns.stage,
    amountFen: fundReturns.amountFen, status: fundReturns.status, createdAt: fundReturns.createdAt, confirmedAt: fundReturns.confirmedAt,
  },
  defaultSort: ['id', 'DESC'],
};

export const fundReturnRoutes = () => crud({ list: fundReturnList });
