/**
 * The demo city: 昆明市总工会 with its level-2 and grassroots unions, ~5,000 workers, the two rounds
 * of the notice (2019 autumn, 2020 spring; R11, R18) and one round open on `now`, applications in
 * every status of the lifecycle and the money that goes with them (R1–R6, R8, I1–I7).
 *
 * Deterministic: one seeded PRNG (mulberry32) drives every choice, so the phases below run in a
 * fixed order; only the PII ciphertexts (random IVs) and the password salt differ between runs.
 * Everything is built in memory first, then written in one IMMEDIATE transaction with prepared
 * statements; money movements and application transitions are appended to the audit hash chain
 * through `audit()` (I7).
 */
import { tx, type Db } from '../../db/client';
import { hashPassword } from '../../server/lib/password';
import type { Pii } from '../../server/lib/pii';
import { seedTerms } from './agreements';
import { paymentAppeals } from './appeals';
import { fillOneOpenQuota, scheduleSubmissions, waitlistOverQuota } from './calendar';
import { settleClock } from './clock';
import { DEMO_PASSWORD, newContext, utc } from './context';
import { seedHistory } from './history';
import { seedMoney } from './money';
import { seedOrganizations } from './organizations';
import { seedUsers, seedWorkers } from './people';
import { planApplications } from './plan';
import { seedRoster } from './roster';
import { auditAdjustments, institutions, seedQuotas, seedRounds } from './rounds';
import { seedStudyChecks } from './study';
import { writeScans } from './scans';
import { summarize, type SeedSummary } from './summary';
import { numberInTimeOrder, writeRows, type Rows } from './write';

export { DEMO_PASSWORD, DEMO_SIZE } from './context';
export type { SeedSummary } from './summary';

export interface SeedOptions {
  /** Seed of the PRNG. */
  seed?: number;
  /** Where the documents' files go (DATA_DIR); without it the records point at files never written. */
  dataDir?: string;
}

export function seedDemo(db: Db, pii: Pii, now: Date, opts: SeedOptions = {}): SeedSummary {
  if (!(now instanceof Date) || Number.isNaN(now.getTime()) || now < utc('2024-01-01')) {
    throw new Error(
      'seedDemo: `now` must be a date from 2024-01-01 on (the historical rounds run until 2023)',
    );
  }
  const ctx = newContext(now, opts.seed ?? 20190524);
  const passwordHash = hashPassword(DEMO_PASSWORD); // scrypt once, shared by every demo account

  const orgs = seedOrganizations(ctx);
  const insts = institutions();
  const rounds = seedRounds(ctx);
  const people = seedWorkers(ctx, orgs);
  const quotas = seedQuotas(orgs, rounds, people.workers);
  const accounts = seedUsers(ctx, orgs, insts, people);
  const terms = seedTerms(ctx, orgs);

  const apps = planApplications(ctx, orgs, insts, rounds, people, quotas, terms);
  scheduleSubmissions(ctx, rounds, apps);
  fillOneOpenQuota(orgs, quotas, apps);
  waitlistOverQuota(orgs, quotas, apps);
  const reviews = seedHistory(ctx, orgs, accounts, apps);
  const ledger = seedMoney(ctx, rounds, orgs, terms, apps);
  paymentAppeals(ctx, ledger.payments);
  settleClock(ctx, rounds, apps, ledger.payments);
  auditAdjustments(ctx, quotas.adjustments);

  const rows: Rows = {
    orgs: orgs.all,
    insts,
    rounds,
    workers: people.workers,
    users: accounts.users,
    quotas: quotas.quotas,
    adjustments: quotas.adjustments,
    policies: terms.policies,
    agreements: terms.agreements,
    apps,
    reviews,
    docs: ctx.docs,
    appeals: ctx.appeals,
    allocations: ledger.allocations,
    payments: ledger.payments,
    refunds: ledger.refunds,
    fundReturns: ledger.fundReturns,
    events: ctx.events,
    cityUserId: accounts.cityUserId,
  };
  numberInTimeOrder(rows);
  if (opts.dataDir) writeScans(opts.dataDir, rows.docs);
  tx(db, (t) => {
    writeRows(t, pii, passwordHash, rows);
    seedStudyChecks(t, now);
    seedRoster(t, now);
  });

  return summarize(
    db,
    accounts.users.map((u) => ({ username: u.username, role: u.role, displayName: u.displayName })),
  );
}
