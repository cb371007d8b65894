/** What the seed reports: row counts, applications by status, the rounds and the demo accounts. */
import type { Db } from '../../db/client';
import { DEMO_PASSWORD } from './context';

export interface SeedSummary {
  counts: Record<string, number>;
  applicationsByStatus: Record<string, number>;
  rounds: Array<{ id: number; name: string; intakeTerm: string; opensOn: string; closesOn: string }>;
  accounts: Array<{ username: string; role: string; displayName: string }>;
  password: string;
}

const TABLES = [
  'organizations',
  'institutions',
  'rounds',
  'quotas',
  'quota_adjustments',
  'workers',
  'users',
  'matching_policies',
  'agency_agreements',
  'applications',
  'reviews',
  'documents',
  'appeals',
  'allocations',
  'allocation_items',
  'payments',
  'refunds',
  'fund_returns',
  'fund_return_items',
  'study_checks',
  'audit_log',
];

export function summarize(db: Db, accounts: SeedSummary['accounts']): SeedSummary {
  const raw = db.$client;
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = (raw.prepare(`select count(*) n from ${t}`).get() as { n: number }).n;
  const applicationsByStatus: Record<string, number> = {};
  for (const r of raw
    .prepare('select status, count(*) n from applications group by status order by status')
    .all() as Array<{ status: string; n: number }>) {
    applicationsByStatus[r.status] = r.n;
  }
  const rounds = raw
    .prepare(
      'select id, name, intake_term intakeTerm, opens_on opensOn, closes_on closesOn from rounds order by id',
    )
    .all() as SeedSummary['rounds'];
  return { counts, applicationsByStatus, rounds, accounts, password: DEMO_PASSWORD };
}
