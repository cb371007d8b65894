import { appeals } from '../../../db/schema';
import { crud } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';

export const appealList: ListSpec = {
  resource: 'appeals',
  table: appeals,
  columns: {
    id: appeals.id, applicationId: appeals.applicationId, subject: appeals.subject, organizationId: appeals.organizationId,
    status: appeals.status, dueOn: appeals.dueOn, createdAt: appeals.createdAt, respondedAt: appeals.respondedAt,
  },
  search: [appeals.content],
  defaultSort: ['id', 'DESC'],
};

export const appealRoutes = () => crud({ list: appealList });
