/**
 * Numbering and writing: the rows made in memory get their ids in time order, then go into the
 * database with prepared statements, the audit hash chain last, in time order (I7).
 */
import type { Db } from '../../db/client';
import { maskCard, maskIdNumber } from '../../server/domain/id-number';
import { audit } from '../../server/lib/audit';
import type { Actor } from '../../server/lib/context';
import type { Pii } from '../../server/lib/pii';
import { inserter } from './insert';
import type {
  Agreement,
  Allocation,
  App,
  Appeal,
  AuditEvent,
  Doc,
  FundReturn,
  Inst,
  MatchingPolicy,
  Org,
  Payment,
  Quota,
  QuotaAdjustment,
  Refund,
  Review,
  Round,
  User,
  Worker,
} from './model';

export interface Rows {
  orgs: Org[];
  insts: Inst[];
  rounds: Round[];
  workers: Worker[];
  users: User[];
  quotas: Quota[];
  adjustments: QuotaAdjustment[];
  policies: MatchingPolicy[];
  agreements: Agreement[];
  apps: App[];
  reviews: Review[];
  docs: Doc[];
  appeals: Appeal[];
  allocations: Allocation[];
  payments: Payment[];
  refunds: Refund[];
  fundReturns: FundReturn[];
  events: AuditEvent[];
  /** The city's account: it adjusted the quotas and created the allocations. */
  cityUserId: number;
}

/** Ids in time order (ties keep the order the phases made them in); the audit events sorted too. */
export function numberInTimeOrder(rows: Rows): void {
  const byTime = <T>(list: T[], at: (x: T) => Date) =>
    list
      .sort((x, y) => at(x).getTime() - at(y).getTime())
      .forEach((x, i) => {
        (x as { id: number }).id = i + 1;
      });
  byTime(rows.apps, (a) => a.createdAt);
  byTime(rows.reviews, (r) => r.at);
  byTime(rows.docs, (d) => d.at);
  byTime(rows.allocations, (a) => a.createdAt);
  byTime(rows.payments, (p) => p.createdAt);
  byTime(rows.refunds, (r) => r.createdAt);
  byTime(rows.fundReturns, (f) => f.createdAt);
  byTime(rows.appeals, (a) => a.createdAt);
  rows.events.sort((x, y) => x.at.getTime() - y.at.getTime());
}

/** PII is stored encrypted, with a keyed hash to find it and a mask to show it. */
function writeWorkers(db: Db, pii: Pii, workers: Worker[]): void {
  const insWorker = inserter(db, 'workers');
  for (const w of workers) {
    insWorker({
      id: w.id,
      name: w.name,
      idNumberEnc: pii.encrypt(w.idNumber),
      idNumberHash: pii.hash(w.idNumber),
      idNumberMasked: maskIdNumber(w.idNumber),
      gender: w.gender,
      birthYear: Number(w.birthDate.slice(0, 4)),
      phone: w.phone,
      organizationId: w.org.id,
      level2Id: w.l2.id,
      jobTitle: w.jobTitle,
      isUnionMember: w.isUnionMember,
      isFrontline: w.isFrontline,
      isMigrant: w.isMigrant,
      isHardship: w.isHardship,
      isKeyIndustry: w.isKeyIndustry,
      bankName: w.bankName,
      bankCardEnc: w.bankCard && pii.encrypt(w.bankCard),
      bankCardHash: w.bankCard && pii.hash(w.bankCard),
      bankCardMasked: w.bankCard && maskCard(w.bankCard),
      benefitCardEnc: w.benefitCard && pii.encrypt(w.benefitCard),
      benefitCardHash: w.benefitCard && pii.hash(w.benefitCard),
      benefitCardMasked: w.benefitCard && maskCard(w.benefitCard),
      // R9a/b: the unit attested membership and post when it registered the worker
      attestedAt: w.createdAt,
      createdAt: w.createdAt,
    });
  }
}

/** The organisations, institutions, rounds, workers, accounts, quotas and the unions' terms. */
function writeSetup(db: Db, pii: Pii, passwordHash: string, rows: Rows): void {
  const insOrg = inserter(db, 'organizations');
  for (const o of rows.orgs) insOrg(o);
  const insInst = inserter(db, 'institutions');
  for (const i of rows.insts)
    insInst({
      id: i.id,
      name: i.def.name,
      code: i.def.code,
      reductionPolicy: i.def.policy,
      contact: i.def.contact,
      active: true,
      createdAt: '2019-05-24T03:00:00.000Z',
    });
  const insRound = inserter(db, 'rounds');
  for (const r of rows.rounds) insRound(r);
  writeWorkers(db, pii, rows.workers);
  const insUser = inserter(db, 'users');
  for (const u of rows.users) insUser({ ...u, passwordHash, active: true });
  const insQuota = inserter(db, 'quotas');
  for (const q of rows.quotas)
    insQuota({
      id: q.id,
      roundId: q.round.id,
      organizationId: q.org.id,
      places: q.places,
      createdAt: q.round.createdAt,
    });
  const insQa = inserter(db, 'quota_adjustments');
  for (const qa of rows.adjustments)
    insQa({
      id: qa.id,
      quotaId: qa.quota.id,
      delta: qa.delta,
      placesBefore: qa.before,
      placesAfter: qa.after,
      reason: qa.reason,
      userId: rows.cityUserId,
      createdAt: qa.at,
    });
  const insPolicy = inserter(db, 'matching_policies');
  for (const p of rows.policies) insPolicy({ ...p, roundId: p.round + 1, organizationId: p.org.id });
  const insAgreement = inserter(db, 'agency_agreements');
  for (const g of rows.agreements) insAgreement(g);
}

/** The applications with their reviews, documents and appeals. */
function writeApplications(db: Db, rows: Rows): void {
  const insApp = inserter(db, 'applications');
  for (const a of rows.apps) {
    insApp({
      ...a,
      roundId: a.round + 1,
      workerId: a.worker.id,
      organizationId: a.org.id,
      level2Id: a.l2.id,
      institutionId: a.inst?.id,
      graduationDocumentId: a.graduationDoc?.id,
    });
  }
  const insReview = inserter(db, 'reviews');
  for (const r of rows.reviews) insReview({ ...r, applicationId: r.app.id, createdAt: r.at });
  const insDoc = inserter(db, 'documents');
  for (const d of rows.docs) insDoc({ ...d, applicationId: d.app.id, uploadedBy: null, createdAt: d.at });
  const insAppeal = inserter(db, 'appeals');
  for (const a of rows.appeals) insAppeal({ ...a, applicationId: a.app.id });
}

/** Allocations with their items, payments, refunds, fund returns with their items. */
function writeMoney(db: Db, rows: Rows): void {
  const insAlloc = inserter(db, 'allocations');
  const insItem = inserter(db, 'allocation_items');
  for (const al of rows.allocations) {
    insAlloc({
      ...al,
      roundId: al.round.id,
      organizationId: al.org.id,
      applicationCount: al.apps.length,
      createdBy: rows.cityUserId,
    });
    const each = al.amountFen / al.apps.length;
    for (const a of [...al.apps].sort((x, y) => x.id - y.id))
      insItem({ allocationId: al.id, applicationId: a.id, stage: al.stage, amountFen: each });
  }
  const insPay = inserter(db, 'payments');
  for (const p of rows.payments) {
    insPay({
      ...p,
      applicationId: p.app.id,
      allocationId: p.allocation?.id,
      organizationId: p.org.id,
      payerOrganizationId: p.payer.id,
      reissueOf: p.reissueOf?.id,
    });
  }
  const insRefund = inserter(db, 'refunds');
  for (const r of rows.refunds)
    insRefund({ ...r, applicationId: r.app.id, paymentId: r.payment.id, institutionId: r.app.inst?.id });
  const insFr = inserter(db, 'fund_returns');
  const insFri = inserter(db, 'fund_return_items');
  for (const f of rows.fundReturns) {
    insFr({ ...f, roundId: f.round.id, organizationId: f.org.id });
    for (const p of f.items)
      insFri({ fundReturnId: f.id, applicationId: p.app.id, paymentId: p.id, amountFen: p.amountFen });
  }
}

/** Everything, inside the caller's transaction `t`. */
export function writeRows(t: Db, pii: Pii, passwordHash: string, rows: Rows): void {
  writeSetup(t, pii, passwordHash, rows);
  writeApplications(t, rows);
  writeMoney(t, rows);
  // I7: the audit hash chain, in time order, by the system (no user) at the event's time
  for (const e of rows.events) {
    const actor: Actor = { user: null, now: () => e.at };
    audit(t, actor, { action: e.action, resource: e.resource, recordId: e.record(), after: e.after() });
  }
}
