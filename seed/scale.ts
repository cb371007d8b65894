/**
 * A province's worth of history for benchmarks: `N` applications of about N/3 workers in ~2,000
 * grassroots unions under the level-2 unions of the demo city, over twenty rounds (ten years), every
 * record valid under the rules: R9e (one live application per worker and level), R13 review chains,
 * R7 quotas (approved ≤ places; waitlists only where the quota is full), R2/R3/R6 money (allocation →
 * payment, results only for verified graduations before the deadline), R5 refunds, and the audit hash
 * chain of I7 in time order.
 *
 * Built for speed: a compact plan in typed arrays (here), then one round at a time written with
 * prepared statements in large transactions (seed/scale-history.ts), secondary indexes dropped during the load and rebuilt after (a
 * sorted build beats a million random inserts), the journal in memory while loading and WAL again at
 * the end. The audit events are gathered in memory and chained in time order at the end.
 */
import type { Db } from '../db/client';
import { rebuildStats } from '../db/stats';
import { idCheckChar, luhnCheckDigit, maskCard, maskIdNumber } from '../server/domain/id-number';
import { hashPassword } from '../server/lib/password';
import type { Pii } from '../server/lib/pii';
import { DEMO_PASSWORD } from './demo';
import * as N from './names';
import { scaleRounds, type ScaleRound } from './scale-calendar';
import { DEFAULT_MIN_STUDY_MONTHS } from '../server/domain/rounds';
import { writeHistory } from './scale-history';
import { apportion, DAY, HOLDING, HOUR, iso, Rng, S, ymd, type Status } from './scale-support';

export interface ScaleOptions {
  applications: number;
  seed?: number;
  progress?: (msg: string) => void;
}

export interface ScaleSummary {
  counts: Record<string, number>;
  applicationsByStatus: Record<string, number>;
  rounds: Array<{ id: number; name: string; intakeTerm: string; opensOn: string; closesOn: string }>;
  accounts: Array<{ username: string; role: string; displayName: string }>;
  password: string;
}

/** Outcomes by the age of a round: open now, decided last term, or historical (money moved). */
const DIST_OPEN: ReadonlyArray<readonly [Status, number]> = [
  ['draft', 10],
  ['submitted', 20],
  ['unit_approved', 30],
  ['org_approved', 22],
  ['approved', 6],
  ['returned', 5],
  ['rejected', 4],
  ['withdrawn', 3],
];
const DIST_DECIDED: ReadonlyArray<readonly [Status, number]> = [
  ['approved', 84],
  ['waitlisted', 3],
  ['rejected', 7],
  ['withdrawn', 6],
];

export function seedScale(db: Db, pii: Pii, now: Date, opts: ScaleOptions): ScaleSummary {
  const N_APPS = Math.floor(opts.applications);
  if (!(N_APPS >= 100 && N_APPS <= 5_000_000))
    throw new Error('--scale: between 100 and 5,000,000 applications');
  const say = opts.progress ?? (() => {});
  const rng = new Rng(opts.seed ?? 20190524);
  const raw = db.$client;
  const nowMs = now.getTime();
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const lap = (what: string) => {
    const c = process.cpuUsage(cpu0);
    say(
      `${what} (${((performance.now() - started) / 1000).toFixed(1)} s, cpu ${((c.user + c.system) / 1e6).toFixed(1)} s)`,
    );
  };

  // ── load mode: journal in memory, no fsync, a big cache; secondary indexes rebuilt at the end ──
  // Out of WAL (every page would be written twice) into a journal in memory (OFF is refused in
  // better-sqlite3's defensive mode); WAL again at the end. A crash mid-seed means seeding again.
  raw.pragma('journal_mode = DELETE');
  raw.pragma('journal_mode = MEMORY');
  if ((raw.pragma('journal_mode', { simple: true }) as string) !== 'memory')
    throw new Error('scale seed: could not leave WAL mode');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  raw.pragma('threads = 2'); // index builds sort on both cores
  raw.pragma('foreign_keys = OFF');
  const LOADED = [
    'workers',
    'users',
    'applications',
    'reviews',
    'documents',
    'allocation_items',
    'payments',
    'refunds',
    'audit_log',
    'quotas',
  ];
  const indexes = raw
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null
    and tbl_name in (${LOADED.map(() => '?').join(',')})`,
    )
    .all(...LOADED) as { name: string; sql: string }[];
  for (const ix of indexes) raw.exec(`drop index "${ix.name}"`);
  // The triggers on the loaded tables (the list counter, the statistics cells, workers' name pieces,
  // append-only guards) are off during the load; what they keep is rebuilt in one statement each at the end.
  const triggers = raw
    .prepare(
      `select name, sql from sqlite_master where type = 'trigger'
    and tbl_name in (${LOADED.map(() => '?').join(',')})`,
    )
    .all(...LOADED) as { name: string; sql: string }[];
  for (const t of triggers) raw.exec(`drop trigger "${t.name}"`);
  const ins = (table: string, cols: string) => {
    const stmt = raw.prepare(
      `insert into ${table} (${cols}) values (${cols
        .split(',')
        .map(() => '?')
        .join(',')})`,
    );
    return (...v: unknown[]) => stmt.run(...v);
  };
  const inTx = (fn: () => void) => raw.transaction(fn).immediate();

  // ── the union tree: the demo city's level-2 unions, ~N/500 grassroots (60–2,000) spread by size ──
  interface Org {
    id: number;
    name: string;
    kind: string;
    level: number;
    parent: Org | null;
    path: string;
    l2: number | null;
    code: string;
    area: string;
    duesPaid: boolean;
  }
  const orgs: Org[] = [];
  const unitNames = new Map<number, string | null>();
  const addOrg = (
    o: Omit<Org, 'id' | 'path' | 'l2' | 'parent' | 'duesPaid'> & { duesPaid?: boolean; unitName?: string },
    parent: Org | null,
  ) => {
    const id = orgs.length + 1;
    const org: Org = {
      ...o,
      id,
      parent,
      path: `${parent ? parent.path : '/'}${id}/`,
      l2: o.level === 1 ? null : o.level === 2 ? id : parent!.l2,
      duesPaid: o.duesPaid ?? true,
    };
    orgs.push(org);
    unitNames.set(id, o.unitName ?? null);
    return org;
  };
  const city = addOrg(
    { name: '昆明市总工会', kind: 'city', level: 1, code: 'city', area: '530102', unitName: '昆明市总工会' },
    null,
  );
  const level2 = N.LEVEL2.map((d) =>
    addOrg({ name: d.name, kind: d.kind, level: 2, code: d.code, area: d.area }, city),
  );
  const directs = N.DIRECT_UNIONS.map((d) =>
    addOrg(
      { name: d.name, kind: 'direct', level: 2, code: d.code, area: d.area, unitName: d.unitName },
      city,
    ),
  );
  const school = addOrg(
    {
      name: N.SCHOOL.name,
      kind: 'direct',
      level: 2,
      code: N.SCHOOL.code,
      area: '530102',
      unitName: N.SCHOOL.unitName,
    },
    city,
  );
  const payUnions = [...level2, ...directs];
  const grassCount = Math.max(60, Math.min(2000, Math.round(N_APPS / 500)));
  const demoTotal = N.LEVEL2.reduce((s, d) => s + d.grassroots, 0);
  const usedUnitNames = new Set<string>();
  const grassroots: Org[] = [];
  N.LEVEL2.forEach((d, i) => {
    const n = Math.max(1, Math.round((grassCount * d.grassroots) / demoTotal));
    for (let k = 1; k <= n; k++) {
      let unitName = d.units?.[k - 1];
      while (!unitName || usedUnitNames.has(unitName)) {
        unitName = `${rng.pick(N.UNIT_PREFIX)}${rng.pick(N.UNIT_CORE)}${rng.pick(N.UNIT_TRADE)}${rng.pick(N.UNIT_SUFFIX)}`;
        if (usedUnitNames.has(unitName))
          unitName = `${unitName.replace(/(有限公司|有限责任公司|股份有限公司|集团有限公司)$/, '')}${d.place}分公司`;
      }
      usedUnitNames.add(unitName);
      grassroots.push(
        addOrg(
          {
            name: `${unitName}工会`,
            kind: 'grassroots',
            level: 3,
            code: `${d.code}-${String(k).padStart(4, '0')}`,
            area: d.area,
            unitName,
            duesPaid: !rng.chance(0.015),
          },
          level2[i],
        ),
      );
    }
  });
  const insts = N.INSTITUTIONS.map((def, i) => ({ id: i + 1, def }));
  const instByLevel = {
    associate: insts.filter((x) => x.def.levels.includes('associate')).map((x) => [x, x.def.weight] as const),
    bachelor: insts.filter((x) => x.def.levels.includes('bachelor')).map((x) => [x, x.def.weight] as const),
  };
  const rounds: ScaleRound[] = scaleRounds(now);
  const R = rounds.length;

  // ── workers and their plans: each worker applies 1–5 times over the years (R9e decides what is possible) ──
  const nWorkers = Math.max(10, Math.round(N_APPS / 3));
  const units = [...grassroots, ...directs];
  const unitWeight = units.map((u) => (u.kind === 'direct' ? 120 + rng.int(0, 60) : 12 + rng.int(0, 40)));
  const unitSize = apportion(nWorkers, unitWeight);
  const kOf = new Uint8Array(nWorkers);
  {
    let total = 0;
    for (let w = 0; w < nWorkers; w++) {
      kOf[w] = rng.weighted([
        [1, 20],
        [2, 20],
        [3, 25],
        [4, 20],
        [5, 15],
      ] as const);
      total += kOf[w];
    }
    while (total !== N_APPS) {
      // exactly N: nudge random workers up or down
      const w = rng.int(0, nWorkers - 1);
      if (total < N_APPS && kOf[w] < 6) {
        kOf[w]++;
        total++;
      } else if (total > N_APPS && kOf[w] > 1) {
        kOf[w]--;
        total--;
      }
    }
  }
  const roundWeight = rounds.map((_, r) => 1 + 0.12 * r + (r === R - 1 ? 0.6 : 0)); // the program grows; the open round is busy
  const roundPick = roundWeight.map((wt, r) => [r, wt] as const);
  const appWorker = new Int32Array(N_APPS);
  const appRound = new Uint8Array(N_APPS);
  const appStatus = new Uint8Array(N_APPS);
  const appLevel = new Uint8Array(N_APPS);
  const appCreated = new Float64Array(N_APPS);
  const appEvent = new Float64Array(N_APPS); // graduation or dropout time
  const wOrg = new Int32Array(nWorkers + 1),
    wL2 = new Int32Array(nWorkers + 1),
    wCard = new Uint8Array(nWorkers + 1);
  const surnames = (N.SURNAMES_COMMON.repeat(4) + N.SURNAMES_OTHER).split('');
  const givenM = N.GIVEN_MALE.split(''),
    givenF = N.GIVEN_FEMALE.split('');
  const usedIds = new Set<string>();
  // One worker per number (the unique phone hash): a number drawn twice is drawn again.
  const usedPhones = new Set<string>();
  const phoneAndHash = (): [string, string] => {
    let phone: string;
    do phone = rng.pick(N.PHONE_PREFIXES) + rng.digits(8);
    while (usedPhones.has(phone));
    usedPhones.add(phone);
    return [phone, pii.phoneHash(phone)];
  };
  const birthFrom = Date.UTC(1968, 0, 1),
    birthTo = Date.UTC(2002, 11, 31);
  const cardNo = (bin: string) => {
    const p = bin + rng.digits(18 - bin.length);
    return p + luhnCheckDigit(p);
  };
  const insWorker = ins(
    'workers',
    'id,name,id_number_enc,id_number_hash,id_number_masked,gender,birth_year,phone,phone_hash,organization_id,level2_id,job_title,is_union_member,is_frontline,is_migrant,is_hardship,is_key_industry,bank_name,bank_card_enc,bank_card_hash,bank_card_masked,benefit_card_enc,benefit_card_hash,benefit_card_masked,created_at',
  );
  const orgById = (id: number) => orgs[id - 1];

  let a = 0;
  let wid = 0;
  inTx(() => {
    units.forEach((unit, ui) => {
      for (let i = 0; i < unitSize[ui]; i++) {
        const w = wid++;
        const id = w + 1;
        const gender = rng.chance(0.56) ? 'M' : 'F';
        let idNumber: string;
        do {
          const birth = ymd(rng.between(birthFrom, birthTo)).replace(/-/g, '');
          const first17 =
            (rng.chance(0.6) ? unit.area : rng.pick(N.AREA_CODES)) +
            birth +
            rng.digits(2) +
            String(rng.int(0, 4) * 2 + (gender === 'M' ? 1 : 0));
          idNumber = first17 + idCheckChar(first17);
        } while (usedIds.has(idNumber));
        usedIds.add(idNumber);
        const given = gender === 'M' ? givenM : givenF;
        const name = rng.pick(surnames) + rng.pick(given) + (rng.chance(0.7) ? rng.pick(given) : '');
        const isFrontline = rng.chance(0.93),
          isMember = rng.chance(0.97);
        const bank = rng.pick(N.BANKS);
        const card = rng.chance(0.88) ? cardNo(bank.bin) : null;
        const benefit = rng.chance(0.3) ? cardNo(N.BENEFIT_BIN) : null;
        wOrg[id] = unit.id;
        wL2[id] = unit.l2!;
        wCard[id] = card || benefit ? 1 : 0;
        const eligible = isFrontline && isMember && unit.duesPaid;

        // the worker's applications, in round order. R9e: at most two live ones (one per level), so the
        // earliest attempts beyond two are the ones that were rejected or withdrawn; the first live one
        // is mostly 大专, a second one 本科.
        const picked = new Set<number>();
        while (picked.size < kOf[w]) picked.add(rng.weighted(roundPick));
        const mine = [...picked].sort((x, y) => x - y);
        const forced = Math.max(0, mine.length - 2);
        const liveLevels = mine.length - forced === 2 ? [1, 2] : [rng.chance(0.62) ? 1 : 2];
        let firstCreated = Infinity;
        for (const [n, r] of mine.entries()) {
          const round = rounds[r];
          const created =
            round.opensMs + rng.next() * (Math.min(round.closesMs, nowMs - 2 * HOUR) - round.opensMs);
          firstCreated = Math.min(firstCreated, created);
          const free = n >= forced;
          let level = free ? liveLevels[n - forced] : rng.int(1, 2);
          let status: Status;
          if (!free) status = rng.chance(0.55) ? 'rejected' : 'withdrawn';
          else if (!eligible)
            status =
              round.age === 0
                ? rng.weighted([
                    ['submitted', 30],
                    ['rejected', 50],
                    ['withdrawn', 20],
                  ] as const)
                : rng.chance(0.8)
                  ? 'rejected'
                  : 'withdrawn';
          else status = rng.weighted(round.age === 0 ? DIST_OPEN : DIST_DECIDED);
          if (status === 'draft' && rng.chance(0.3)) level = 0; // an empty draft needs only the round
          if (status === 'org_approved' && unit.kind === 'direct') status = 'unit_approved'; // R13: direct units skip step 2
          if (status === 'waitlisted' && round.processPayBy < ymd(nowMs)) status = 'not_funded'; // R7: closed
          let event = 0;
          if (status === 'approved' && round.age >= 2) {
            const u = rng.next();
            if (u < 0.08) {
              status = 'dropped_out';
              event = rng.between(
                round.processPaidBy + 20 * DAY,
                Math.min(nowMs - DAY, round.intakeMs + 30 * 30.4 * DAY),
              );
            } else if (u < 0.25) {
              status = round.deadlineMs + 2 * DAY < nowMs ? 'lapsed' : 'process_paid';
            } else {
              // graduation: at least the shortest study (R2, 30 months) after an enrolment that may come
              // up to 50 days into the intake, and before the deadline (R6)
              event = round.intakeMs + 50 * DAY + rng.between(30.2, 33.5) * 30.44 * DAY;
              status =
                event + 21 * DAY > nowMs ? 'process_paid' : round.resultDone ? 'completed' : 'graduated';
              if (status === 'process_paid') event = 0;
            }
          }
          appWorker[a] = id;
          appRound[a] = r;
          appStatus[a] = S[status];
          appLevel[a] = level;
          appCreated[a] = created;
          appEvent[a] = event;
          a++;
        }
        const hasBank = !!card;
        insWorker(
          id,
          name,
          pii.encrypt(idNumber),
          pii.hash(idNumber),
          maskIdNumber(idNumber),
          gender,
          Number(idNumber.slice(6, 10)),
          ...phoneAndHash(),
          unit.id,
          unit.l2,
          isFrontline ? rng.pick(N.JOB_FRONTLINE) : rng.pick(N.JOB_MANAGEMENT),
          isMember ? 1 : 0,
          isFrontline ? 1 : 0,
          rng.chance(0.3) ? 1 : 0,
          rng.chance(0.08) ? 1 : 0,
          rng.chance(0.25) ? 1 : 0,
          hasBank ? bank.name : null,
          card && pii.encrypt(card),
          card && pii.hash(card),
          card && maskCard(card),
          benefit && pii.encrypt(benefit),
          benefit && pii.hash(benefit),
          benefit && maskCard(benefit),
          iso(firstCreated - rng.int(20, 400) * DAY),
        );
      }
    });
  });
  lap(`${nWorkers.toLocaleString()} workers, plan of ${N_APPS.toLocaleString()} applications`);

  // ── quotas (R7, R18): a decided round's places are exactly its holders, so a waitlist means a full quota ──
  const holding = new Int32Array(R * orgs.length + orgs.length);
  const pendingOpen = new Int32Array(orgs.length + 1);
  for (let j = 0; j < N_APPS; j++) {
    const l2 = wL2[appWorker[j]];
    if (HOLDING.has(appStatus[j])) holding[appRound[j] * orgs.length + l2]++;
    if (rounds[appRound[j]].age === 0 && appStatus[j] >= S.submitted && appStatus[j] <= S.org_approved)
      pendingOpen[l2]++;
  }
  const placesOf = (r: number, l2: number) =>
    holding[r * orgs.length + l2] + (rounds[r].age === 0 ? Math.ceil(pendingOpen[l2] * 0.6) : 0);

  // ── reference data: organisations, institutions, rounds, quotas, users, agreements, matching policies ──
  const passwordHash = hashPassword(DEMO_PASSWORD); // scrypt once, shared by every account
  const accounts: ScaleSummary['accounts'] = [];
  const staffOf = new Map<number, number>();
  let cityUserId = 0;
  const agencyStages = new Map<number, string>(
    [
      ['guandu', 'process,result'],
      ['xishan', 'process,result'],
      ['gaoxin', 'process,result'],
      ['jingkai', 'process'],
      ['direct-002', 'process,result'],
    ].map(([code, st]) => [orgs.find((o) => o.code === code)!.id, st]),
  );
  const policyOrgs = new Map<number, [string, number, number]>(
    [
      ['wuhua', ['two_stage', 30000, 30000]],
      ['panlong', ['process_only', 20000, 0]],
      ['gaoxin', ['result_only', 0, 50000]],
    ].map(([code, p]) => [orgs.find((o) => o.code === code)!.id, p as [string, number, number]]),
  );
  inTx(() => {
    const insOrg = ins(
      'organizations',
      'id,name,kind,level,parent_id,path,level2_id,code,unit_name,dues_paid,contact_phone,created_at',
    );
    for (const o of orgs)
      insOrg(
        o.id,
        o.name,
        o.kind,
        o.level,
        o.parent?.id ?? null,
        o.path,
        o.l2,
        o.code,
        unitNames.get(o.id),
        o.duesPaid ? 1 : 0,
        `0871-6${rng.digits(7)}`,
        '2016-03-01T02:00:00.000Z',
      );
    const insInst = ins('institutions', 'id,name,code,reduction_policy,contact,active,created_at');
    for (const i of insts)
      insInst(i.id, i.def.name, i.def.code, i.def.policy, i.def.contact, 1, '2016-03-01T03:00:00.000Z');
    const insRound = ins(
      'rounds',
      'id,name,intake_term,opens_on,closes_on,process_amount_fen,result_amount_fen,planned_places,intake_from,intake_to,process_pay_by,waitlist_closes_on,min_study_months,graduation_deadline,created_at',
    );
    const insQuota = ins('quotas', 'round_id,organization_id,places,created_at');
    rounds.forEach((r, i) => {
      const places = payUnions.map((o) => placesOf(i, o.id));
      insRound(
        r.id,
        r.name,
        r.term,
        r.opensOn,
        r.closesOn,
        50000,
        100000,
        places.reduce((s, x) => s + x, 0),
        r.intakeFrom,
        r.intakeTo,
        r.processPayBy,
        r.processPayBy,
        DEFAULT_MIN_STUDY_MONTHS,
        r.deadline,
        iso(r.opensMs - 40 * DAY),
      );
      payUnions.forEach((o, k) => insQuota(r.id, o.id, places[k], iso(r.opensMs - 30 * DAY)));
    });
    const insUser = ins(
      'users',
      'id,username,display_name,password_hash,role,organization_id,institution_id,active,must_change_password,created_at',
    );
    const addUser = (
      username: string,
      role: string,
      displayName: string,
      org: Org | null,
      instId: number | null = null,
    ) => {
      const id = accounts.length + 1;
      insUser(
        id,
        username,
        displayName,
        passwordHash,
        role,
        org?.id ?? null,
        instId,
        1,
        0,
        '2016-03-01T02:00:00.000Z',
      );
      if (org && role !== 'agent') staffOf.set(org.id, id);
      accounts.push({ username, role, displayName });
      return id;
    };
    cityUserId = addUser('city', 'city_admin', '市总工会宣教网络部', city);
    for (const o of level2) addUser(o.code, 'org_admin', `${o.name} 经办人`, o);
    for (const o of directs) addUser(o.code, 'unit_admin', `${o.name} 经办人`, o);
    for (const o of grassroots) addUser(o.code, 'unit_admin', `${o.name} 经办人`, o);
    addUser('school', 'agent', `${school.name} 代发专员`, school);
    for (const i of insts) addUser(i.def.code, 'institution', `${i.def.name}继续教育学院`, null, i.id);
    const insAgreement = ins(
      'agency_agreements',
      'organization_id,agent_organization_id,agreement_no,starts_on,ends_on,stages,active,created_at',
    );
    let k = 0;
    for (const [orgId, stages] of agencyStages)
      insAgreement(
        orgId,
        school.id,
        `KMZG-DF-${rounds[0].term.slice(0, 4)}-${String(++k).padStart(3, '0')}`,
        `${rounds[0].term.slice(0, 4)}-01-01`,
        `${now.getUTCFullYear() + 2}-12-31`,
        stages,
        1,
        `${rounds[0].term.slice(0, 4)}-01-01T02:00:00.000Z`,
      );
    const insPolicy = ins(
      'matching_policies',
      'round_id,organization_id,mode,process_amount_fen,result_amount_fen,note,created_at',
    );
    for (const r of rounds)
      for (const [orgId, [mode, p, res]] of policyOrgs)
        insPolicy(
          r.id,
          orgId,
          mode,
          p,
          res,
          `${orgById(orgId).name}配套资助（${r.name}）`,
          iso(r.opensMs - 5 * DAY),
        );
  });
  const accountCount = accounts.length;
  lap(
    `${orgs.length.toLocaleString()} organisations, ${R} rounds, ${accountCount.toLocaleString()} accounts`,
  );

  // ── the history, one round at a time (seed/scale-history.ts) ──
  const events = writeHistory({
    raw,
    rng,
    nowMs,
    rounds,
    lap,
    staffOf,
    policyOrgs,
    agencyStages,
    instByLevel,
    cityUserId,
    plan: {
      n: N_APPS,
      worker: appWorker,
      round: appRound,
      status: appStatus,
      level: appLevel,
      created: appCreated,
      event: appEvent,
    },
    workerOrg: wOrg,
    workerL2: wL2,
    workerCard: wCard,
    orgById,
    cityId: city.id,
    schoolId: school.id,
  });

  // ── I7: the audit hash chain, in time order, by the system (no user) at the event's time ──
  inTx(() => events.chain(raw));
  lap('audit chain');

  for (const ix of indexes) raw.exec(ix.sql);
  raw.exec(`delete from application_counts; insert into application_counts (round_id, level2_id, status, current_step, n)
    select round_id, level2_id, status, current_step, count(*) from applications group by 1, 2, 3, 4`);
  lap('indexes rebuilt');
  raw.exec(`delete from worker_name_grams; insert into worker_name_grams (gram, worker_id)
    select lower(substr(w.name, p.k, 1)), w.id from workers w join name_gram_positions p on p.k <= length(w.name)
    union select lower(substr(w.name, p.k, 2)), w.id from workers w join name_gram_positions p on p.k < length(w.name) order by 1, 2`);
  lap('worker name pieces');
  inTx(() => rebuildStats(raw));
  for (const t of triggers) raw.exec(t.sql);
  lap('statistics cells');
  raw.pragma('analysis_limit = 2000');
  raw.exec('analyze');
  raw.pragma('foreign_keys = ON');
  const fk = raw.prepare('pragma foreign_key_check').all();
  if (fk.length) throw new Error(`scale seed broke ${fk.length} foreign keys, e.g. ${JSON.stringify(fk[0])}`);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  lap('analyzed, foreign keys checked');
  return summarize(db, accounts, accountCount);
}

const TABLES = [
  'organizations',
  'rounds',
  'quotas',
  'workers',
  'users',
  'applications',
  'reviews',
  'documents',
  'allocations',
  'allocation_items',
  'payments',
  'refunds',
  'audit_log',
];

function summarize(db: Db, accounts: ScaleSummary['accounts'], accountCount: number): ScaleSummary {
  const raw = db.$client;
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = (raw.prepare(`select count(*) n from ${t}`).get() as { n: number }).n;
  const applicationsByStatus: Record<string, number> = {};
  for (const r of raw
    .prepare('select status, count(*) n from applications group by status order by status')
    .all() as Array<{ status: string; n: number }>)
    applicationsByStatus[r.status] = r.n;
  const rounds = raw
    .prepare(
      'select id, name, intake_term intakeTerm, opens_on opensOn, closes_on closesOn from rounds order by id',
    )
    .all() as ScaleSummary['rounds'];
  // Listing 2,000 grassroots accounts helps no one: the city and the level-2 unions are the ones to try.
  const shown = accounts.filter((x) => !/-\d{4}$/.test(x.username)).slice(0, 40);
  return {
    counts,
    applicationsByStatus,
    rounds,
    accounts: [...shown, { username: `…（共 ${accountCount} 个）`, role: '', displayName: '' }],
    password: DEMO_PASSWORD,
  };
}
