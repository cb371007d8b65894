/**
 * The application plan: which applications exist, in which final status, for whom. Work waits for
 * every staff account; the rest is a random spread per round, then R9e follow-ups and the money
 * sub-states (tags) the money phase plays out.
 */
import { catalogueOn } from '../majors';
import { POST_MAJORS, POSTS } from '../units';
import { APPROVED_OR_BEYOND, DEMO_SIZE, OPEN, type Ctx } from './context';
import type { App, Inst, Level, Round, Spec, Status, Worker } from './model';
import type { Orgs } from './organizations';
import { eligible, hasCard, type People } from './people';
import type { Quotas } from './rounds';
import type { Terms } from './agreements';

/** Final statuses of the random spread, by round (historical, historical, open). */
const DIST: Array<ReadonlyArray<readonly [Status, number]>> = [
  [
    ['draft', 1],
    ['rejected', 4],
    ['withdrawn', 3],
    ['completed', 62],
    ['lapsed', 13],
    ['dropped_out', 9],
    ['graduated', 8],
  ],
  [
    ['draft', 1],
    ['rejected', 5],
    ['withdrawn', 3],
    ['completed', 50],
    ['lapsed', 10],
    ['dropped_out', 8],
    ['graduated', 11],
    ['process_paid', 5],
    ['approved', 2],
  ],
  [
    ['draft', 24],
    ['submitted', 30],
    ['unit_approved', 14],
    ['org_approved', 11],
    ['approved', 5],
    ['returned', 7],
    ['rejected', 5],
    ['withdrawn', 4],
  ],
];

/** Work waiting for every staff account (forced, on top of the random spread). */
function forcedSpecs(orgs: Orgs): Spec[] {
  const specs: Spec[] = [];
  const force = (round: number, code: string, status: Status, n: number, extra: Partial<Spec> = {}) => {
    const o = orgs.byCode.get(code)!;
    const l2 = o.level === 3 ? orgs.l2Of(o) : o;
    for (let i = 0; i < n; i++)
      specs.push({ round, l2, org: o.level === 3 ? o : undefined, status, ...extra });
  };
  force(OPEN, 'wuhua-001', 'submitted', 4);
  force(OPEN, 'wuhua-001', 'draft', 1);
  force(OPEN, 'wuhua-001', 'returned', 1);
  force(OPEN, 'wuhua-001', 'rejected', 1, { rejectStep: 1, appeal: 'open' });
  force(OPEN, 'wuhua', 'unit_approved', 3);
  force(OPEN, 'wuhua', 'org_approved', 2);
  // R2: their enrolment reports accepted, so the city has an allocation to create
  force(OPEN, 'wuhua', 'approved', 3, { tag: 'uncovered', verified: true });
  force(OPEN, 'wuhua', 'rejected', 1, { rejectStep: 2, appeal: 'open' });
  force(OPEN, 'direct-001', 'submitted', 3);
  force(OPEN, 'direct-001', 'unit_approved', 2);
  force(OPEN, 'panlong', 'unit_approved', 2);
  force(OPEN, 'panlong', 'org_approved', 1);
  force(OPEN, 'panlong', 'approved', 3); // its quota is full: the latest two wait (R7)
  force(OPEN, 'panlong', 'rejected', 1, { rejectStep: 3, appeal: 'open' });
  force(1, 'wuhua', 'approved', 2, { tag: 'uncovered' });
  // R2: process money falls due only inside its round's window, so the money still to pay is the open round's
  force(OPEN, 'wuhua', 'approved', 2, { tag: 'pending' });
  force(OPEN, 'wuhua', 'approved', 1, { tag: 'failed', appeal: 'open' });
  force(1, 'wuhua', 'dropped_out', 1, { tag: 'unpaid' });
  force(1, 'wuhua', 'graduated', 1, { tag: 'G4' });
  force(OPEN, 'xishan', 'approved', 3, { tag: 'pending' });
  force(OPEN, 'xishan', 'approved', 2, { tag: 'paid' });
  force(OPEN, 'xishan', 'approved', 1, { tag: 'revoked' }); // found ineligible at payout (R4)
  force(1, 'xishan', 'graduated', 2, { tag: 'G4' });
  force(1, 'guandu', 'graduated', 2, { tag: 'G1' });
  force(0, 'xishan', 'dropped_out', 2, { tag: 'unpaid' });
  force(0, 'panlong', 'dropped_out', 1, { tag: 'paid', inst: 'ynou', refund: 'expected' });
  force(1, 'wuhua', 'dropped_out', 1, { tag: 'paid', inst: 'ynou', refund: 'expected' });
  force(1, 'gaoxin', 'graduated', 2, { tag: 'G3' });
  force(1, 'anning', 'graduated', 2, { tag: 'G3' });
  return specs;
}

/** The forced work, then per round and union a share of its workers in random final statuses. */
function planSpecs(ctx: Ctx, orgs: Orgs, quotas: Quotas): Spec[] {
  const specs = forcedSpecs(orgs);
  const guandu = orgs.byCode.get('guandu')!;
  for (let round = 0; round < 3; round++) {
    for (const l2 of orgs.payUnions) {
      const size = quotas.sizeOf.get(l2.id) ?? 0;
      let n = Math.max(round === OPEN ? 3 : 2, Math.round(size * DEMO_SIZE.applyRate[round]));
      // R7 demo: 官渡区 is oversubscribed in spring 2020 — the last city-approved ones wait for a place.
      if (round === 1 && l2 === guandu) n = Math.ceil((quotas.quotaOf(1, guandu).places + 8) / 0.9) + 4;
      for (let i = 0; i < n; i++) {
        let status = ctx.rng.weighted(DIST[round]);
        if (round === 1 && l2 === guandu && status === 'dropped_out') status = 'completed';
        specs.push({ round, l2, status });
      }
    }
  }
  return specs;
}

/**
 * R9d: a major of the catalogue in force for the round's intake, most often one the worker's unit
 * needs (a nurse studies 护理, a bus driver 汽车检测与维修技术).
 */
function majorFor(ctx: Ctx, round: Round, level: Level, w: Worker): string {
  const { majors } = catalogueOn(level, round.intakeFrom);
  const words = POST_MAJORS[w.jobTitle] ?? POSTS[w.org.sector!].majors;
  const fitting = majors.filter((m) => words.some((k) => m.includes(k)));
  return ctx.rng.pick(fitting.length && ctx.rng.chance(0.7) ? fitting : majors);
}

function newApp(ctx: Ctx, insts: Inst[], rounds: Round[], s: Spec, w: Worker): App {
  const { rng } = ctx;
  const level: Level = s.level ?? (rng.chance(0.4) ? 'bachelor' : 'associate');
  const inst = s.inst
    ? insts.find((x) => x.def.code === s.inst)!
    : rng.weighted(insts.filter((i) => i.def.levels.includes(level)).map((i) => [i, i.def.weight] as const));
  const major = majorFor(ctx, rounds[s.round], level, w);
  const isDraftEmpty = s.status === 'draft' && rng.chance(0.3); // a draft needs only the round
  let status = s.status;
  if (status === 'org_approved' && w.org.kind === 'direct') status = 'unit_approved'; // R13: direct units skip step 2
  return {
    id: 0,
    round: s.round,
    worker: w,
    org: w.org,
    l2: w.l2,
    inst: isDraftEmpty ? null : inst,
    educationLevel: isDraftEmpty ? null : level,
    major: isDraftEmpty ? null : major,
    studyMode: isDraftEmpty ? null : inst.def.mode,
    enrolledOn: null,
    admissionNo: null,
    status,
    currentStep: null,
    submittedAt: null,
    decidedAt: null,
    graduatedOn: null,
    graduationDoc: null,
    graduationVerifiedAt: null,
    droppedOutOn: null,
    dropoutReason: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    tag: s.tag ?? '',
    rejectStep: s.rejectStep,
    appeal: s.appeal,
    refund: s.refund,
    verified: s.verified,
  };
}

/**
 * A worker for each planned application, from the union's shuffled queues: an ineligible one for
 * some rejections, one with a card for those that will be paid.
 */
function assignWorkers(
  ctx: Ctx,
  orgs: Orgs,
  insts: Inst[],
  rounds: Round[],
  people: People,
  specs: Spec[],
): App[] {
  const { rng } = ctx;
  const queues = new Map<number, { ok: Worker[]; ko: Worker[] }>();
  for (const o of orgs.payUnions) queues.set(o.id, { ok: [], ko: [] });
  for (const w of people.workers) {
    if (w === people.worker1 || w === people.worker2) continue; // they must have NO application
    const q = queues.get(w.l2.id)!;
    (eligible(w) ? q.ok : q.ko).push(w);
  }
  for (const q of queues.values()) {
    rng.shuffle(q.ok);
    rng.shuffle(q.ko);
  }
  const take = (list: Worker[], pred: (w: Worker) => boolean): Worker | undefined => {
    for (let i = list.length - 1; i >= 0; i--) if (pred(list[i])) return list.splice(i, 1)[0];
    return undefined;
  };
  const apps: App[] = [];
  for (const s of specs) {
    const q = queues.get(s.l2.id)!;
    const inOrg = (w: Worker) => !s.org || w.org === s.org;
    let w: Worker | undefined = s.worker;
    if (!w && s.status === 'rejected' && !s.rejectStep && rng.chance(0.5)) w = take(q.ko, inOrg);
    const needsMoney = APPROVED_OR_BEYOND.has(s.status);
    if (!w && needsMoney) w = take(q.ok, (x) => inOrg(x) && hasCard(x));
    if (!w) w = take(q.ok, inOrg);
    if (!w) continue; // union exhausted: skip (never happens at demo size)
    apps.push(newApp(ctx, insts, rounds, s, w));
  }
  return apps;
}

/** R9e: a level is freed only by rejection or withdrawal; a completed 大专 may go on to 本科. */
function followUps(ctx: Ctx, insts: Inst[], rounds: Round[], apps: App[]): void {
  const r1 = apps.filter((a) => a.round === 0);
  for (const a of r1
    .filter((x) => x.status === 'completed' && x.educationLevel === 'associate')
    .slice(0, 3)) {
    apps.push(
      newApp(ctx, insts, rounds, { round: OPEN, l2: a.l2, status: 'submitted', level: 'bachelor' }, a.worker),
    );
  }
  for (const a of r1
    .filter(
      (x) =>
        (x.status === 'rejected' || x.status === 'withdrawn') &&
        x.educationLevel &&
        eligible(x.worker) &&
        hasCard(x.worker),
    )
    .slice(0, 4)) {
    apps.push(
      newApp(
        ctx,
        insts,
        rounds,
        { round: 1, l2: a.l2, status: 'completed', level: a.educationLevel! },
        a.worker,
      ),
    );
  }
}

/**
 * Random tags of the money sub-states: uncovered / pending / failed approvals, unpaid / paid
 * dropouts (with the refund's progress), G1–G4 graduations.
 */
function tagMoneyStates(ctx: Ctx, terms: Terms, apps: App[]): void {
  const { rng } = ctx;
  for (const a of apps) {
    if (a.tag) continue;
    if (a.status === 'approved')
      a.tag =
        a.round === OPEN
          ? 'uncovered'
          : terms.agencyStages.has(a.l2.id) || a.l2.code === 'wuhua' || rng.chance(0.75)
            ? 'pending'
            : 'failed';
    else if (a.status === 'dropped_out') a.tag = rng.chance(0.1) ? 'unpaid' : 'paid';
    else if (a.status === 'graduated')
      a.tag =
        a.round === 0
          ? rng.chance(0.7)
            ? 'G4'
            : 'G2'
          : rng.weighted([
              ['G1', 20],
              ['G2', 25],
              ['G4', 55],
            ] as const);
    if (a.status === 'dropped_out' && a.tag === 'paid' && !a.refund)
      a.refund = rng.weighted([
        ['confirmed', 55],
        ['received', 20],
        ['expected', 25],
      ] as const);
  }
}

export function planApplications(
  ctx: Ctx,
  orgs: Orgs,
  insts: Inst[],
  rounds: Round[],
  people: People,
  quotas: Quotas,
  terms: Terms,
): App[] {
  const apps = assignWorkers(ctx, orgs, insts, rounds, people, planSpecs(ctx, orgs, quotas));
  followUps(ctx, insts, rounds, apps);
  tagMoneyStates(ctx, terms, apps);
  return apps;
}
