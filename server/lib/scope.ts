import { and, eq, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  agencyAgreements,
  allocations,
  applications,
  appeals,
  auditLog,
  documents,
  fundReturns,
  matchingPolicies,
  notifications,
  organizations,
  payments,
  quotas,
  refunds,
  reviews,
  studyChecks,
  users,
  workers,
} from '../../db/schema';
import type { SessionUser } from './context';

/**
 * The one place that turns a logged-in user into the records it may touch. Every list, getOne,
 * getMany, write and action adds this condition; a filter can only narrow it. `undefined` means
 * everything (the city), `NONE` nothing. The tree has three levels, so a level-2 user's subtree is
 * `level2_id = its organisation` and a grassroots user's is its own organisation: one index each.
 */
export const NONE = sql`0`;

function orgScope(u: SessionUser, orgCol: SQLiteColumn, level2Col?: SQLiteColumn): SQL | undefined {
  if (u.orgLevel === 1) return undefined;
  if (u.orgLevel === 2 && level2Col) return eq(level2Col, u.organizationId!);
  if (u.orgLevel === 2) {
    return inArray(orgCol, sql`(select id from organizations where level2_id = ${u.organizationId})`);
  }
  return eq(orgCol, u.organizationId!);
}

const isStaff = (u: SessionUser) =>
  u.role === 'city_admin' || u.role === 'org_admin' || u.role === 'unit_admin';

/** Applications the user may see. */
export function applicationScope(u: SessionUser): SQL | undefined {
  // A draft is the worker's (or its unit's) own business until it is submitted.
  if (isStaff(u)) {
    const orgs = orgScope(u, applications.organizationId, applications.level2Id);
    return u.role === 'unit_admin' ? orgs : and(orgs, ne(applications.status, 'draft'));
  }
  switch (u.role) {
    case 'worker':
      return eq(applications.workerId, u.workerId!);
    case 'institution':
      return and(eq(applications.institutionId, u.institutionId!), ne(applications.status, 'draft'));
    case 'agent':
      return inArray(
        applications.id,
        sql`(select application_id from payments where payer_organization_id = ${u.organizationId})`,
      );
    default:
      return NONE;
  }
}

/** Rows that hang on an application: scoped through it. */
function viaApplication(u: SessionUser, col: SQLiteColumn): SQL | undefined {
  const s = applicationScope(u);
  if (s === undefined) return undefined;
  return inArray(col, sql`(select ${applications.id} from ${applications} where ${s})`);
}

export function scopeFor(resource: string, u: SessionUser): SQL | undefined {
  switch (resource) {
    case 'applications':
      return applicationScope(u);
    case 'organizations':
      if (u.role === 'worker') {
        return sql`${organizations.id} in (select value from json_each('[' || replace(trim((select o.path from workers w join organizations o on o.id = w.organization_id where w.id = ${u.workerId}), '/'), '/', ',') || ']'))`;
      }
      if (isStaff(u) && u.orgLevel !== 1) return like(organizations.path, `${u.orgPath}%`);
      return undefined;
    case 'workers':
      if (isStaff(u)) return orgScope(u, workers.organizationId, workers.level2Id);
      if (u.role === 'worker') return eq(workers.id, u.workerId!);
      if (u.role === 'institution')
        return inArray(
          workers.id,
          sql`(select worker_id from applications where institution_id = ${u.institutionId} and status <> 'draft')`,
        );
      if (u.role === 'agent')
        return inArray(
          workers.id,
          sql`(select a.worker_id from payments p join applications a on a.id = p.application_id where p.payer_organization_id = ${u.organizationId})`,
        );
      return NONE;
    case 'users':
      if (u.role === 'city_admin') return undefined;
      if (u.role === 'org_admin' || u.role === 'unit_admin') {
        return sql`(${users.organizationId} in (select id from organizations where path like ${`${u.orgPath}%`})
          or ${users.workerId} in (select w.id from workers w join organizations o on o.id = w.organization_id where o.path like ${`${u.orgPath}%`}))`;
      }
      return eq(users.id, u.id);
    // A message is its recipient's alone, whoever else may see the application it tells of.
    case 'notifications':
      return eq(notifications.userId, u.id);
    case 'notification-outbox':
    case 'institutions':
    case 'rounds':
      return undefined;
    case 'quotas':
      if (u.orgLevel === 1) return undefined;
      return isStaff(u) ? eq(quotas.organizationId, u.level2Id!) : NONE;
    case 'matching-policies':
      if (u.orgLevel === 1) return undefined;
      // R8: a union's own subsidy is public to its workers.
      if (u.role === 'worker')
        return eq(
          matchingPolicies.organizationId,
          sql`(select level2_id from workers where id = ${u.workerId})`,
        );
      return isStaff(u) ? eq(matchingPolicies.organizationId, u.level2Id!) : NONE;
    // Money between the city and a level-2 union: a grassroots clerk under a district has none of its own.
    case 'allocations':
      if (u.orgLevel === 1 && isStaff(u)) return undefined;
      return isStaff(u) && u.orgLevel === 2 ? eq(allocations.organizationId, u.level2Id!) : NONE;
    case 'fund-returns':
      if (u.orgLevel === 1 && isStaff(u)) return undefined;
      return isStaff(u) && u.orgLevel === 2 ? eq(fundReturns.organizationId, u.level2Id!) : NONE;
    case 'agency-agreements':
      if (u.role === 'agent') return eq(agencyAgreements.agentOrganizationId, u.organizationId!);
      if (u.orgLevel === 1) return undefined;
      return isStaff(u) ? eq(agencyAgreements.organizationId, u.level2Id!) : NONE;
    case 'payments':
      if (u.role === 'agent') return eq(payments.payerOrganizationId, u.organizationId!);
      if (isStaff(u))
        return u.orgLevel === 1
          ? undefined
          : u.orgLevel === 2
            ? eq(payments.organizationId, u.level2Id!)
            : viaApplication(u, payments.applicationId);
      return viaApplication(u, payments.applicationId);
    case 'refunds':
      if (u.role === 'institution') return eq(refunds.institutionId, u.institutionId!);
      return viaApplication(u, refunds.applicationId);
    case 'reviews':
      return viaApplication(u, reviews.applicationId);
    case 'documents':
      return viaApplication(u, documents.applicationId);
    case 'appeals':
      return viaApplication(u, appeals.applicationId);
    // R15: a study check is seen wherever its application is (an institution: its own students).
    case 'study-checks':
      return viaApplication(u, studyChecks.applicationId);
    case 'audit-log':
      if (u.role === 'city_admin') return undefined;
      if (u.role === 'org_admin')
        return inArray(
          auditLog.organizationId,
          sql`(select id from organizations where level2_id = ${u.organizationId})`,
        );
      return NONE;
    default:
      return NONE;
  }
}
