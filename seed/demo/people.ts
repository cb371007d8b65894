/** The workers (~5,000, two of them with demo accounts) and the demo accounts of every role. */
import { idCheckChar, luhnCheckDigit } from '../../server/domain/id-number';
import * as A from '../area-codes';
import * as N from '../names';
import { POSTS } from '../units';
import { DAY, DEMO_SIZE, iso, utc, ymd, type Ctx } from './context';
import type { Inst, Org, User, Worker } from './model';
import type { Orgs } from './organizations';

export interface People {
  workers: Worker[];
  /** The demo accounts worker1 and worker2: they must have no application. */
  worker1: Worker;
  worker2: Worker;
}

export interface Accounts {
  users: User[];
  /** The first staff account of each organisation: the reviewer of its steps. */
  staffByOrg: Map<number, number>;
  cityUserId: number;
}

/** R9a, R9b: who may apply at all. */
export const eligible = (w: Worker) => w.isUnionMember && w.isFrontline && w.org.duesPaid;
/** A card to be paid on. */
export const hasCard = (w: Worker) => !!(w.bankCard || w.benefitCard);

const SURNAMES = (N.SURNAMES_COMMON.repeat(4) + N.SURNAMES_OTHER).split('');
const GIVEN_M = N.GIVEN_MALE.split('');
const GIVEN_F = N.GIVEN_FEMALE.split('');
/** The first day a demo worker is registered (before any round opens, R11). */
const FIRST_RECORD = '2019-06-01';
/** Share of migrant workers (农民工, R10) and, of them, those from Yunnan's other prefectures. */
const MIGRANT_SHARE = 0.3;
const MIGRANT_FROM_YUNNAN = 0.7;

const yearsBefore = (d: Date, years: number, days = 0) =>
  Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate() + days);

/**
 * Birth dates that make every worker 18–55 whenever it applies: 18 when registered (before the
 * first round), at most 55 on `now` (the open round's applications are the latest).
 */
function birthWindow(now: Date): [number, number] {
  const from = yearsBefore(now, 55, 1);
  const to = yearsBefore(utc(FIRST_RECORD), 18, -1);
  if (to - from < 10 * 365 * DAY)
    throw new Error('seedDemo: `now` is too late for workers who also applied in 2019 to be under 56');
  return [from, to];
}

type Fixed = { name: string; gender: 'M' | 'F' };

function workerFactory(ctx: Ctx, orgs: Orgs) {
  const { rng } = ctx;
  const workers: Worker[] = [];
  const usedIds = new Set<string>();
  const [birthFrom, birthTo] = birthWindow(ctx.now);
  const kunming = Object.values(A.KUNMING);
  const cardNo = (bin: string) => {
    const p = bin + rng.digits(18 - bin.length);
    return p + luhnCheckDigit(p);
  };
  /** The ID's area code: the place's code in force in the birth year (GB/T 2260). */
  const areaCode = (home: A.Place, year: number): string => {
    const codes = A.codesIn(home, year);
    return rng.pick(codes.length ? codes : A.KUNMING_CORE.flatMap((p) => A.codesIn(p, year))).code;
  };
  /** A migrant comes from another prefecture or province; a local mostly from the unit's district. */
  const homeOf = (org: Org, migrant: boolean): A.Place =>
    migrant
      ? rng.pick(rng.chance(MIGRANT_FROM_YUNNAN) ? A.HOME_YUNNAN : A.HOME_OTHER)
      : rng.chance(0.6)
        ? A.KUNMING[org.area]
        : rng.pick(kunming);
  const makeId = (home: A.Place, gender: 'M' | 'F'): string => {
    for (;;) {
      const birth = ymd(new Date(birthFrom + rng.next() * (birthTo - birthFrom))).replace(/-/g, '');
      const area = areaCode(home, Number(birth.slice(0, 4)));
      const seq = rng.digits(2) + String(rng.int(0, 4) * 2 + (gender === 'M' ? 1 : 0)); // odd 17th digit: male
      const first17 = area + birth + seq;
      const id = first17 + idCheckChar(first17);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const add = (org: Org, fixed?: Fixed): Worker => {
    if (!org.sector) throw new Error(`seedDemo: unit ${org.code} has no sector`);
    const posts = POSTS[org.sector];
    const gender = fixed?.gender ?? (rng.chance(0.56) ? 'M' : 'F');
    const isMigrant = !fixed && rng.chance(MIGRANT_SHARE);
    const idNumber = makeId(homeOf(org, isMigrant), gender);
    const name =
      fixed?.name ??
      rng.pick(SURNAMES) +
        rng.pick(gender === 'M' ? GIVEN_M : GIVEN_F) +
        (rng.chance(0.7) ? rng.pick(gender === 'M' ? GIVEN_M : GIVEN_F) : '');
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
      l2: orgs.l2Of(org),
      // R9b: a post above 科室主任 is not front-line
      jobTitle: rng.pick(isFrontline ? posts.frontline : posts.senior),
      isUnionMember: fixed ? true : rng.chance(0.96),
      isFrontline,
      isMigrant,
      isHardship: rng.chance(0.08),
      isKeyIndustry: rng.chance(0.25),
      bankName: hasBank ? bank.name : null,
      bankCard: hasBank ? cardNo(bank.bin) : null,
      benefitCard: rng.chance(0.3) ? cardNo(N.BENEFIT_BIN) : null,
      createdAt: iso(ctx.workday(FIRST_RECORD, '2019-11-05')),
    };
    workers.push(w);
    return w;
  };
  return { workers, add };
}

export function seedWorkers(ctx: Ctx, orgs: Orgs): People {
  const { rng } = ctx;
  const f = workerFactory(ctx, orgs);
  const wuhua001 = orgs.byCode.get('wuhua-001')!;
  const worker1 = f.add(wuhua001, { name: '张建华', gender: 'M' });
  const worker2 = f.add(wuhua001, { name: '李丽萍', gender: 'F' });
  for (const g of orgs.grassroots) {
    const n = g === wuhua001 ? 38 : DEMO_SIZE.workersPerUnitMin + rng.int(0, DEMO_SIZE.workersPerUnitSpread);
    for (let i = 0; i < n; i++) f.add(g);
  }
  for (const d of orgs.directs) {
    const n = DEMO_SIZE.workersPerDirectMin + rng.int(0, DEMO_SIZE.workersPerDirectSpread);
    for (let i = 0; i < n; i++) f.add(d);
  }
  return { workers: f.workers, worker1, worker2 };
}

/** Grassroots unions with a unit_admin account besides the direct units. */
const UNIT_ACCOUNTS = [
  'wuhua-001',
  'wuhua-002',
  'panlong-001',
  'guandu-001',
  'xishan-001',
  'jiaoyu-001',
  'weijian-001',
];

export function seedUsers(ctx: Ctx, orgs: Orgs, insts: Inst[], people: People): Accounts {
  const { rng } = ctx;
  const { city, school, byCode } = orgs;
  const users: User[] = [];
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
      : rng.pick(SURNAMES) +
        rng.pick(rng.chance(0.5) ? GIVEN_M : GIVEN_F) +
        rng.pick(rng.chance(0.5) ? GIVEN_M : GIVEN_F);
  const cityUserId = addUser('city', 'city_admin', `市总工会宣教网络部 ${staff()}`, { org: city });
  for (const o of orgs.level2) addUser(o.code, 'org_admin', `${o.name} ${staff()}`, { org: o });
  for (const o of orgs.directs) addUser(o.code, 'unit_admin', `${o.name} ${staff()}`, { org: o });
  for (const code of UNIT_ACCOUNTS) {
    const o = byCode.get(code)!;
    addUser(code, 'unit_admin', `${o.name} ${staff()}`, { org: o });
  }
  addUser('school', 'agent', `${school.name} 代发专员 ${staff()}`, { org: school });
  for (const i of insts)
    addUser(i.def.code, 'institution', `${i.def.name}继续教育学院 ${staff()}`, { inst: i });
  addUser('worker1', 'worker', people.worker1.name, { worker: people.worker1 }, false);
  addUser('worker2', 'worker', people.worker2.name, { worker: people.worker2 }, true);
  return { users, staffByOrg, cityUserId };
}
