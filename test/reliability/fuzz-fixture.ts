import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { createApp } from '../../server/app';
import { createSession } from '../../server/lib/auth';
import { Pii } from '../../server/lib/pii';
import { Client, FakeClock, TEST_KEY, testEnv } from '../helpers/app';
import { orderOf } from '../helpers/tables';
import { makeCard, makeIdNumber, smallCity } from '../helpers/fixtures';
import { decide, submitted, upload } from '../helpers/flow';
import { allocateAndReceive, approvedViaApi } from '../helpers/money';

/**
 * The fuzzer's world: a small city with records of every kind in several scopes, built through the
 * API, then marked with sentinels — every worker's name and every application's major is a token no
 * generator will produce — so an answer can be searched for what its caller must not see.
 */
export const ROLES = [
  'anon',
  'worker1',
  'workerP',
  'unit1',
  'unitP',
  'direct',
  'wuhua',
  'panlong',
  'city',
  'school',
  'ynou',
] as const;
export type Role = (typeof ROLES)[number];

export interface FuzzWorld {
  templateDir: string;
  now: string;
  tokens: Record<Role, string>;
  /** Per role, the sentinel tokens of records out of its scope. */
  forbidden: Record<Role, string[]>;
  /** Full resident ID and card numbers: never in an answer (but the audited reveal of one in scope). */
  secrets: string[];
  ids: Record<string, number[]>;
  workerIdNumber: Map<number, string>;
}

export const workerToken = (id: number) => `ZQ${id}QZsentinel`;
export const majorToken = (id: number) => `MJ${id}JMsentinel`;

export async function buildWorld(): Promise<FuzzWorld> {
  const env = testEnv();
  const f = smallCity(env);
  const as = (u: string) => new Client(env).login(u);
  const [worker1, worker2, workerP, workerD, unit1, unitP, wuhua, panlong, city, direct] = await Promise.all(
    [
      'worker1',
      'worker2',
      'workerp',
      'workerd',
      'wuhua-001',
      'panlong-001',
      'wuhua',
      'panlong',
      'city',
      'direct-001',
    ].map(as),
  );
  // Money on worker1's application: approved, allocated, received; worker2 submitted; panlong and direct in review.
  await approvedViaApi(worker1, f.open.id, [unit1, wuhua, city]);
  await allocateAndReceive(city, wuhua, { roundId: f.open.id, organizationId: f.wuhua.id, stage: 'process' });
  const w2 = await submitted(worker2, f.open.id, { institutionId: f.kust.id });
  await decide(unit1, w2, 'return', '请补正材料');
  const p = await submitted(workerP, f.open.id);
  await decide(unitP, p, 'approve');
  await decide(panlong, p, 'reject', '专业与岗位不符');
  await workerP.post('/api/appeals', {
    applicationId: p,
    subject: 'review',
    content: '本人专业与岗位相符，请复核。',
  });
  const d = await submitted(workerD, f.open.id);
  await decide(direct, d, 'approve');
  const draft = (await unit1.post('/api/applications', { roundId: f.open.id, workerId: f.workers[2].id }))
    .body.id as number;
  await upload(unit1, draft, 'id_card');

  const sqlite = env.db.$client;
  sqlite.prepare(`update workers set name = 'ZQ' || id || 'QZsentinel'`).run();
  sqlite.prepare(`update applications set major = 'MJ' || id || 'JMsentinel'`).run();
  const now = env.clock.now();
  const userId = (name: string) =>
    (sqlite.prepare('select id from users where username = ?').get(name) as { id: number }).id;
  const accounts: Record<Exclude<Role, 'anon'>, string> = {
    worker1: 'worker1',
    workerP: 'workerp',
    unit1: 'wuhua-001',
    unitP: 'panlong-001',
    direct: 'direct-001',
    wuhua: 'wuhua',
    panlong: 'panlong',
    city: 'city',
    school: 'school',
    ynou: 'ynou',
  };
  const tokens = { anon: '' } as Record<Role, string>;
  for (const [role, name] of Object.entries(accounts))
    tokens[role as Role] = createSession(env.db, userId(name), now, null);

  // What each role may see, defined from the tree here, not through the server's scope code.
  const workers = sqlite.prepare('select id, organization_id org, level2_id l2 from workers').all() as {
    id: number;
    org: number;
    l2: number;
  }[];
  const apps = sqlite
    .prepare(
      `select a.id, a.worker_id w, a.organization_id org, a.level2_id l2, a.institution_id inst, a.status,
    exists (select 1 from payments p where p.application_id = a.id and p.payer_organization_id = ?) agent from applications a`,
    )
    .all(f.school.id) as {
    id: number;
    w: number;
    org: number;
    l2: number;
    inst: number | null;
    status: string;
    agent: number;
  }[];
  const seesApp: Record<Role, (a: (typeof apps)[number]) => boolean> = {
    anon: () => false,
    worker1: (a) => a.w === f.workers[0].id,
    workerP: (a) => a.w === f.workerP.id,
    unit1: (a) => a.org === f.unit1.id,
    unitP: (a) => a.org === f.unitP.id,
    direct: (a) => a.l2 === f.direct.id,
    wuhua: (a) => a.l2 === f.wuhua.id && a.status !== 'draft',
    panlong: (a) => a.l2 === f.panlong.id && a.status !== 'draft',
    city: (a) => a.status !== 'draft',
    school: (a) => !!a.agent,
    ynou: (a) => a.inst === f.ynou.id && a.status !== 'draft',
  };
  const seesWorker: Record<Role, (w: (typeof workers)[number]) => boolean> = {
    anon: () => false,
    worker1: (w) => w.id === f.workers[0].id,
    workerP: (w) => w.id === f.workerP.id,
    unit1: (w) => w.org === f.unit1.id,
    unitP: (w) => w.org === f.unitP.id,
    direct: (w) => w.l2 === f.direct.id,
    wuhua: (w) => w.l2 === f.wuhua.id,
    panlong: (w) => w.l2 === f.panlong.id,
    city: () => true,
    school: () => false,
    ynou: () => false,
  };
  const forbidden = {} as Record<Role, string[]>;
  for (const role of ROLES) {
    const visibleApps = apps.filter(seesApp[role]);
    const visibleWorkers = new Set([
      ...workers.filter(seesWorker[role]).map((w) => w.id),
      ...visibleApps.map((a) => a.w),
    ]);
    forbidden[role] = [
      ...workers.filter((w) => !visibleWorkers.has(w.id)).map((w) => workerToken(w.id)),
      ...apps.filter((a) => !visibleApps.includes(a)).map((a) => majorToken(a.id)),
    ];
  }
  const numbers = [1, 2, 3, 4, 5, 6, 100, 200, 300];
  const workerIdNumber = new Map(workers.map((w, i) => [w.id, makeIdNumber(numbers[i])]));
  const ids: Record<string, number[]> = {};
  for (const t of [
    'applications',
    'workers',
    'users',
    'organizations',
    'payments',
    'allocations',
    'refunds',
    'fund_returns',
    'documents',
    'reviews',
    'appeals',
    'quotas',
    'rounds',
    'institutions',
    'matching_policies',
    'agency_agreements',
    'audit_log',
  ]) {
    ids[t] = (sqlite.prepare(`select id from ${t} order by id`).all() as { id: number }[]).map((r) => r.id);
  }
  env.db.$client.close();
  return {
    templateDir: env.dataDir,
    now: now.toISOString(),
    tokens,
    forbidden,
    ids,
    workerIdNumber,
    secrets: [...numbers.map(makeIdNumber), ...numbers.map(makeCard)],
  };
}

export interface FuzzInstance {
  db: Db;
  dataDir: string;
  app: ReturnType<typeof createApp>;
}

/** A fresh copy of the world (database, documents, sessions) with its own app. */
export function instance(w: FuzzWorld): FuzzInstance {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'subsidy-fuzz-'));
  fs.cpSync(w.templateDir, dataDir, { recursive: true });
  const db = openDb(path.join(dataDir, 'app.db'));
  migrateDb(db);
  const clock = new FakeClock(new Date(w.now));
  return {
    db,
    dataDir,
    app: createApp({ db, clock: clock.now, pii: new Pii(TEST_KEY), dataDir, secureCookies: false }),
  };
}

/**
 * The database's content as one digest, minus what a refused request may legitimately touch: the
 * sessions (last seen), a login's counters, and the audit rows of refusals, failed logins and wrong
 * current passwords.
 */
export function fingerprint(i: FuzzInstance): string {
  const sqlite = i.db.$client;
  const h = createHash('sha256');
  const tables = (
    sqlite
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('sessions') order by name`,
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  for (const t of tables) {
    const where =
      t === 'audit_log'
        ? `where action not like 'refused%' and action not like 'login:%' and action <> 'password:failed'`
        : '';
    for (const row of sqlite
      .prepare(`select * from "${t}" ${where} ${orderOf(sqlite, t)}`)
      .iterate() as Iterable<Record<string, unknown>>) {
      if (t === 'users') {
        delete row.failed_logins;
        delete row.locked_until;
        delete row.last_login_at;
      }
      h.update(t).update(JSON.stringify(row));
    }
  }
  return h.digest('hex');
}
