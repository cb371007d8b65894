import { auditLog } from '../../../db/schema';
import { redactPersonal } from '../../lib/redact';
import { crud } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';

export const auditList: ListSpec = {
  resource: 'audit-log',
  table: auditLog,
  columns: {
    id: auditLog.id,
    at: auditLog.at,
    userId: auditLog.userId,
    role: auditLog.role,
    organizationId: auditLog.organizationId,
    action: auditLog.action,
    resource: auditLog.resource,
    recordId: auditLog.recordId,
    ip: auditLog.ip,
  },
  search: [auditLog.action, auditLog.resource],
  defaultSort: ['id', 'DESC'],
};

/** Append-only: no create, update or delete here (405), and triggers refuse them in the database. */
export const auditRoutes = () =>
  crud({
    list: auditList,
    serialize: (row) => ({
      ...row,
      // Rows written before the redaction rule still hold a birth date: masked again on the way out.
      before: row.before ? redactPersonal(JSON.parse(row.before as string)) : null,
      after: row.after ? redactPersonal(JSON.parse(row.after as string)) : null,
    }),
  });
