/**
 * The demo city: 昆明市总工会 with its level-2 and grassroots unions, ~5,000 workers, the two rounds
 * of the notice (2019 autumn, 2020 spring; R11, R18) and one round open on `now`, applications in
 * every status of SPEC §3 and the money that goes with them (R1–R6, R8, §5).
 *
 * Deterministic: one seeded PRNG (mulberry32) drives every choice; only the PII ciphertexts (random
 * IVs) and the password salt differ between runs. Everything is built in memory first, then written
 * in one IMMEDIATE transaction with prepared statements; money movements and application
 * transitions are appended to the audit hash chain through `audit()` (§5.7).
 */
import type { Db } from '../db/client';
import { tx } from '../db/client';
import { idCheckChar, luhnCheckDigit, maskCard, maskIdNumber } from '../server/domain/id-number';
import { audit } from '../server/lib/audit';
import type { Actor } from '../server/lib/context';
import { hashPassword } from '../server/lib/password';
import type { Pii } from '../server/lib/pii';
import * as N from './names';
import { Rng } from './rng';

export const DEMO_PASSWORD = 'Kunming@2019';

/**
 * Sizes of the demo. A later `--scale N` option multiplies these (workers per union, applications
 * per round); everything else (statuses, money) follows from them.
 */
export const DEMO_SIZE = {
  /** Workers of a grassroots union: min + uniform(0, spread). */
  workersPerUnitMin: 12,
  workersPerUnitSpread: 40,
  /** Workers of a `direct` union: min + uniform(0, spread). */
  workersPerDirectMin: 50,
  workersPerDirectSpread: 20,
  /** Share of a union's workers applying in each round (historical, historical, open). */
  applyRate: [0.22, 0.24, 0.05] as const,
  /** Places of the open round (the two of the notice have 1,500 each: R18). */
  openRoundPlaces: 1000,
};

export interface SeedOptions {
  /** Seed of the PRNG. */
  seed?: number;
}

export interface SeedSummary {
  counts: Record<string, number>;
  applicationsByStatus: Record<string, number>;
  rounds: Array<{ id: number; name: string; intakeTerm: string; opensOn: string; closesOn: string }>;
  accounts: Array<{ username: string; role: string; displayName: string }>;
  password: string;
}

// ───────────────────────────── helpers ─────────────────────────────

type Status =
  | 'draft'
  | 'submitted'
  | 'unit_approved'
  | 'org_approved'
  | 'waitlisted'
  | 'approved'
  | 'returned'
  | 'rejected'
  | 'withdrawn'
  | 'process_paid'
  | 'graduated'
  | 'completed'
  | 'dropped_out'
  | 'lapsed';
type Level = 'associate' | 'bachelor';
type Stage = 'process' | 'result';

/** Counted against a quota (§5.6). */
const APPROVED_OR_BEYOND = new Set<Status>([
  'approved',
  'process_paid',
  'graduated',
  'completed',
  'dropped_out',
  'lapsed',
]);

const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const addMs = (d: Date, ms: number) => new Date(d.getTime() + ms);
const addDays = (d: Date, n: number) => addMs(d, n * DAY);
const utc = (s: string) => new Date(`${s}T00:00:00.000Z`);
const maxDate = (a: Date, b: Date) => (a > b ? a : b);
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN');

// ───────────────────────────── row types ─────────────────────────────

interface Org {
  id: number;
  name: string;
  kind: string;
  level: number;
  parentId: number | null;
  path: string;
  level2Id: number | null;
  code: string;
  unitName: string | null;
  duesPaid: boolean;
  contactPhone: string;
  createdAt: string;
  area: string;
}
interface Inst {
  id: number;
  def: N.InstitutionDef;
}
interface Round {
  id: number;
  name: string;
  intakeTerm: string;
  opensOn: string;
  closesOn: string;
  processAmountFen: number;
  resultAmountFen: number;
  plannedPlaces: number;
  graduationDeadline: string;
  createdAt: string;
}
interface Worker {
  id: number;
  name: string;
  idNumber: string;
  gender: 'M' | 'F';
  birthDate: string;
  phone: string;
  org: Org;
  l2: Org;
  jobTitle: string;
  isUnionMember: boolean;
  isFrontline: boolean;
  isMigrant: boolean;
  isHardship: boolean;
  isKeyIndustry: boolean;
  bankName: string | null;
  bankCard: string | null;
  benefitCard: string | null;
  createdAt: string;
}
interface App {
  id: number;
  round: number;
  worker: Worker;
  org: Org;
  l2: Org;
  inst: Inst | null;
  educationLevel: Level | null;
  major: string | null;
  studyMode: string | null;
  enrolledOn: string | null;
  admissionNo: string | null;
  status: Status;
  currentStep: number | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  graduatedOn: string | null;
  graduationDoc: Doc | null;
  graduationVerifiedAt: Date | null;
  droppedOutOn: string | null;
  dropoutReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  tag: string;
  rejectStep?: number;
  appeal?: 'open';
  refund?: RefundStatus;
  processPaid?: Payment;
}
interface Review {
  app: App;
  step: number;
  organizationId: number;
  userId: number | null;
  decision: string;
  resultStatus: string;
  comment: string;
  at: Date;
  id: number;
}
interface Doc {
  id: number;
  app: App;
  kind: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  at: Date;
}
interface Allocation {
  id: number;
  round: Round;
  org: Org;
  stage: Stage;
  amountFen: number;
  apps: App[];
  status: 'created' | 'transferred' | 'received';
  createdAt: Date;
  transferredAt: Date | null;
  receivedAt: Date | null;
}
interface Payment {
  id: number;
  app: App;
  allocation: Allocation | null;
  org: Org;
  stage: Stage;
  source: 'city' | 'matching';
  amountFen: number;
  channel: 'direct' | 'agency';
  payer: Org;
  status: 'pending' | 'paid' | 'failed' | 'cancelled';
  reference: string | null;
  failureReason: string | null;
  reissueOf: Payment | null;
  paidAt: Date | null;
  createdAt: Date;
  failedAt?: Date;
}
type RefundStatus = 'expected' | 'received' | 'confirmed';
interface Refund {
  id: number;
  app: App;
  payment: Payment;
  amountFen: number;
  status: RefundStatus;
  reference: string | null;
  receivedAt: Date | null;
  confirmedAt: Date | null;
  createdAt: Date;
}
interface FundReturn {
  id: number;
  round: Round;
  org: Org;
  stage: Stage;
  amountFen: number;
  report: string;
  status: 'filed' | 'confirmed';
  confirmedAt: Date | null;
  createdAt: Date;
  items: Payment[];
}
interface Appeal {
  id: number;
  app: App;
  subject: 'review' | 'payment';
  organizationId: number;
  reviewStep: number | null;
  content: string;
  response: string | null;
  status: string;
  dueOn: string;
  respondedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
}
interface AuditEvent {
  at: Date;
  action: string;
  resource: string;
  record: () => number;
  after: () => unknown;
}

/** A planned application before its life is written. */
interface Spec {
  round: number;
  l2: Org;
  org?: Org;
  status: Status;
  tag?: string;
  rejectStep?: number;
  appeal?: 'open';
  worker?: Worker;
  level?: Level;
  inst?: string;
  refund?: RefundStatus;
}

// ───────────────────────────── the seed ─────────────────────────────

export function seedDemo(db: Db, pii: Pii, now: Date, opts: SeedOptions = {}): SeedSummary {
  if (!(now instanceof Date) || Number.isNaN(now.getTime()) || now < utc('2024-01-01')) {
    throw new Error(
      'seedDemo: `now` must be a date from 2024-01-01 on (the historical rounds run until 2023)',
    );
  }
  const rng = new Rng(opts.seed ?? 20190524);
  const passwordHash = hashPassword(DEMO_PASSWORD); // scrypt once, shared by every demo account
  const events: AuditEvent[] = [];
  const event = (at: Date, resource: string, action: string, record: () => number, after: () => unknown) =>
    events.push({ at, resource, action, record, after });
  const timeOfDay = (day: Date) => addMs(day, (1 + rng.int(0, 8)) * HOUR + rng.int(0, 3599) * 1000); // 09:00–17:59 北京时间
  const between = (a: Date, b: Date) =>
    new Date(a.getTime() + rng.next() * Math.max(0, b.getTime() - a.getTime()));
  const workday = (from: string, to: string) => timeOfDay(utc(ymd(between(utc(from), utc(to)))));

  // ── organisations ──
  const orgs: Org[] = [];
  const orgCreated = '2019-05-24T02:00:00.000Z';
  const phone0871 = () => `0871-6${rng.digits(7)}`;
  function addOrg(
    o: {
      name: string;
      kind: string;
      level: number;
      code: string;
      unitName?: string | null;
      duesPaid?: boolean;
      area?: string;
    },
    parent: Org | null,
  ): Org {
    const id = orgs.length + 1;
    const org: Org = {
      id,
      name: o.name,
      kind: o.kind,
      level: o.level,
      parentId: parent?.id ?? null,
      path: `${parent ? parent.path : '/'}${id}/`,
      level2Id: o.level === 1 ? null : o.level === 2 ? id : parent!.level2Id,
      code: o.code,
      unitName: o.unitName ?? null,
      duesPaid: o.duesPaid ?? true,
      contactPhone: phone0871(),
      createdAt: orgCreated,
      area: o.area ?? parent?.area ?? '530102',
    };
    orgs.push(org);
    return org;
  }
  const city = addOrg(
    { name: '昆明市总工会', kind: 'city', level: 1, code: 'city', unitName: '昆明市总工会', area: '530102' },
    null,
  );
  const level2: Org[] = N.LEVEL2.map((d) =>
    addOrg({ name: d.name, kind: d.kind, level: 2, code: d.code, area: d.area }, city),
  );
  const directs: Org[] = N.DIRECT_UNIONS.map((d) =>
    addOrg(
      { name: d.name, kind: 'direct', level: 2, code: d.code, unitName: d.unitName, area: d.area },
      city,
    ),
  );
  const school = addOrg(
    { name: N.SCHOOL.name, kind: 'direct', level: 2, code: N.SCHOOL.code, unitName: N.SCHOOL.unitName },
    city,
  );
  const byCode = new Map<string, Org>(orgs.map((o) => [o.code, o]));
  const l2Of = (o: Org) => orgs[o.level2Id! - 1];

  const unpaidDues = new Set(['dongchuan-003', 'xundian-002', 'feigong-005']);
  const usedUnitNames = new Set<string>();
  const grassroots: Org[] = [];
  N.LEVEL2.forEach((d, i) => {
    for (let k = 1; k <= d.grassroots; k++) {
      let unitName: string;
      if (d.units) unitName = d.units[k - 1];
      else {
        do {
          unitName = `${rng.pick(N.UNIT_PREFIX)}${rng.pick(N.UNIT_CORE)}${rng.pick(N.UNIT_TRADE)}${rng.pick(N.UNIT_SUFFIX)}`;
        } while (usedUnitNames.has(unitName));
      }
      usedUnitNames.add(unitName);
      const code = `${d.code}-${String(k).padStart(3, '0')}`;
      grassroots.push(
        addOrg(
          {
            name: `${unitName}工会`,
            kind: 'grassroots',
            level: 3,
            code,
            unitName,
            duesPaid: !unpaidDues.has(code),
          },
          level2[i],
        ),
      );
    }
  });
  for (const o of orgs) byCode.set(o.code, o);
  const payUnions = [...level2, ...directs]; // unions with quotas and money (the school has none)

  // ── institutions ──
  const insts: Inst[] = N.INSTITUTIONS.map((def, i) => ({ id: i + 1, def }));
  const instByCode = new Map(insts.map((x) => [x.def.code, x]));

  // ── rounds (R11, R18) ──
  const month = now.getUTCMonth() + 1;
  const year = now.getUTCFullYear();
  const autumn = month >= 7;
  const openTerm = `${year}-${autumn ? 'autumn' : 'spring'}`;
  if (openTerm === '2019-autumn' || openTerm === '2020-spring')
    throw new Error("seedDemo: the open round would clash with the notice's rounds");
  const rounds: Round[] = [
    {
      id: 1,
      name: '2019年秋季',
      intakeTerm: '2019-autumn',
      opensOn: '2019-11-11',
      closesOn: '2019-11-30',
      processAmountFen: 50000,
      resultAmountFen: 100000,
      plannedPlaces: 1500,
      graduationDeadline: '2022-12-31',
      createdAt: '2019-05-24T03:00:00.000Z',
    },
    {
      id: 2,
      name: '2020年春季',
      intakeTerm: '2020-spring',
      opensOn: '2020-05-11',
      closesOn: '2020-05-31',
      processAmountFen: 50000,
      resultAmountFen: 100000,
      plannedPlaces: 1500,
      graduationDeadline: '2023-06-30',
      createdAt: '2019-05-24T03:00:00.000Z',
    },
    {
      id: 3,
      name: `${year}年${autumn ? '秋季' : '春季'}`,
      intakeTerm: openTerm,
      opensOn: ymd(addDays(now, -10)),
      closesOn: ymd(addDays(now, 20)),
      processAmountFen: 50000,
      resultAmountFen: 100000,
      plannedPlaces: DEMO_SIZE.openRoundPlaces,
      graduationDeadline: `${year + 3}-${autumn ? '12-31' : '06-30'}`,
      createdAt: iso(timeOfDay(utc(ymd(addDays(now, -40))))),
    },
  ];
  const OPEN = 2;

  // ── workers ──
  const workers: Worker[] = [];
  const usedIds = new Set<string>();
  const birthFrom = utc('1970-01-01').getTime(),
    birthTo = utc('2002-12-31').getTime();
  const surnames = (N.SURNAMES_COMMON.repeat(4) + N.SURNAMES_OTHER).split('');
  const givenM = N.GIVEN_MALE.split(''),
    givenF = N.GIVEN_FEMALE.split('');
  const cardNo = (bin: string) => {
    const p = bin + rng.digits(18 - bin.length);
    return p + luhnCheckDigit(p);
  };
  function makeId(area: string, gender: 'M' | 'F'): string {
    for (;;) {
      const birth = ymd(new Date(birthFrom + rng.next() * (birthTo - birthFrom))).replace(/-/g, '');
      const seq = rng.digits(2) + String(rng.int(0, 4) * 2 + (gender === 'M' ? 1 : 0)); // odd 17th digit: male
      const first17 = area + birth + seq;
      const id = first17 + idCheckChar(first17);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  }
  function addWorker(org: Org, fixed?: { name: string; gender: 'M' | 'F'; jobTitle: string }): Worker {
    const gender = fixed?.gender ?? (rng.chance(0.56) ? 'M' : 'F');
    const area = rng.chance(0.6) ? org.area : rng.pick(N.AREA_CODES);
    const idNumber = makeId(area, gender);
    const name =
      fixed?.name ??
      rng.pick(surnames) +
        rng.pick(gender === 'M' ? givenM : givenF) +
        (rng.chance(0.7) ? rng.pick(gender === 'M' ? givenM : givenF) : '');
    const isFrontline = fixed ? true : rng.chance(0.92);
    const bank = rng.pick(N.BANKS);
    const hasBank = fixed ? true : rng.chance(0.88);
    const w: Worker = {
      id: workers.length + 1,
      name,
      idNumber,
      gender,
      birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      phone: rng.pick(N.PHONE_PREFIXES) + rng.digits(8),
      org,
      l2: l2Of(org),
      jobTitle: fixed?.jobTitle ?? (isFrontline ? rng.pick(N.JOB_FRONTLINE) : rng.pick(N.JOB_MANAGEMENT)),
      isUnionMember: fixed ? true : rng.chance(0.96),
      isFrontline,
      isMigrant: rng.chance(0.3),
      isHardship: rng.chance(0.08),
      isKeyIndustry: rng.chance(0.25),
      bankName: hasBank ? bank.name : null,
      bankCard: hasBank ? cardNo(bank.bin) : null,
      benefitCard: rng.chance(0.3) ? cardNo(N.BENEFIT_BIN) : null,
      createdAt: iso(workday('2019-06-01', '2019-11-05')),
    };
    workers.push(w);
    return w;
  }
  const wuhua001 = byCode.get('wuhua-001')!;
  const worker1 = addWorker(wuhua001, { name: '张建华', gender: 'M', jobTitle: '班组长' });
  const worker2 = addWorker(wuhua001, { name: '李丽萍', gender: 'F', jobTitle: '质检员' });
  for (const g of grassroots) {
    const n = g === wuhua001 ? 38 : DEMO_SIZE.workersPerUnitMin + rng.int(0, DEMO_SIZE.workersPerUnitSpread);
    for (let i = 0; i < n; i++) addWorker(g);
  }
  for (const d of directs) {
    const n = DEMO_SIZE.workersPerDirectMin + rng.int(0, DEMO_SIZE.workersPerDirectSpread);
    for (let i = 0; i < n; i++) addWorker(d);
  }
  const eligible = (w: Worker) => w.isUnionMember && w.isFrontline && w.org.duesPaid;
  const hasCard = (w: Worker) => !!(w.bankCard || w.benefitCard);

  // ── quotas (R18: per round the quotas sum to the plan, split by size) ──
  const sizeOf = new Map<number, number>();
  for (const w of workers) sizeOf.set(w.l2.id, (sizeOf.get(w.l2.id) ?? 0) + 1);
  const quotas: Array<{ id: number; round: Round; org: Org; places: number }> = [];
  for (const r of rounds) {
    const total = payUnions.reduce((s, o) => s + (sizeOf.get(o.id) ?? 0), 0);
    const raw = payUnions.map((o) => (r.plannedPlaces * (sizeOf.get(o.id) ?? 0)) / total);
    const places = raw.map(Math.floor);
    let left = r.plannedPlaces - places.reduce((s, x) => s + x, 0);
    const order = raw
      .map((x, i) => [x - Math.floor(x), i] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, i] of order) {
      if (left-- <= 0) break;
      places[i]++;
    }
    payUnions.forEach((o, i) => quotas.push({ id: quotas.length + 1, round: r, org: o, places: places[i] }));
  }
  const quotaOf = (round: number, org: Org) => quotas.find((q) => q.round.id === round + 1 && q.org === org)!;
  // R7: the city moves places between unions with a reason (the plan total stays 1,500).
  const quotaAdjustments: Array<{
    id: number;
    quota: (typeof quotas)[number];
    delta: number;
    before: number;
    after: number;
    reason: string;
    at: Date;
  }> = [];
  const adjust = (q: (typeof quotas)[number], delta: number, reason: string, at: Date) => {
    quotaAdjustments.push({
      id: quotaAdjustments.length + 1,
      quota: q,
      delta,
      before: q.places,
      after: q.places + delta,
      reason,
      at,
    });
    q.places += delta;
  };
  adjust(
    quotaOf(0, byCode.get('jingkai')!),
    -8,
    '经开区申报人数低于分配名额，调出 8 个名额给西山区',
    addMs(utc('2019-12-03'), 3 * HOUR + 10 * 60000),
  );
  adjust(
    quotaOf(0, byCode.get('xishan')!),
    8,
    '西山区申报踊跃，从经开区调剂 8 个名额（R7）',
    addMs(utc('2019-12-03'), 3 * HOUR + 12 * 60000),
  );

  // ── users ──
  const users: Array<{
    id: number;
    username: string;
    displayName: string;
    role: string;
    organizationId: number | null;
    institutionId: number | null;
    workerId: number | null;
    mustChangePassword: boolean;
    createdAt: string;
  }> = [];
  const staffByOrg = new Map<number, number>();
  let staffName = 0;
  const addUser = (
    username: string,
    role: string,
    displayName: string,
    ref: { org?: Org; inst?: Inst; worker?: Worker },
    mustChange = false,
  ) => {
    const id = users.length + 1;
    users.push({
      id,
      username,
      displayName,
      role,
      organizationId: ref.org?.id ?? null,
      institutionId: ref.inst?.id ?? null,
      workerId: ref.worker?.id ?? null,
      mustChangePassword: mustChange,
      createdAt: '2019-06-01T02:00:00.000Z',
    });
    if (ref.org && !staffByOrg.has(ref.org.id) && role !== 'agent') staffByOrg.set(ref.org.id, id);
    return id;
  };
  const staff = () =>
    staffName++ < N.STAFF_GIVEN.length
      ? N.STAFF_GIVEN[staffName - 1]
      : rng.pick(surnames) +
        rng.pick(rng.chance(0.5) ? givenM : givenF) +
        rng.pick(rng.chance(0.5) ? givenM : givenF);
  const cityUserId = addUser('city', 'city_admin', `市总工会宣教网络部 ${staff()}`, { org: city });
  for (const o of level2) addUser(o.code, 'org_admin', `${o.name} ${staff()}`, { org: o });
  for (const o of directs) addUser(o.code, 'unit_admin', `${o.name} ${staff()}`, { org: o });
  for (const code of [
    'wuhua-001',
    'wuhua-002',
    'panlong-001',
    'guandu-001',
    'xishan-001',
    'jiaoyu-001',
    'weijian-001',
  ]) {
    const o = byCode.get(code)!;
    addUser(code, 'unit_admin', `${o.name} ${staff()}`, { org: o });
  }
  addUser('school', 'agent', `${school.name} 代发专员 ${staff()}`, { org: school });
  for (const i of insts)
    addUser(i.def.code, 'institution', `${i.def.name}继续教育学院 ${staff()}`, { inst: i });
  addUser('worker1', 'worker', worker1.name, { worker: worker1 }, false);
  addUser('worker2', 'worker', worker2.name, { worker: worker2 }, true);

  // ── R3 agency agreements, R8 matching policies ──
  const agencyStages = new Map<number, string>([
    [byCode.get('guandu')!.id, 'process,result'],
    [byCode.get('xishan')!.id, 'process,result'],
    [byCode.get('gaoxin')!.id, 'process,result'],
    [byCode.get('jingkai')!.id, 'process'],
    [byCode.get('direct-002')!.id, 'process,result'],
  ]);
  const agreements = [...agencyStages.entries()].map(([orgId, stages], i) => ({
    id: i + 1,
    organizationId: orgId,
    agentOrganizationId: school.id,
    agreementNo: `KMZG-DF-2019-${String(i + 1).padStart(3, '0')}`,
    startsOn: '2019-10-15',
    endsOn: `${year + 2}-12-31`,
    stages,
    active: true,
    createdAt: iso(timeOfDay(utc('2019-10-15'))),
  }));
  const policies = [
    {
      round: 0,
      org: byCode.get('wuhua')!,
      mode: 'two_stage',
      processAmountFen: 30000,
      resultAmountFen: 30000,
      note: '五华区总工会配套资助：过程资助 300 元、结果资助 300 元，随市总工会资助同步发放。',
    },
    {
      round: 1,
      org: byCode.get('wuhua')!,
      mode: 'two_stage',
      processAmountFen: 30000,
      resultAmountFen: 30000,
      note: '五华区总工会配套资助：过程资助 300 元、结果资助 300 元，随市总工会资助同步发放。',
    },
    {
      round: OPEN,
      org: byCode.get('wuhua')!,
      mode: 'two_stage',
      processAmountFen: 30000,
      resultAmountFen: 30000,
      note: '五华区总工会配套资助延续执行：过程资助 300 元、结果资助 300 元。',
    },
    {
      round: 1,
      org: byCode.get('panlong')!,
      mode: 'process_only',
      processAmountFen: 20000,
      resultAmountFen: 0,
      note: '盘龙区总工会配套资助 200 元，全部作为过程资助发放。',
    },
    {
      round: 0,
      org: byCode.get('gaoxin')!,
      mode: 'result_only',
      processAmountFen: 0,
      resultAmountFen: 50000,
      note: '高新区总工会对按期取得毕业证书的职工一次性奖励 500 元（结果资助）。',
    },
  ].map((p, i) => ({
    id: i + 1,
    ...p,
    createdAt: iso(
      timeOfDay(utc(p.round === OPEN ? ymd(addDays(now, -12)) : p.round === 0 ? '2019-11-05' : '2020-05-06')),
    ),
  }));
  const policyOf = (round: number, org: Org) => policies.find((p) => p.round === round && p.org === org);

  // ── application plan ──
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
  const specs: Spec[] = [];
  const W = (code: string) => byCode.get(code)!;
  // Work waiting for every staff account (forced, on top of the random spread).
  const force = (round: number, code: string, status: Status, n: number, extra: Partial<Spec> = {}) => {
    const o = W(code);
    const l2 = o.level === 3 ? l2Of(o) : o;
    for (let i = 0; i < n; i++)
      specs.push({ round, l2, org: o.level === 3 ? o : undefined, status, ...extra });
  };
  force(OPEN, 'wuhua-001', 'submitted', 4);
  force(OPEN, 'wuhua-001', 'draft', 1);
  force(OPEN, 'wuhua-001', 'returned', 1);
  force(OPEN, 'wuhua-001', 'rejected', 1, { rejectStep: 1, appeal: 'open' });
  force(OPEN, 'wuhua', 'unit_approved', 3);
  force(OPEN, 'wuhua', 'org_approved', 2);
  force(OPEN, 'wuhua', 'approved', 3, { tag: 'uncovered' });
  force(OPEN, 'wuhua', 'rejected', 1, { rejectStep: 2, appeal: 'open' });
  force(OPEN, 'direct-001', 'submitted', 3);
  force(OPEN, 'direct-001', 'unit_approved', 2);
  force(OPEN, 'panlong', 'unit_approved', 2);
  force(OPEN, 'panlong', 'org_approved', 1);
  force(OPEN, 'panlong', 'rejected', 1, { rejectStep: 3, appeal: 'open' });
  force(1, 'wuhua', 'approved', 2, { tag: 'uncovered' });
  force(1, 'wuhua', 'approved', 2, { tag: 'pending' });
  force(1, 'wuhua', 'approved', 1, { tag: 'failed', appeal: 'open' });
  force(1, 'wuhua', 'dropped_out', 1, { tag: 'unpaid' });
  force(1, 'wuhua', 'graduated', 1, { tag: 'G4' });
  force(1, 'xishan', 'approved', 3, { tag: 'pending' });
  force(1, 'xishan', 'graduated', 2, { tag: 'G4' });
  force(1, 'guandu', 'graduated', 2, { tag: 'G1' });
  force(0, 'xishan', 'dropped_out', 2, { tag: 'unpaid' });
  force(0, 'panlong', 'dropped_out', 1, { tag: 'paid', inst: 'ynou', refund: 'expected' });
  force(1, 'wuhua', 'dropped_out', 1, { tag: 'paid', inst: 'ynou', refund: 'expected' });
  force(1, 'gaoxin', 'graduated', 2, { tag: 'G3' });
  force(1, 'anning', 'graduated', 2, { tag: 'G3' });

  const guandu = W('guandu');
  for (let round = 0; round < 3; round++) {
    for (const l2 of payUnions) {
      const size = sizeOf.get(l2.id) ?? 0;
      let n = Math.max(round === OPEN ? 3 : 2, Math.round(size * DEMO_SIZE.applyRate[round]));
      // R7 demo: 官渡区 is oversubscribed in spring 2020 — the last city-approved ones wait for a place.
      if (round === 1 && l2 === guandu) n = Math.ceil((quotaOf(1, guandu).places + 8) / 0.9) + 4;
      for (let i = 0; i < n; i++) {
        let status = rng.weighted(DIST[round]);
        if (round === 1 && l2 === guandu && status === 'dropped_out') status = 'completed';
        specs.push({ round, l2, status });
      }
    }
  }

  // ── workers for the plan ──
  const queues = new Map<number, { ok: Worker[]; ko: Worker[] }>();
  for (const o of payUnions) queues.set(o.id, { ok: [], ko: [] });
  for (const w of workers) {
    if (w === worker1 || w === worker2) continue; // they must have NO application
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
  const instEntries = (level: Level) =>
    insts.filter((i) => i.def.levels.includes(level)).map((i) => [i, i.def.weight] as const);
  for (const s of specs) {
    const q = queues.get(s.l2.id)!;
    const inOrg = (w: Worker) => !s.org || w.org === s.org;
    let w: Worker | undefined = s.worker;
    if (!w && s.status === 'rejected' && !s.rejectStep && rng.chance(0.5)) w = take(q.ko, inOrg);
    const needsMoney = APPROVED_OR_BEYOND.has(s.status);
    if (!w && needsMoney) w = take(q.ok, (x) => inOrg(x) && hasCard(x));
    if (!w) w = take(q.ok, inOrg);
    if (!w) continue; // union exhausted: skip (never happens at demo size)
    apps.push(newApp(s, w));
  }
  function newApp(s: Spec, w: Worker): App {
    const level: Level = s.level ?? (rng.chance(0.4) ? 'bachelor' : 'associate');
    const inst = s.inst ? instByCode.get(s.inst)! : rng.weighted(instEntries(level));
    const major = rng.pick(level === 'bachelor' ? N.MAJORS_BACHELOR : N.MAJORS_ASSOCIATE);
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
    };
  }
  // R9e: a level is freed only by rejection or withdrawal; a completed 大专 may go on to 本科.
  const r1 = apps.filter((a) => a.round === 0);
  for (const a of r1
    .filter((x) => x.status === 'completed' && x.educationLevel === 'associate')
    .slice(0, 3)) {
    apps.push(newApp({ round: OPEN, l2: a.l2, status: 'submitted', level: 'bachelor' }, a.worker));
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
    apps.push(newApp({ round: 1, l2: a.l2, status: 'completed', level: a.educationLevel! }, a.worker));
  }
  // Random tags of the money sub-states.
  for (const a of apps) {
    if (a.tag) continue;
    if (a.status === 'approved')
      a.tag =
        a.round === OPEN
          ? 'uncovered'
          : agencyStages.has(a.l2.id) || a.l2.code === 'wuhua' || rng.chance(0.75)
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

  // ── calendars ──
  interface Cal {
    open: Date;
    close: Date;
    decide: [string, string];
    enrolled: [string, string];
    procAlloc: [string, string, string];
    procPay: [string, string];
    dropUnpaid: [string, string];
    cancel: [string, string];
    fundReturn: [string, string];
    dropPaid: [string, string];
    grad: [string, string];
    resAlloc: [string, string, string];
    resPay: [string, string];
  }
  const CAL: Cal[] = [
    {
      open: utc('2019-11-11'),
      close: addMs(utc('2019-11-30'), 10 * HOUR),
      decide: ['2019-12-05', '2019-12-27'],
      enrolled: ['2019-09-01', '2019-10-25'],
      procAlloc: ['2020-03-10', '2020-03-16', '2020-03-20'],
      procPay: ['2020-03-25', '2020-05-29'],
      dropUnpaid: ['2020-02-10', '2020-03-05'],
      cancel: ['2020-04-01', '2020-04-20'],
      fundReturn: ['2020-05-06', '2020-05-20'],
      dropPaid: ['2020-06-15', '2021-12-20'],
      grad: ['2022-01-10', '2022-06-30'],
      resAlloc: ['2022-09-05', '2022-09-09', '2022-09-14'],
      resPay: ['2022-09-20', '2022-11-30'],
    },
    {
      open: utc('2020-05-11'),
      close: addMs(utc('2020-05-31'), 10 * HOUR),
      decide: ['2020-06-05', '2020-06-28'],
      enrolled: ['2020-03-01', '2020-04-30'],
      procAlloc: ['2020-09-08', '2020-09-14', '2020-09-18'],
      procPay: ['2020-09-24', '2020-11-30'],
      dropUnpaid: ['2020-08-01', '2020-09-05'],
      cancel: ['2020-10-01', '2020-10-20'],
      fundReturn: ['2020-11-05', '2020-11-20'],
      dropPaid: ['2020-12-10', '2022-06-30'],
      grad: ['2022-12-20', '2023-06-20'],
      resAlloc: ['2023-08-01', '2023-08-07', '2023-08-11'],
      resPay: ['2023-08-15', '2023-10-31'],
    },
  ];
  const openStart = utc(rounds[OPEN].opensOn);
  const latest = addMs(now, -HOUR);

  // ── submission times, then R7 (first come, first served) per union and round ──
  for (const a of apps) {
    if (a.round === OPEN) {
      const advanced = a.status !== 'draft' && a.status !== 'submitted';
      a.submittedAt =
        a.status === 'draft'
          ? null
          : between(
              addMs(openStart, 2 * HOUR),
              advanced ? between(addMs(openStart, 2 * DAY), addMs(openStart, 5 * DAY)) : latest,
            );
      a.createdAt = a.submittedAt
        ? maxDate(openStart, addMs(a.submittedAt, -rng.int(1, 48) * HOUR))
        : between(openStart, latest);
      a.enrolledOn = ymd(between(addDays(openStart, -70), addDays(openStart, -8)));
    } else {
      const c = CAL[a.round];
      a.submittedAt = a.status === 'draft' ? null : timeOfDay(utc(ymd(between(c.open, c.close))));
      a.createdAt = a.submittedAt
        ? maxDate(addMs(c.open, HOUR), addMs(a.submittedAt, -rng.int(1, 72) * HOUR))
        : timeOfDay(utc(ymd(between(c.open, c.close))));
      if (a.submittedAt && a.createdAt > a.submittedAt) a.createdAt = addMs(a.submittedAt, -30 * 60000);
      a.enrolledOn = ymd(between(utc(c.enrolled[0]), utc(c.enrolled[1])));
    }
    if (a.inst)
      a.admissionNo = `${rounds[a.round].intakeTerm.slice(0, 4)}${String(a.inst.id).padStart(2, '0')}${rng.digits(6)}`;
    if (!a.inst) a.enrolledOn = null;
  }
  for (let round = 0; round < 3; round++) {
    for (const l2 of payUnions) {
      const inQuota = apps
        .filter((a) => a.round === round && a.l2 === l2 && APPROVED_OR_BEYOND.has(a.status))
        .sort((x, y) => x.submittedAt!.getTime() - y.submittedAt!.getTime());
      const places = quotaOf(round, l2).places;
      for (const a of inQuota.slice(places)) {
        a.status = 'waitlisted';
        a.tag = '';
        a.refund = undefined;
      }
    }
  }

  // ── lives: reviews, documents, decisions ──
  const reviews: Review[] = [];
  const docs: Doc[] = [];
  const appeals: Appeal[] = [];
  const COMMENTS = {
    1: [
      '同意推荐',
      '经单位工会审核，所学专业符合岗位需要，同意推荐',
      '材料齐全，同意推荐',
      '该职工为一线岗位，同意推荐',
    ],
    2: ['审查通过', '材料审查无误，同意上报', '符合资助条件，同意', '经审查符合条件，报市总工会审核'],
    3: ['审核通过', '同意资助', '符合资助条件，予以资助'],
  } as const;
  const RETURNS = [
    '入学通知书扫描件不清晰，请重新上传',
    '缴费凭证缺失，请补充后重新提交',
    '申请表未加盖单位工会公章，请补盖后重新上传',
    '专业名称与录取通知书不一致，请核对后重新提交',
  ];
  const DROP_REASONS = [
    '工作调动，无法继续学业',
    '家庭原因主动退学',
    '身体原因退学',
    '工作任务重，无法兼顾学业',
  ];
  const DOCS: Record<string, [string, string]> = {
    application_form: ['学历提升资助申请表.pdf', 'application/pdf'],
    id_card: ['身份证.jpg', 'image/jpeg'],
    admission_notice: ['录取通知书.pdf', 'application/pdf'],
    tuition_receipt: ['缴费凭证.jpg', 'image/jpeg'],
    enrollment_report: ['学籍在线验证报告.pdf', 'application/pdf'],
    graduation_record: ['教育部学历证书电子注册备案表.pdf', 'application/pdf'],
    withdrawal_proof: ['退学证明.pdf', 'application/pdf'],
  };
  const REQUIRED = ['application_form', 'id_card', 'admission_notice', 'tuition_receipt'];
  const addDoc = (app: App, kind: string, at: Date): Doc => {
    const [fileName, mimeType] = DOCS[kind];
    const d: Doc = {
      id: 0,
      app,
      kind,
      fileName,
      mimeType,
      size: rng.int(60_000, 3_500_000),
      sha256: rng.hex(64),
      at,
    };
    docs.push(d);
    return d;
  };
  const addReview = (
    app: App,
    step: number,
    decision: string,
    resultStatus: string,
    at: Date,
    comment: string,
  ) => {
    const organizationId = step === 1 ? app.org.id : step === 2 ? app.l2.id : city.id;
    reviews.push({
      id: 0,
      app,
      step,
      organizationId,
      userId: staffByOrg.get(organizationId) ?? null,
      decision,
      resultStatus,
      comment,
      at,
    });
  };
  const appEvent = (app: App, at: Date, action: string, after: () => unknown) =>
    event(at, 'applications', action, () => app.id, after);

  for (const a of apps) {
    const direct = a.org.kind === 'direct';
    const hist = a.round !== OPEN;
    const c = CAL[a.round];
    const later = (t: Date, minDays: number, maxDays: number) =>
      hist
        ? addMs(t, (minDays + rng.next() * (maxDays - minDays)) * DAY)
        : addMs(t, (now.getTime() - t.getTime()) * (0.08 + rng.next() * 0.3));
    // documents uploaded while filling in the form
    if (a.status === 'draft') {
      if (a.inst)
        for (const k of REQUIRED.slice(0, rng.int(0, 3)))
          addDoc(a, k, addMs(a.createdAt, rng.int(5, 300) * 60000));
      a.updatedAt = a.createdAt;
      continue;
    }
    const span = a.submittedAt!.getTime() - a.createdAt.getTime();
    for (const [i, k] of REQUIRED.entries()) addDoc(a, k, addMs(a.createdAt, (span * (i + 1)) / 6));
    const sub = a.submittedAt!;
    appEvent(a, sub, 'submit', () => ({ status: 'submitted', currentStep: 1 }));
    let t = sub;
    a.updatedAt = sub;
    const s1 = () => (t = later(t, 0.3, 4));
    const s2 = () => (t = later(t, 0.5, 6));
    const s3 = () =>
      (t = hist ? maxDate(addMs(t, 12 * HOUR), workday(c.decide[0], c.decide[1])) : later(t, 0, 0));
    const approveChain = (upTo: number) => {
      if (upTo >= 1) addReview(a, 1, 'approve', 'unit_approved', s1(), rng.pick(COMMENTS[1]));
      if (upTo >= 2 && !direct) addReview(a, 2, 'approve', 'org_approved', s2(), rng.pick(COMMENTS[2]));
    };
    switch (a.status) {
      case 'submitted':
        a.currentStep = 1;
        break;
      case 'unit_approved':
        approveChain(1);
        a.currentStep = direct ? 3 : 2;
        break;
      case 'org_approved':
        approveChain(2);
        a.currentStep = 3;
        break;
      case 'returned': {
        const step = rng.pick(direct ? [1, 3] : [1, 2, 3]);
        approveChain(step - 1);
        addReview(
          a,
          step,
          'return',
          'returned',
          step === 3 ? s3() : step === 2 ? s2() : s1(),
          rng.pick(RETURNS),
        );
        break;
      }
      case 'rejected': {
        const w = a.worker;
        let step =
          a.rejectStep ??
          (!w.isFrontline ? 1 : !w.org.duesPaid || !w.isUnionMember ? 2 : rng.pick([1, 2, 3]));
        if (direct && step === 2) step = 3;
        const reason = !w.isFrontline
          ? '该职工岗位为单位中层以上管理人员，不属于一线职工（R9b）'
          : !w.org.duesPaid
            ? '所在单位未按规定缴交工会经费，不符合申请条件（R9a）'
            : !w.isUnionMember
              ? '申请人不具备工会会员资格（R9a）'
              : step === 1
                ? '所学专业与本单位岗位需要不符，不予推荐（R9d）'
                : step === 2
                  ? '入学时间不在本期资助范围内（R9c）'
                  : '材料与学信网学籍信息不一致，宁缺毋滥，不予资助（R16）';
        approveChain(step - 1);
        const at = step === 3 ? s3() : step === 2 ? s2() : s1();
        addReview(a, step, 'reject', 'rejected', at, reason);
        a.decidedAt = at;
        const appealTo = step === 1 ? a.org.id : step === 2 ? a.l2.id : city.id;
        if (a.appeal === 'open') {
          const created = between(at, latest);
          appeals.push({
            id: 0,
            app: a,
            subject: 'review',
            organizationId: appealTo,
            reviewStep: step,
            content: '本人为一线职工，所学专业与岗位直接相关，请求重新审核。',
            response: null,
            status: 'open',
            dueOn: ymd(addDays(created, 15)),
            respondedAt: null,
            closedAt: null,
            createdAt: created,
          });
        } else if (hist && rng.chance(0.3)) {
          const created = addMs(at, rng.int(1, 10) * DAY);
          const responded = addMs(created, rng.int(2, 10) * DAY);
          const closed = rng.chance(0.6);
          appeals.push({
            id: 0,
            app: a,
            subject: 'review',
            organizationId: appealTo,
            reviewStep: step,
            content: '对审核结果有异议，申请复核。',
            response: '经复核，维持原审核结果。',
            status: closed ? 'closed' : 'answered',
            dueOn: ymd(addDays(created, 15)),
            respondedAt: responded,
            closedAt: closed ? addMs(responded, rng.int(1, 5) * DAY) : null,
            createdAt: created,
          });
        }
        break;
      }
      case 'withdrawn': {
        if (rng.chance(0.5)) approveChain(1);
        t = later(t, 0.5, 8);
        appEvent(a, t, 'withdraw', () => ({ status: 'withdrawn' }));
        break;
      }
      default: {
        // city decision reached: waitlisted, approved and beyond
        approveChain(2);
        const at = s3();
        if (a.status === 'waitlisted')
          addReview(
            a,
            3,
            'approve',
            'waitlisted',
            at,
            '符合资助条件，但本单位名额已满，按提交时间先后列入候补（R7）',
          );
        else addReview(a, 3, 'approve', 'approved', at, rng.pick(COMMENTS[3]));
        a.decidedAt = at;
      }
    }
    a.updatedAt = t;
    if (
      a.status !== 'submitted' &&
      a.status !== 'returned' &&
      a.status !== 'rejected' &&
      a.status !== 'withdrawn'
    ) {
      // enrollment report (R11: may follow after the window)
      const money = APPROVED_OR_BEYOND.has(a.status);
      if (hist ? (money ? rng.chance(0.92) : rng.chance(0.4)) : rng.chance(0.3)) {
        addDoc(a, 'enrollment_report', hist ? addMs(sub, rng.int(20, 80) * DAY) : between(sub, latest));
      }
    } else if (!hist && rng.chance(0.2)) addDoc(a, 'enrollment_report', between(sub, latest));
  }

  // ── money (historical rounds): allocations, payments, refunds, returns ──
  const allocations: Allocation[] = [];
  const payments: Payment[] = [];
  const refunds: Refund[] = [];
  const fundReturns: FundReturn[] = [];
  const refSeq = new Map<string, number>();
  const reference = (prefix: string, at: Date) => {
    const key = `${prefix}-${ymd(at).replace(/-/g, '')}`;
    const n = (refSeq.get(key) ?? 0) + 1;
    refSeq.set(key, n);
    return `${key}-${String(n).padStart(4, '0')}`;
  };
  const allocationAudit = (al: Allocation) => {
    const after = (status: string) => () => ({
      roundId: al.round.id,
      organizationId: al.org.id,
      stage: al.stage,
      amountFen: al.amountFen,
      applicationCount: al.apps.length,
      status,
    });
    event(al.createdAt, 'allocations', 'create', () => al.id, after('created'));
    if (al.transferredAt)
      event(al.transferredAt, 'allocations', 'transfer', () => al.id, after('transferred'));
    if (al.receivedAt) event(al.receivedAt, 'allocations', 'receive', () => al.id, after('received'));
  };
  const newAllocation = (
    round: number,
    org: Org,
    stage: Stage,
    list: App[],
    status: Allocation['status'],
    dates: [Date, Date | null, Date | null],
  ) => {
    const amount = stage === 'process' ? rounds[round].processAmountFen : rounds[round].resultAmountFen;
    const al: Allocation = {
      id: 0,
      round: rounds[round],
      org,
      stage,
      amountFen: amount * list.length,
      apps: list,
      status,
      createdAt: dates[0],
      transferredAt: dates[1],
      receivedAt: dates[2],
    };
    allocations.push(al);
    allocationAudit(al);
    return al;
  };
  const paymentAudit = (p: Payment) => {
    const base = () => ({
      applicationId: p.app.id,
      stage: p.stage,
      source: p.source,
      amountFen: p.amountFen,
      channel: p.channel,
      payerOrganizationId: p.payer.id,
    });
    if (p.status === 'paid')
      event(
        p.paidAt!,
        'payments',
        'pay',
        () => p.id,
        () => ({ ...base(), status: 'paid', reference: p.reference, paidAt: iso(p.paidAt!) }),
      );
    if (p.status === 'failed')
      event(
        p.failedAt!,
        'payments',
        'fail',
        () => p.id,
        () => ({ ...base(), status: 'failed', reason: p.failureReason }),
      );
    if (p.status === 'cancelled')
      event(
        p.failedAt!,
        'payments',
        'cancel',
        () => p.id,
        () => ({ ...base(), status: 'cancelled', reason: p.failureReason }),
      );
  };
  const agencyFor = (a: App, stage: Stage) =>
    (agencyStages.get(a.l2.id)?.split(',').includes(stage) ?? false) && hasCard(a.worker);
  const FAIL_REASONS = ['账户户名与身份证姓名不一致，银行退票', '银行卡已销户', '卡号有误，银行退票'];
  function pay(
    a: App,
    al: Allocation | null,
    stage: Stage,
    source: 'city' | 'matching',
    amountFen: number,
    created: Date,
    outcome: 'paid' | 'pending' | 'failed' | 'cancelled',
    paidWindow?: [Date, Date],
    cancelReason?: string,
  ): Payment {
    const agency = source === 'city' && agencyFor(a, stage);
    const payer = agency ? school : a.l2;
    const mk = (status: Payment['status'], createdAt: Date): Payment => ({
      id: 0,
      app: a,
      allocation: al,
      org: a.l2,
      stage,
      source,
      amountFen,
      channel: agency ? 'agency' : 'direct',
      payer,
      status,
      reference: null,
      failureReason: null,
      reissueOf: null,
      paidAt: null,
      createdAt,
    });
    if (outcome === 'paid' && source === 'city' && rng.chance(0.04)) {
      // a first attempt bounced; the union reissued it
      const failed = mk('failed', created);
      failed.failedAt = addMs(created, rng.int(2, 6) * DAY);
      failed.failureReason = rng.pick(FAIL_REASONS);
      payments.push(failed);
      paymentAudit(failed);
      const again = mk('paid', addMs(failed.failedAt, rng.int(1, 4) * DAY));
      again.reissueOf = failed;
      again.paidAt = addMs(again.createdAt, rng.int(1, 5) * DAY + rng.int(0, 3) * HOUR);
      again.reference = reference(agency ? 'ZGXX-DF' : a.l2.code.toUpperCase(), again.paidAt);
      payments.push(again);
      paymentAudit(again);
      return again;
    }
    const p = mk(outcome, created);
    if (outcome === 'paid') {
      p.paidAt = paidWindow
        ? maxDate(between(paidWindow[0], paidWindow[1]), addMs(created, 6 * HOUR))
        : addMs(created, rng.int(1, 4) * DAY);
      p.reference = reference(
        agency
          ? 'ZGXX-DF'
          : source === 'matching'
            ? `${a.l2.code.toUpperCase()}-PT`
            : a.l2.code.toUpperCase(),
        p.paidAt,
      );
    } else if (outcome === 'failed') {
      p.failedAt = addMs(created, rng.int(3, 10) * DAY);
      p.failureReason = rng.pick(FAIL_REASONS);
    } else if (outcome === 'cancelled') {
      p.failedAt = addMs(created, rng.int(3, 15) * DAY);
      p.failureReason = cancelReason ?? '不符合发放条件';
    }
    payments.push(p);
    paymentAudit(p);
    return p;
  }

  for (let round = 0; round < 2; round++) {
    const c = CAL[round];
    const r = rounds[round];
    for (const l2 of payUnions) {
      const mine = apps.filter((a) => a.round === round && a.l2 === l2 && APPROVED_OR_BEYOND.has(a.status));
      const covered = mine.filter((a) => !(a.status === 'approved' && a.tag === 'uncovered'));
      const policy = policyOf(round, l2);
      if (covered.length) {
        const al = newAllocation(round, l2, 'process', covered, 'received', [
          workday(c.procAlloc[0], c.procAlloc[0]),
          workday(c.procAlloc[1], c.procAlloc[1]),
          workday(c.procAlloc[2], c.procAlloc[2]),
        ]);
        const unpaid: Payment[] = [];
        for (const a of covered) {
          const created = addMs(al.receivedAt!, rng.int(1, 5) * DAY);
          if (a.status === 'approved') {
            pay(
              a,
              al,
              'process',
              'city',
              r.processAmountFen,
              created,
              a.tag === 'failed' ? 'failed' : 'pending',
            );
            continue;
          }
          if (a.status === 'dropped_out' && a.tag === 'unpaid') {
            // R4: dropped out before the payout — the union cancels and returns the money
            a.droppedOutOn = ymd(between(utc(c.dropUnpaid[0]), utc(c.dropUnpaid[1])));
            a.dropoutReason = rng.pick(DROP_REASONS);
            const p = pay(
              a,
              al,
              'process',
              'city',
              r.processAmountFen,
              created,
              'cancelled',
              undefined,
              '职工已退学，不符合发放条件，资金退还市总工会（R4）',
            );
            unpaid.push(p);
            continue;
          }
          const p = pay(a, al, 'process', 'city', r.processAmountFen, created, 'paid', [
            utc(c.procPay[0]),
            timeOfDay(utc(c.procPay[1])),
          ]);
          a.processPaid = p;
          a.updatedAt = p.paidAt!;
          if (policy && policy.processAmountFen > 0)
            pay(
              a,
              null,
              'process',
              'matching',
              policy.processAmountFen,
              addMs(p.paidAt!, rng.int(1, 3) * DAY),
              'paid',
            );
        }
        if (unpaid.length) {
          const createdAt = workday(c.fundReturn[0], c.fundReturn[0]);
          const confirmed = round === 0 || (l2.code !== 'wuhua' && rng.chance(0.5));
          const amount = unpaid.reduce((s, p) => s + p.amountFen, 0);
          const names = unpaid.map((p) => p.app.worker.name).join('、');
          const fr: FundReturn = {
            id: 0,
            round: r,
            org: l2,
            stage: 'process',
            amountFen: amount,
            report: `关于退还${r.name}学历提升过程资助资金的情况报告：${l2.name}在发放前核查中发现 ${unpaid.length} 名职工（${names}）已办理退学，不符合发放条件，现将剩余资助资金 ${yuan(amount)} 元退还市总工会。`,
            status: confirmed ? 'confirmed' : 'filed',
            confirmedAt: confirmed ? workday(c.fundReturn[1], c.fundReturn[1]) : null,
            createdAt,
            items: unpaid,
          };
          fundReturns.push(fr);
          event(
            fr.createdAt,
            'fund-returns',
            'create',
            () => fr.id,
            () => ({
              roundId: r.id,
              organizationId: l2.id,
              stage: 'process',
              amountFen: amount,
              status: 'filed',
              items: unpaid.map((p) => ({
                applicationId: p.app.id,
                paymentId: p.id,
                amountFen: p.amountFen,
              })),
            }),
          );
          if (fr.confirmedAt)
            event(
              fr.confirmedAt,
              'fund-returns',
              'confirm',
              () => fr.id,
              () => ({ status: 'confirmed' }),
            );
        }
      }
      // after the process subsidy: dropouts (R5), lapses (R6), graduations (R2)
      for (const a of mine) {
        const paidProcess = a.processPaid;
        if (a.status === 'dropped_out' && a.tag === 'paid' && paidProcess) {
          const dropped = maxDate(workday(c.dropPaid[0], c.dropPaid[1]), addDays(paidProcess.paidAt!, 20));
          a.droppedOutOn = ymd(dropped);
          a.dropoutReason = rng.pick(DROP_REASONS);
          const created = addMs(dropped, rng.int(3, 15) * DAY);
          const status = a.refund ?? 'confirmed';
          const received = status === 'expected' ? null : addMs(created, rng.int(10, 40) * DAY);
          const confirmed = status === 'confirmed' ? addMs(received!, rng.int(2, 10) * DAY) : null;
          const rf: Refund = {
            id: 0,
            app: a,
            payment: paidProcess,
            amountFen: paidProcess.amountFen,
            status,
            reference: received ? reference('TK', received) : null,
            receivedAt: received,
            confirmedAt: confirmed,
            createdAt: created,
          };
          refunds.push(rf);
          const after = (s: string) => () => ({
            applicationId: a.id,
            paymentId: paidProcess.id,
            institutionId: a.inst?.id ?? null,
            amountFen: rf.amountFen,
            status: s,
          });
          event(created, 'refunds', 'create', () => rf.id, after('expected'));
          if (received) event(received, 'refunds', 'receive', () => rf.id, after('received'));
          if (confirmed) event(confirmed, 'refunds', 'confirm', () => rf.id, after('confirmed'));
        }
        if (a.status === 'dropped_out' && a.droppedOutOn) {
          const at = timeOfDay(utc(a.droppedOutOn!));
          addDoc(a, 'withdrawal_proof', addMs(at, rng.int(1, 5) * DAY));
          appEvent(a, at, 'dropout', () => ({
            status: 'dropped_out',
            droppedOutOn: a.droppedOutOn,
            reason: a.dropoutReason,
          }));
          a.updatedAt = maxDate(a.updatedAt, at);
        }
        if (a.status === 'lapsed') {
          const at = addMs(utc(r.graduationDeadline), DAY + HOUR);
          appEvent(a, at, 'lapse', () => ({
            status: 'lapsed',
            reason: `未在 ${r.graduationDeadline} 前取得毕业证书（R6）`,
          }));
          a.updatedAt = at;
        }
        if (a.status === 'graduated' || a.status === 'completed') {
          const grad = workday(c.grad[0], c.grad[1]);
          a.graduatedOn = ymd(grad);
          const uploaded =
            a.tag === 'G1' ? between(addDays(now, -20), latest) : addMs(grad, rng.int(5, 20) * DAY);
          a.graduationDoc = addDoc(a, 'graduation_record', uploaded);
          appEvent(a, uploaded, 'graduate', () => ({
            status: 'graduated',
            graduatedOn: a.graduatedOn,
            documentId: a.graduationDoc!.id,
          }));
          a.updatedAt = uploaded;
          if (a.tag !== 'G1') {
            a.graduationVerifiedAt = addMs(uploaded, rng.int(3, 10) * DAY);
            appEvent(a, a.graduationVerifiedAt, 'verify-graduation', () => ({
              decision: 'approve',
              graduationVerifiedAt: iso(a.graduationVerifiedAt!),
            }));
            a.updatedAt = a.graduationVerifiedAt;
          }
        }
      }
      // result subsidy (R2): allocation after verified graduation, then payment
      const resultApps = mine.filter(
        (a) => a.status === 'completed' || (a.status === 'graduated' && a.tag === 'G4'),
      );
      if (resultApps.length) {
        const al = newAllocation(round, l2, 'result', resultApps, 'received', [
          workday(c.resAlloc[0], c.resAlloc[0]),
          workday(c.resAlloc[1], c.resAlloc[1]),
          workday(c.resAlloc[2], c.resAlloc[2]),
        ]);
        for (const a of resultApps) {
          const created = addMs(al.receivedAt!, rng.int(1, 5) * DAY);
          if (a.status === 'graduated') {
            pay(a, al, 'result', 'city', r.resultAmountFen, created, 'pending');
            continue;
          }
          const p = pay(a, al, 'result', 'city', r.resultAmountFen, created, 'paid', [
            utc(c.resPay[0]),
            timeOfDay(utc(c.resPay[1])),
          ]);
          a.updatedAt = p.paidAt!;
          if (policy && policy.resultAmountFen > 0)
            pay(
              a,
              null,
              'result',
              'matching',
              policy.resultAmountFen,
              addMs(p.paidAt!, rng.int(1, 3) * DAY),
              'paid',
            );
        }
      }
      // a late batch, still on its way: the city created (and maybe transferred) it last week
      const late = mine.filter((a) => a.status === 'graduated' && a.tag === 'G3');
      if (late.length) {
        const transferred = l2.code === 'gaoxin';
        newAllocation(round, l2, 'result', late, transferred ? 'transferred' : 'created', [
          timeOfDay(utc(ymd(addDays(now, -8)))),
          transferred ? timeOfDay(utc(ymd(addDays(now, -6)))) : null,
          null,
        ]);
      }
    }
  }
  // R14: a worker appeals a failed payment (to the level-2 union that pays)
  for (const p of payments.filter(
    (x) => x.status === 'failed' && x.app.appeal === 'open' && !payments.some((y) => y.reissueOf === x),
  )) {
    const created = between(addDays(now, -6), addDays(now, -2));
    appeals.push({
      id: 0,
      app: p.app,
      subject: 'payment',
      organizationId: p.org.id,
      reviewStep: null,
      content: '过程资助显示发放失败，本人银行卡已更换，请重新发放。',
      response: null,
      status: 'open',
      dueOn: ymd(addDays(created, 15)),
      respondedAt: null,
      closedAt: null,
      createdAt: created,
    });
  }
  // quota adjustments are audited too
  for (const qa of quotaAdjustments) {
    event(
      qa.at,
      'quotas',
      'adjust',
      () => qa.quota.id,
      () => ({
        roundId: qa.quota.round.id,
        organizationId: qa.quota.org.id,
        delta: qa.delta,
        placesBefore: qa.before,
        placesAfter: qa.after,
        reason: qa.reason,
      }),
    );
  }

  // ── ids in time order ──
  const byTime = <T>(list: T[], at: (x: T) => Date) =>
    list
      .sort((x, y) => at(x).getTime() - at(y).getTime())
      .forEach((x, i) => {
        (x as { id: number }).id = i + 1;
      });
  byTime(apps, (a) => a.createdAt);
  byTime(reviews, (r) => r.at);
  byTime(docs, (d) => d.at);
  byTime(allocations, (a) => a.createdAt);
  byTime(payments, (p) => p.createdAt);
  byTime(refunds, (r) => r.createdAt);
  byTime(fundReturns, (f) => f.createdAt);
  byTime(appeals, (a) => a.createdAt);
  events.sort((x, y) => x.at.getTime() - y.at.getTime());

  // ── write everything in one transaction ──
  tx(db, (t) => {
    const raw = db.$client;
    const ins = (table: string, cols: string[]) => {
      const stmt = raw.prepare(
        `insert into ${table} (${cols.map((c) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)).join(',')}) values (${cols.map(() => '?').join(',')})`,
      );
      return (row: Record<string, unknown>) =>
        stmt.run(
          ...cols.map((c) => {
            const v = row[c];
            return v === undefined
              ? null
              : typeof v === 'boolean'
                ? v
                  ? 1
                  : 0
                : v instanceof Date
                  ? iso(v)
                  : v;
          }),
        );
    };
    const insOrg = ins('organizations', [
      'id',
      'name',
      'kind',
      'level',
      'parentId',
      'path',
      'level2Id',
      'code',
      'unitName',
      'duesPaid',
      'contactPhone',
      'createdAt',
    ]);
    for (const o of orgs) insOrg(o as unknown as Record<string, unknown>);
    const insInst = ins('institutions', [
      'id',
      'name',
      'code',
      'reductionPolicy',
      'contact',
      'active',
      'createdAt',
    ]);
    for (const i of insts)
      insInst({
        id: i.id,
        name: i.def.name,
        code: i.def.code,
        reductionPolicy: i.def.policy,
        contact: i.def.contact,
        active: true,
        createdAt: '2019-05-24T03:00:00.000Z',
      });
    const insRound = ins('rounds', [
      'id',
      'name',
      'intakeTerm',
      'opensOn',
      'closesOn',
      'processAmountFen',
      'resultAmountFen',
      'plannedPlaces',
      'graduationDeadline',
      'createdAt',
    ]);
    for (const r of rounds) insRound(r as unknown as Record<string, unknown>);
    const insWorker = ins('workers', [
      'id',
      'name',
      'idNumberEnc',
      'idNumberHash',
      'idNumberMasked',
      'gender',
      'birthDate',
      'phone',
      'organizationId',
      'level2Id',
      'jobTitle',
      'isUnionMember',
      'isFrontline',
      'isMigrant',
      'isHardship',
      'isKeyIndustry',
      'bankName',
      'bankCardEnc',
      'bankCardHash',
      'bankCardMasked',
      'benefitCardEnc',
      'benefitCardHash',
      'benefitCardMasked',
      'createdAt',
    ]);
    for (const w of workers) {
      insWorker({
        id: w.id,
        name: w.name,
        idNumberEnc: pii.encrypt(w.idNumber),
        idNumberHash: pii.hash(w.idNumber),
        idNumberMasked: maskIdNumber(w.idNumber),
        gender: w.gender,
        birthDate: w.birthDate,
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
        createdAt: w.createdAt,
      });
    }
    const insUser = ins('users', [
      'id',
      'username',
      'displayName',
      'passwordHash',
      'role',
      'organizationId',
      'institutionId',
      'workerId',
      'active',
      'mustChangePassword',
      'createdAt',
    ]);
    for (const u of users) insUser({ ...u, passwordHash, active: true });
    const insQuota = ins('quotas', ['id', 'roundId', 'organizationId', 'places', 'createdAt']);
    for (const q of quotas)
      insQuota({
        id: q.id,
        roundId: q.round.id,
        organizationId: q.org.id,
        places: q.places,
        createdAt: q.round.createdAt,
      });
    const insQa = ins('quota_adjustments', [
      'id',
      'quotaId',
      'delta',
      'placesBefore',
      'placesAfter',
      'reason',
      'userId',
      'createdAt',
    ]);
    for (const qa of quotaAdjustments)
      insQa({
        id: qa.id,
        quotaId: qa.quota.id,
        delta: qa.delta,
        placesBefore: qa.before,
        placesAfter: qa.after,
        reason: qa.reason,
        userId: cityUserId,
        createdAt: qa.at,
      });
    const insPolicy = ins('matching_policies', [
      'id',
      'roundId',
      'organizationId',
      'mode',
      'processAmountFen',
      'resultAmountFen',
      'note',
      'createdAt',
    ]);
    for (const p of policies) insPolicy({ ...p, roundId: p.round + 1, organizationId: p.org.id });
    const insAgreement = ins('agency_agreements', [
      'id',
      'organizationId',
      'agentOrganizationId',
      'agreementNo',
      'startsOn',
      'endsOn',
      'stages',
      'active',
      'createdAt',
    ]);
    for (const g of agreements) insAgreement(g);
    const insApp = ins('applications', [
      'id',
      'roundId',
      'workerId',
      'organizationId',
      'level2Id',
      'institutionId',
      'educationLevel',
      'major',
      'studyMode',
      'enrolledOn',
      'admissionNo',
      'status',
      'currentStep',
      'submittedAt',
      'decidedAt',
      'graduatedOn',
      'graduationDocumentId',
      'graduationVerifiedAt',
      'droppedOutOn',
      'dropoutReason',
      'createdAt',
      'updatedAt',
    ]);
    for (const a of apps) {
      insApp({
        id: a.id,
        roundId: a.round + 1,
        workerId: a.worker.id,
        organizationId: a.org.id,
        level2Id: a.l2.id,
        institutionId: a.inst?.id,
        educationLevel: a.educationLevel,
        major: a.major,
        studyMode: a.studyMode,
        enrolledOn: a.enrolledOn,
        admissionNo: a.admissionNo,
        status: a.status,
        currentStep: a.currentStep,
        submittedAt: a.submittedAt,
        decidedAt: a.decidedAt,
        graduatedOn: a.graduatedOn,
        graduationDocumentId: a.graduationDoc?.id,
        graduationVerifiedAt: a.graduationVerifiedAt,
        droppedOutOn: a.droppedOutOn,
        dropoutReason: a.dropoutReason,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
      });
    }
    const insReview = ins('reviews', [
      'id',
      'applicationId',
      'step',
      'organizationId',
      'userId',
      'decision',
      'resultStatus',
      'comment',
      'createdAt',
    ]);
    for (const r of reviews) insReview({ ...r, applicationId: r.app.id, createdAt: r.at });
    const insDoc = ins('documents', [
      'id',
      'applicationId',
      'kind',
      'fileName',
      'mimeType',
      'size',
      'sha256',
      'uploadedBy',
      'createdAt',
    ]);
    for (const d of docs) insDoc({ ...d, applicationId: d.app.id, uploadedBy: null, createdAt: d.at });
    const insAppeal = ins('appeals', [
      'id',
      'applicationId',
      'subject',
      'organizationId',
      'reviewStep',
      'content',
      'response',
      'status',
      'dueOn',
      'respondedAt',
      'closedAt',
      'createdAt',
    ]);
    for (const a of appeals) insAppeal({ ...a, applicationId: a.app.id });
    const insAlloc = ins('allocations', [
      'id',
      'roundId',
      'organizationId',
      'stage',
      'amountFen',
      'applicationCount',
      'status',
      'createdBy',
      'transferredAt',
      'receivedAt',
      'createdAt',
    ]);
    const insItem = ins('allocation_items', ['allocationId', 'applicationId', 'stage', 'amountFen']);
    for (const al of allocations) {
      insAlloc({
        id: al.id,
        roundId: al.round.id,
        organizationId: al.org.id,
        stage: al.stage,
        amountFen: al.amountFen,
        applicationCount: al.apps.length,
        status: al.status,
        createdBy: cityUserId,
        transferredAt: al.transferredAt,
        receivedAt: al.receivedAt,
        createdAt: al.createdAt,
      });
      const each = al.amountFen / al.apps.length;
      for (const a of [...al.apps].sort((x, y) => x.id - y.id))
        insItem({ allocationId: al.id, applicationId: a.id, stage: al.stage, amountFen: each });
    }
    const insPay = ins('payments', [
      'id',
      'applicationId',
      'allocationId',
      'organizationId',
      'stage',
      'source',
      'amountFen',
      'channel',
      'payerOrganizationId',
      'status',
      'reference',
      'failureReason',
      'reissueOf',
      'paidAt',
      'createdAt',
    ]);
    for (const p of payments) {
      insPay({
        id: p.id,
        applicationId: p.app.id,
        allocationId: p.allocation?.id,
        organizationId: p.org.id,
        stage: p.stage,
        source: p.source,
        amountFen: p.amountFen,
        channel: p.channel,
        payerOrganizationId: p.payer.id,
        status: p.status,
        reference: p.reference,
        failureReason: p.failureReason,
        reissueOf: p.reissueOf?.id,
        paidAt: p.paidAt,
        createdAt: p.createdAt,
      });
    }
    const insRefund = ins('refunds', [
      'id',
      'applicationId',
      'paymentId',
      'institutionId',
      'amountFen',
      'status',
      'reference',
      'receivedAt',
      'confirmedAt',
      'createdAt',
    ]);
    for (const r of refunds)
      insRefund({ ...r, applicationId: r.app.id, paymentId: r.payment.id, institutionId: r.app.inst?.id });
    const insFr = ins('fund_returns', [
      'id',
      'roundId',
      'organizationId',
      'stage',
      'amountFen',
      'report',
      'status',
      'confirmedAt',
      'createdAt',
    ]);
    const insFri = ins('fund_return_items', ['fundReturnId', 'applicationId', 'paymentId', 'amountFen']);
    for (const f of fundReturns) {
      insFr({ ...f, roundId: f.round.id, organizationId: f.org.id });
      for (const p of f.items)
        insFri({ fundReturnId: f.id, applicationId: p.app.id, paymentId: p.id, amountFen: p.amountFen });
    }
    // §5.7: the audit hash chain, in time order, by the system (no user) at the event's time
    for (const e of events) {
      const actor: Actor = { user: null, now: () => e.at };
      audit(t, actor, { action: e.action, resource: e.resource, recordId: e.record(), after: e.after() });
    }
  });

  return summarize(
    db,
    users.map((u) => ({ username: u.username, role: u.role, displayName: u.displayName })),
  );
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
  'audit_log',
];

function summarize(db: Db, accounts: SeedSummary['accounts']): SeedSummary {
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
