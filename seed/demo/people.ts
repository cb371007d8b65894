/** The workers (~5,000, two of them with demo accounts) and the demo accounts of every role. */
import { idCheckChar, luhnCheckDigit } from '../../server/domain/id-number';
import * as N from '../names';
import { DEMO_SIZE, iso, utc, ymd, type Ctx } from './context';
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
const BIRTH_FROM = utc('1970-01-01').getTime();
const BIRTH_TO = utc('2002-12-31').getTime();

type Fixed = { name: string; gender: 'M' | 'F'; jobTitle: string };

function workerFactory(ctx: Ctx, orgs: Orgs) {
  const { rng } = ctx;
  const workers: Worker[] = [];
  const usedIds = new Set<string>();
  const cardNo = (bin: string) => {
    const p = bin + rng.digits(18 - bin.length);
    return p + luhnCheckDigit(p);
  };
  const makeId = (area: string, gender: 'M' | 'F'): string => {
    for (;;) {
      const birth = ymd(new Date(BIRTH_FROM + rng.next() * (BIRTH_TO - BIRTH_FROM))).replace(/-/g, '');
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
    const gender = fixed?.gender ?? (rng.chance(0.56) ? 'M' : 'F');
    const area = rng.chance(0.6) ? org.area : rng.pick(N.AREA_CODES);
    const idNumber = makeId(area, gender);
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
      jobTitle: fixed?.jobTitle ?? (isFrontline ? rng.pick(N.JOB_FRONTLINE) : rng.pick(N.JOB_MANAGEMENT)),
      isUnionMember: fixed ? true : rng.chance(0.96),
      isFrontline,
      isMigrant: rng.chance(0.3),
      isHardship: rng.chance(0.08),
      isKeyIndustry: rng.chance(0.25),
      bankName: hasBank ? bank.name : null,
      bankCard: hasBank ? cardNo(bank.bin) : null,
      benefitCard: rng.chance(0.3) ? cardNo(N.BENEFIT_BIN) : null,
      createdAt: iso(ctx.workday('2019-06-01', '2019-11-05')),
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
  const worker1 = f.add(wuhua001, { name: '张建华', gender: 'M', jobTitle: '班组长' });
  const worker2 = f.add(wuhua001, { name: '李丽萍', gender: 'F', jobTitle: '质检员' });
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
