import { eq } from 'drizzle-orm';
import { withDefaults } from '../../server/domain/rounds';
import type { Db } from '../../db/client';
import * as s from '../../db/schema';
import {
  birthYearOf,
  genderOf,
  idCheckChar,
  luhnCheckDigit,
  maskCard,
  maskIdNumber,
} from '../../server/domain/id-number';
import { chinaDate } from '../../server/domain/eligibility';
import { hashPassword } from '../../server/lib/password';
import type { Pii } from '../../server/lib/pii';
import type { TestEnv } from './app';

export const PASSWORD = 'Kunming@2019';
let cachedHash: string | null = null;
const passwordHash = () => (cachedHash ??= hashPassword(PASSWORD));

export function makeIdNumber(n: number): string {
  const first17 = `530102${1980 + (n % 20)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export const makeCard = (n: number) => {
  const p = `621700${String(n).padStart(12, '0')}`;
  return p + luhnCheckDigit(p);
};

function org(
  db: Db,
  v: {
    name: string;
    kind: (typeof s.organizations.$inferInsert)['kind'];
    parent?: { id: number; path: string; level: number; level2Id: number | null };
    code: string;
    duesPaid?: boolean;
  },
) {
  const level = v.parent ? v.parent.level + 1 : 1;
  const row = db
    .insert(s.organizations)
    .values({
      name: v.name,
      kind: v.kind,
      level,
      parentId: v.parent?.id ?? null,
      code: v.code,
      unitName: v.kind === 'grassroots' || v.kind === 'direct' ? `${v.name}单位` : null,
      duesPaid: v.duesPaid ?? true,
    })
    .returning()
    .get();
  const p = `${v.parent?.path ?? '/'}${row.id}/`;
  const level2Id = level === 1 ? null : level === 2 ? row.id : v.parent!.level2Id;
  db.update(s.organizations).set({ path: p, level2Id }).where(eq(s.organizations.id, row.id)).run();
  return { ...row, path: p, level2Id, level };
}

export function addWorker(
  db: Db,
  pii: Pii,
  n: number,
  unit: { id: number; level2Id: number | null },
  over: Partial<typeof s.workers.$inferInsert> = {},
) {
  const id = makeIdNumber(n);
  const card = makeCard(n);
  return db
    .insert(s.workers)
    .values({
      name: `职工${n}`,
      idNumberEnc: pii.encrypt(id),
      idNumberHash: pii.hash(id),
      idNumberMasked: maskIdNumber(id),
      gender: genderOf(id),
      birthYear: birthYearOf(id),
      phone: `139${String(n).padStart(8, '0')}`,
      organizationId: unit.id,
      level2Id: unit.level2Id!,
      jobTitle: '操作工',
      // R9a/b: attested by the unit when it registered the worker
      isUnionMember: true,
      isFrontline: true,
      attestedAt: '2026-01-05T02:00:00.000Z',
      bankCardEnc: pii.encrypt(card),
      bankCardHash: pii.hash(card),
      bankCardMasked: maskCard(card),
      ...over,
      phoneHash: pii.phoneHash(over.phone ?? `139${String(n).padStart(8, '0')}`),
    })
    .returning()
    .get();
}

export function addUser(
  db: Db,
  username: string,
  role: (typeof s.users.$inferInsert)['role'],
  ref: { organizationId?: number; institutionId?: number; workerId?: number },
) {
  return db
    .insert(s.users)
    .values({ username, displayName: username, role, passwordHash: passwordHash(), ...ref })
    .returning()
    .get();
}

/** A small city: enough of the tree, one open round and one past round, accounts for every role. */
export function smallCity(env: TestEnv, opts: { places?: number } = {}) {
  const { db, pii } = env;
  const today = chinaDate(env.clock.now());
  const shift = (days: number) => new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);
  const city = org(db, { name: '昆明市总工会', kind: 'city', code: 'city' });
  const wuhua = org(db, { name: '五华区总工会', kind: 'district', parent: city, code: 'wuhua' });
  const panlong = org(db, { name: '盘龙区总工会', kind: 'district', parent: city, code: 'panlong' });
  const unit1 = org(db, { name: '五华区一号公司工会', kind: 'grassroots', parent: wuhua, code: 'wuhua-001' });
  const unit2 = org(db, {
    name: '五华区二号公司工会',
    kind: 'grassroots',
    parent: wuhua,
    code: 'wuhua-002',
    duesPaid: false,
  });
  const unitP = org(db, {
    name: '盘龙区一号公司工会',
    kind: 'grassroots',
    parent: panlong,
    code: 'panlong-001',
  });
  const direct = org(db, { name: '昆钢工会', kind: 'direct', parent: city, code: 'direct-001' });
  const school = org(db, { name: '昆明市总工会职工学校', kind: 'direct', parent: city, code: 'school' });
  const ynou = db
    .insert(s.institutions)
    .values({ name: '云南开放大学', code: 'ynou', reductionPolicy: '学费减免 10%' })
    .returning()
    .get();
  const kust = db
    .insert(s.institutions)
    .values({ name: '昆明理工大学', code: 'kust', reductionPolicy: '学费减免 5%' })
    .returning()
    .get();
  const open = db
    .insert(s.rounds)
    .values({
      name: '2026年秋季',
      intakeTerm: '2026-autumn',
      ...withDefaults({
        opensOn: shift(-10),
        closesOn: shift(20),
        intakeFrom: '2026-08-01',
        intakeTo: '2026-12-31',
      }),
      processAmountFen: 50_000,
      resultAmountFen: 100_000,
      plannedPlaces: 100,
    })
    .returning()
    .get();
  const past = db
    .insert(s.rounds)
    .values({
      name: '2019年秋季',
      intakeTerm: '2019-autumn',
      ...withDefaults({
        opensOn: '2019-11-11',
        closesOn: '2019-11-30',
        intakeFrom: '2019-08-01',
        intakeTo: '2019-12-31',
      }),
      processAmountFen: 50_000,
      resultAmountFen: 100_000,
      plannedPlaces: 100,
    })
    .returning()
    .get();
  for (const r of [open, past]) {
    for (const o of [wuhua, panlong, direct])
      db.insert(s.quotas)
        .values({ roundId: r.id, organizationId: o.id, places: opts.places ?? 10 })
        .run();
  }
  const workers = Array.from({ length: 6 }, (_, i) => addWorker(db, pii, i + 1, unit1));
  const workerP = addWorker(db, pii, 100, unitP);
  const workerD = addWorker(db, pii, 200, direct);
  const workerNoDues = addWorker(db, pii, 300, unit2);
  const users = {
    city: addUser(db, 'city', 'city_admin', { organizationId: city.id }),
    wuhua: addUser(db, 'wuhua', 'org_admin', { organizationId: wuhua.id }),
    panlong: addUser(db, 'panlong', 'org_admin', { organizationId: panlong.id }),
    unit1: addUser(db, 'wuhua-001', 'unit_admin', { organizationId: unit1.id }),
    unitP: addUser(db, 'panlong-001', 'unit_admin', { organizationId: unitP.id }),
    direct: addUser(db, 'direct-001', 'unit_admin', { organizationId: direct.id }),
    school: addUser(db, 'school', 'agent', { organizationId: school.id }),
    ynou: addUser(db, 'ynou', 'institution', { institutionId: ynou.id }),
    worker1: addUser(db, 'worker1', 'worker', { workerId: workers[0].id }),
    worker2: addUser(db, 'worker2', 'worker', { workerId: workers[1].id }),
    workerP: addUser(db, 'workerp', 'worker', { workerId: workerP.id }),
    workerD: addUser(db, 'workerd', 'worker', { workerId: workerD.id }),
  };
  return {
    city,
    wuhua,
    panlong,
    unit1,
    unit2,
    unitP,
    direct,
    school,
    ynou,
    kust,
    open,
    past,
    workers,
    workerP,
    workerD,
    workerNoDues,
    users,
  };
}

export const PDF = new Uint8Array([...Buffer.from('%PDF-1.4\n% test scan\n'), 10, 37, 37, 69, 79, 70]);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
