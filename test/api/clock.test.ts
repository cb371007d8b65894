import { beforeEach, describe, expect, it } from 'vitest';
import { clockSweep } from '../../server/resources/applications/progress';
import { checkIntegrity } from '../../server/resources/integrity/service';
import { Client, q, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { decide, draftWithDocuments, submitted, upload } from '../helpers/flow';
import { allocateAndReceive, approvedViaApi, paymentsOf, statusOf } from '../helpers/money';

/**
 * The notice's timetable through the HTTP API, against the fake clock, on both sides of every date.
 * The open round of `smallCity` takes enrolments from 2026-08-01 to 2026-12-31: its process subsidy
 * falls due until 2027-08-01 (R2), its waitlist closes on 2027-08-01 (R7), a graduation counts from
 * 30 months after the enrolment (R2) until 2029-08-01 (R6). Days are days in Kunming (UTC+8).
 */
const PAY_BY = '2027-08-01';
const WAITLIST_CLOSES = '2027-08-01';
const DEADLINE = '2029-08-01';
/** 23:59 in Kunming: still `day`. */
const lastMinuteOf = (day: string) => `${day}T15:59:00Z`;
/** 00:00 in Kunming of the day after `day`. */
const midnightAfter = (day: string) => `${day}T16:00:00Z`;
const dayBefore = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);

let env: TestEnv;
let f: ReturnType<typeof smallCity>;
let city: Client, wuhua: Client, unit: Client;
const as = (u: string) => new Client(env).login(u);

beforeEach(async () => {
  env = testEnv();
  f = smallCity(env);
  [city, wuhua, unit] = await Promise.all([as('city'), as('wuhua'), as('wuhua-001')]);
});

/** The clock moves; the signed-in staff count as having worked every day in between (no re-login). */
function jump(iso: string) {
  env.clock.set(iso);
  const now = env.clock.now().toISOString();
  env.db.$client.prepare('update sessions set created_at = ?, last_seen_at = ?').run(now, now);
}

/** The clock moves and the daily sweep runs, as server/index.ts runs it. */
function sweepAt(iso: string) {
  jump(iso);
  return clockSweep(env.db, env.clock.now);
}

/** Every invariant holds, asked through the API as the city and in place. */
async function integrityOk() {
  expect(checkIntegrity(env.db, env.clock.now())).toEqual({ ok: true, problems: [] });
  const res = await city.get('/api/integrity');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ ok: true, problems: [] });
}

const approveWorker = async (name: string, opts: { verified?: boolean } = {}) =>
  approvedViaApi(await as(name), f.open.id, [unit, wuhua, city], opts);
const target = () => ({ roundId: f.open.id, organizationId: f.wuhua.id, stage: 'process' as const });
const dueIds = async () =>
  (await city.get(`/api/allocations/due?roundId=${f.open.id}&organizationId=${f.wuhua.id}&stage=process`))
    .body.applicationIds as number[];
const auditRows = (action: string, recordId: number) =>
  env.db.$client
    .prepare(`select at, user_id userId, after from audit_log where action = ? and record_id = ? order by id`)
    .all(action, recordId) as { at: string; userId: number | null; after: string }[];

const roundBody = (over: Record<string, unknown> = {}) => ({
  name: '2027年秋季',
  intakeTerm: '2027-autumn',
  opensOn: '2027-06-01',
  closesOn: '2027-06-30',
  intakeFrom: '2027-08-01',
  intakeTo: '2027-12-31',
  processAmountFen: 50_000,
  resultAmountFen: 100_000,
  plannedPlaces: 50,
  ...over,
});
const roundCount = () => (env.db.$client.prepare('select count(*) n from rounds').get() as { n: number }).n;

describe('round dates through the API', () => {
  it('R11/R9c/R2/R7: a round with reversed dates answers 400 naming the field, and is not created', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ closesOn: '2027-05-31' }, 'closesOn', 'R11'],
      [{ intakeTo: '2027-07-31' }, 'intakeTo', 'R9c'],
      [{ processPayBy: '2027-06-29' }, 'processPayBy', 'R2'],
      [{ waitlistClosesOn: '2027-06-29' }, 'waitlistClosesOn', 'R7'],
      [{ processPayBy: '2028-06-01', waitlistClosesOn: '2028-06-02' }, 'waitlistClosesOn', 'R7'],
    ];
    const before = roundCount();
    for (const [over, field, rule] of cases) {
      const res = await city.post('/api/rounds', roundBody(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.errors?.[field], JSON.stringify(res.body)).toBeTruthy();
      expect(res.body.rule).toBe(rule);
      expect(res.body.message).not.toMatch(/R\d/);
    }
    expect(roundCount()).toBe(before);
  });

  it('R9c/R11/R2: dates out of bounds answer 400 naming the field; the bounds themselves pass', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ intakeTo: '2028-08-02' }, 'intakeTo'], // an intake longer than a year
      [{ opensOn: '2026-07-31' }, 'opensOn'], // applications more than a year before the intake
      [{ processPayBy: '2029-08-02' }, 'processPayBy'], // process money more than two years after the intake
      [{ minStudyMonths: 11 }, 'minStudyMonths'],
      [{ minStudyMonths: 37 }, 'minStudyMonths'],
    ];
    for (const [over, field] of cases) {
      const res = await city.post('/api/rounds', roundBody(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.errors?.[field], JSON.stringify(res.body)).toBeTruthy();
    }
    const atBounds = await city.post(
      '/api/rounds',
      roundBody({
        intakeTo: '2028-08-01',
        opensOn: '2026-08-01',
        processPayBy: '2029-08-01',
        minStudyMonths: 36,
      }),
    );
    expect(atBounds.status, JSON.stringify(atBounds.body)).toBe(201);
    expect(atBounds.body).toMatchObject({
      processPayBy: '2029-08-01',
      waitlistClosesOn: '2029-08-01',
      minStudyMonths: 36,
    });
  });

  it('R2/R7/R6: a round created without them shows the defaults: processPayBy and waitlistClosesOn a year on, 30 months of study, the deadline three years on', async () => {
    const created = await city.post('/api/rounds', roundBody({ graduationDeadline: '2099-12-31' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const shown = await city.get(`/api/rounds/${created.body.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      intakeFrom: '2027-08-01',
      intakeTo: '2027-12-31',
      processPayBy: '2028-08-01',
      waitlistClosesOn: '2028-08-01',
      minStudyMonths: 30,
      graduationDeadline: '2030-08-01',
    });
    // R7: a processPayBy given alone takes the waitlist with it
    const spring = await city.post(
      '/api/rounds',
      roundBody({
        name: '2028年春季',
        intakeTerm: '2028-spring',
        opensOn: '2028-01-05',
        closesOn: '2028-01-31',
        intakeFrom: '2028-02-29',
        intakeTo: '2028-07-31',
        processPayBy: '2028-12-31',
      }),
    );
    expect(spring.status, JSON.stringify(spring.body)).toBe(201);
    expect((await city.get(`/api/rounds/${spring.body.id}`)).body).toMatchObject({
      processPayBy: '2028-12-31',
      waitlistClosesOn: '2028-12-31',
      minStudyMonths: 30,
      graduationDeadline: '2031-02-28',
    });
  });

  it('R2/R7: an edit is checked like a creation (400 naming the field) and keeps the dates it does not name', async () => {
    const late = await city.put(`/api/rounds/${f.open.id}`, { waitlistClosesOn: '2027-08-02' });
    expect(late.status).toBe(400);
    expect(late.body.errors.waitlistClosesOn).toBeTruthy();
    const early = await city.put(`/api/rounds/${f.open.id}`, { processPayBy: '2027-07-31' });
    expect(early.status).toBe(400);
    expect(early.body.errors.waitlistClosesOn).toBeTruthy();
    const moved = await city.put(`/api/rounds/${f.open.id}`, { processPayBy: '2027-09-01' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await city.get(`/api/rounds/${f.open.id}`)).body).toMatchObject({
      processPayBy: '2027-09-01',
      waitlistClosesOn: WAITLIST_CLOSES,
      minStudyMonths: 30,
      graduationDeadline: DEADLINE,
    });
    expect((await wuhua.put(`/api/rounds/${f.open.id}`, { processPayBy: '2027-10-01' })).status).toBe(403);
  });

  it('R9c: once an application was submitted, moving the intake answers 409 naming the field; before, it moves', async () => {
    expect((await city.put(`/api/rounds/${f.open.id}`, { intakeTo: '2026-12-30' })).status).toBe(200);
    expect((await city.put(`/api/rounds/${f.open.id}`, { intakeTo: '2026-12-31' })).status).toBe(200);
    await submitted(await as('worker1'), f.open.id);
    for (const over of [{ intakeTo: '2026-12-30' }, { intakeFrom: '2026-08-02' }]) {
      const res = await city.put(`/api/rounds/${f.open.id}`, over);
      expect(res.status, JSON.stringify(over)).toBe(409);
      expect(res.body.rule).toBe('R9c');
      expect(res.body.errors[Object.keys(over)[0]]).toBeTruthy();
    }
    // the application window and the later dates still ahead may move
    expect((await city.put(`/api/rounds/${f.open.id}`, { closesOn: '2026-12-05' })).status).toBe(200);
    expect((await city.get(`/api/rounds/${f.open.id}`)).body).toMatchObject({
      intakeFrom: '2026-08-01',
      intakeTo: '2026-12-31',
      closesOn: '2026-12-05',
    });
  });

  it('R7/R2: waitlistClosesOn moves until its own day, processPayBy until the day after it, in China time (409 naming the field after)', async () => {
    expect((await city.put(`/api/rounds/${f.open.id}`, { waitlistClosesOn: '2027-07-15' })).status).toBe(200);
    jump(lastMinuteOf('2027-07-14')); // the day before it closes
    expect((await city.put(`/api/rounds/${f.open.id}`, { waitlistClosesOn: '2027-07-16' })).status).toBe(200);
    jump(midnightAfter('2027-07-15')); // 2027-07-16 in Kunming: the day it closes
    const closed = await city.put(`/api/rounds/${f.open.id}`, { waitlistClosesOn: '2027-07-20' });
    expect(closed.status).toBe(409);
    expect(closed.body.rule).toBe('R7');
    expect(closed.body.errors.waitlistClosesOn).toBeTruthy();

    jump(lastMinuteOf(PAY_BY)); // the last day of the process window
    expect((await city.put(`/api/rounds/${f.open.id}`, { processPayBy: '2027-08-10' })).status).toBe(200);
    jump(midnightAfter('2027-08-10')); // the day after the (moved) window
    const passed = await city.put(`/api/rounds/${f.open.id}`, { processPayBy: '2027-08-20' });
    expect(passed.status).toBe(409);
    expect(passed.body.rule).toBe('R2');
    expect(passed.body.errors.processPayBy).toBeTruthy();
    expect((await city.get(`/api/rounds/${f.open.id}`)).body).toMatchObject({
      processPayBy: '2027-08-10',
      waitlistClosesOn: '2027-07-16',
    });
    await integrityOk();
  });
});

describe('R9c: what submit checks of the enrolment', () => {
  it('R9c: enrolledOn the day before intakeFrom or the day after intakeTo is refused at submit (422 naming enrolledOn); intakeFrom and intakeTo pass', async () => {
    const worker1 = await as('worker1');
    const id = await draftWithDocuments(worker1, f.open.id, { enrolledOn: '2026-07-31' });
    for (const enrolledOn of ['2026-07-31', '2027-01-01']) {
      expect((await worker1.put(`/api/applications/${id}`, { enrolledOn })).status).toBe(200);
      const res = await worker1.post(`/api/applications/${id}/submit`);
      expect(res.status, enrolledOn).toBe(422);
      expect(res.body.rule).toBe('R9c');
      expect(res.body.errors.enrolledOn).toMatch(/^\p{Script=Han}/u);
      expect(Object.keys(res.body.errors)).toEqual(['enrolledOn']);
    }
    expect((await worker1.put(`/api/applications/${id}`, { enrolledOn: '2026-08-01' })).status).toBe(200);
    expect((await worker1.post(`/api/applications/${id}/submit`)).status).toBe(200);
    const worker2 = await as('worker2');
    const last = await draftWithDocuments(worker2, f.open.id, { enrolledOn: '2026-12-31' });
    expect((await worker2.post(`/api/applications/${last}/submit`)).status).toBe(200);
    expect(statusOf(env.db, id)).toBe('submitted');
  });

  it('R9c: an institution no longer active is refused at submit, naming institutionId; active again, it passes', async () => {
    const worker1 = await as('worker1');
    const id = await draftWithDocuments(worker1, f.open.id, { institutionId: f.ynou.id });
    expect((await city.put(`/api/institutions/${f.ynou.id}`, { active: false })).status).toBe(200);
    const res = await worker1.post(`/api/applications/${id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('R9c');
    expect(res.body.errors.institutionId).toMatch(/^\p{Script=Han}/u);
    expect((await city.put(`/api/institutions/${f.ynou.id}`, { active: true })).status).toBe(200);
    expect((await worker1.post(`/api/applications/${id}/submit`)).status).toBe(200);
  });

  it('R9c: an education level the institution does not offer is refused at submit, naming educationLevel', async () => {
    env.db.$client.prepare(`update institutions set levels = 'bachelor' where id = ?`).run(f.kust.id);
    const worker1 = await as('worker1');
    const id = await draftWithDocuments(worker1, f.open.id, {
      institutionId: f.kust.id,
      educationLevel: 'associate',
    });
    const res = await worker1.post(`/api/applications/${id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('R9c');
    expect(res.body.errors.educationLevel).toMatch(/^\p{Script=Han}/u);
    expect((await worker1.put(`/api/applications/${id}`, { educationLevel: 'bachelor' })).status).toBe(200);
    expect((await worker1.post(`/api/applications/${id}/submit`)).status).toBe(200);
  });

  it('R9c: a draft naming an unknown institution answers 400 naming institutionId, never 409', async () => {
    const worker1 = await as('worker1');
    const count = () =>
      (env.db.$client.prepare('select count(*) n from applications').get() as { n: number }).n;
    const created = await worker1.post('/api/applications', {
      roundId: f.open.id,
      institutionId: 999,
      educationLevel: 'associate',
      major: '机械制造与自动化',
      studyMode: 'part_time',
      enrolledOn: '2026-09-01',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(400);
    expect(created.body.errors.institutionId).toBeTruthy();
    expect(count()).toBe(0);
    const id = await draftWithDocuments(worker1, f.open.id);
    const edited = await worker1.put(`/api/applications/${id}`, { institutionId: 999 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(400);
    expect(edited.body.errors.institutionId).toBeTruthy();
    expect((await worker1.get(`/api/applications/${id}`)).body.institutionId).toBe(1);
  });
});

describe('R2/R6: when a graduation counts', () => {
  /** worker1 approved, its process subsidy paid: the application is studying. */
  async function studying() {
    const id = await approveWorker('worker1');
    await allocateAndReceive(city, wuhua, target());
    const [p] = paymentsOf(env.db, id);
    expect((await wuhua.post(`/api/payments/${p.id}/pay`, { reference: 'WH-1' })).status).toBe(200);
    expect(statusOf(env.db, id)).toBe('process_paid');
    return id;
  }

  it('R2: a graduation three months after enrolment or the day before enrolledOn + 30 months answers 422 R2; exactly enrolledOn + 30 months is accepted', async () => {
    const id = await studying(); // enrolled 2026-09-01
    sweepAt(midnightAfter('2029-02-28')); // 2029-03-01 in Kunming
    const worker = await as('worker1');
    const doc = await upload(worker, id, 'graduation_record');
    expect(doc.status).toBe(201);
    for (const date of ['2026-12-01', '2029-02-28']) {
      const res = await worker.post(`/api/applications/${id}/graduate`, { date, documentId: doc.body.id });
      expect(res.status, date).toBe(422);
      expect(res.body.rule).toBe('R2');
      expect(res.body.message).toContain('2029-03-01');
      expect(res.body.errors.date).toBeTruthy();
    }
    expect(statusOf(env.db, id)).toBe('process_paid');
    const ok = await worker.post(`/api/applications/${id}/graduate`, {
      date: '2029-03-01',
      documentId: doc.body.id,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'graduated', graduatedOn: '2029-03-01' });
    await integrityOk();
  });

  it('R6: a graduation on the deadline itself is accepted; one dated the day after answers 422 R6', async () => {
    const id = await studying();
    expect(sweepAt(lastMinuteOf(DEADLINE)).lapsed).toEqual([]);
    const worker = await as('worker1');
    const doc = await upload(worker, id, 'graduation_record');
    // Between midnight and the day's sweep the application has not lapsed yet; the date is refused all the same.
    jump(midnightAfter(DEADLINE));
    const after = await worker.post(`/api/applications/${id}/graduate`, {
      date: '2029-08-02',
      documentId: doc.body.id,
    });
    expect(after.status).toBe(422);
    expect(after.body.rule).toBe('R6');
    const onTheDay = await worker.post(`/api/applications/${id}/graduate`, {
      date: DEADLINE,
      documentId: doc.body.id,
    });
    expect(onTheDay.status, JSON.stringify(onTheDay.body)).toBe(200);
    expect(onTheDay.body).toMatchObject({ status: 'graduated', graduatedOn: DEADLINE });
    // A reported graduation does not lapse while the city verifies it
    expect(clockSweep(env.db, env.clock.now).lapsed).toEqual([]);
    await integrityOk();
  });
});

describe('R7: the waitlist closes on waitlistClosesOn', () => {
  /** One place for wuhua: worker1 takes it, worker2 waits. A second round opens for the next intake. */
  async function waitlisted() {
    env.db.$client
      .prepare('update quotas set places = 1 where round_id = ? and organization_id = ?')
      .run(f.open.id, f.wuhua.id);
    const first = await approveWorker('worker1');
    const worker2 = await as('worker2');
    const second = await submitted(worker2, f.open.id);
    for (const r of [unit, wuhua]) expect((await decide(r, second)).status).toBe(200);
    const res = await decide(city, second);
    expect(res.body.status).toBe('waitlisted');
    const next = await city.post(
      '/api/rounds',
      roundBody({
        opensOn: '2027-07-20',
        closesOn: '2027-08-31',
        intakeFrom: '2027-09-01',
        intakeTo: '2027-12-31',
      }),
    );
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    const quotaId = (
      env.db.$client
        .prepare('select id from quotas where round_id = ? and organization_id = ?')
        .get(f.open.id, f.wuhua.id) as {
        id: number;
      }
    ).id;
    return { first, second, worker2, nextRound: next.body.id as number, quotaId };
  }

  it('R7: the day before waitlistClosesOn the sweep leaves the waitlist alone and a quota raise still promotes', async () => {
    const { second, quotaId } = await waitlisted();
    expect(sweepAt(lastMinuteOf(dayBefore(WAITLIST_CLOSES))).notFunded).toEqual([]);
    expect(statusOf(env.db, second)).toBe('waitlisted');
    const raised = await city.post(`/api/quotas/${quotaId}/adjust`, { delta: 1, reason: '追加名额' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    expect(raised.body.promoted).toEqual([second]);
    expect(statusOf(env.db, second)).toBe('approved');
    await integrityOk();
  });

  it('R7: on waitlistClosesOn (China time) the sweep makes the waitlisted not_funded; a quota raise then promotes nobody; R9e: the level is free for another open round', async () => {
    const { second, worker2, nextRound, quotaId } = await waitlisted();
    sweepAt(lastMinuteOf(dayBefore(WAITLIST_CLOSES)));
    // R9e: while it waits, the level is taken
    const taken = await worker2.post('/api/applications', {
      roundId: nextRound,
      institutionId: 1,
      educationLevel: 'associate',
      major: '机械制造与自动化',
      studyMode: 'part_time',
      enrolledOn: '2027-09-01',
    });
    expect(taken.status).toBe(422);
    expect(taken.body.rule).toBe('R9e');

    const swept = sweepAt(midnightAfter(dayBefore(WAITLIST_CLOSES))); // 00:00 on 2027-08-01 in Kunming
    expect(swept.notFunded).toEqual([second]);
    expect(statusOf(env.db, second)).toBe('not_funded');
    const [closed] = auditRows('close-waitlist', second);
    expect(JSON.parse(closed.after)).toMatchObject({
      status: 'not_funded',
      waitlistClosesOn: WAITLIST_CLOSES,
    });
    expect(JSON.parse(closed.after).why).not.toMatch(/R\d/);
    expect(clockSweep(env.db, env.clock.now).notFunded).toEqual([]);

    const raised = await city.post(`/api/quotas/${quotaId}/adjust`, { delta: 2, reason: '追加名额' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    expect(raised.body.promoted).toEqual([]);
    expect(statusOf(env.db, second)).toBe('not_funded');
    expect(auditRows('promote', second)).toEqual([]);

    const id = await draftWithDocuments(worker2, nextRound, { enrolledOn: '2027-09-01' });
    const res = await worker2.post(`/api/applications/${id}/submit`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(statusOf(env.db, id)).toBe('submitted');
    await integrityOk();
  });
});

describe('R7: no waitlist after waitlistClosesOn', () => {
  const onePlace = () =>
    env.db.$client
      .prepare('update quotas set places = 1 where round_id = ? and organization_id = ?')
      .run(f.open.id, f.wuhua.id);
  const waiting = () =>
    (
      env.db.$client
        .prepare(`select id from applications where round_id = ? and status = 'waitlisted' order by id`)
        .all(f.open.id) as { id: number }[]
    ).map((r) => r.id);

  it('R7: the city’s approval after waitlistClosesOn with the quota full does not leave the application waitlisted', async () => {
    onePlace();
    await approveWorker('worker1');
    const late = await submitted(await as('worker2'), f.open.id);
    for (const r of [unit, wuhua]) expect((await decide(r, late)).status).toBe(200);
    sweepAt(midnightAfter(dayBefore(WAITLIST_CLOSES)));
    sweepAt(lastMinuteOf('2027-12-24')); // the daily sweeps ran; the city reviews long after the close
    const res = await decide(city, late);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    // Nothing can promote it any more: a waitlisted status now only blocks the worker's level (R9e).
    expect(statusOf(env.db, late)).not.toBe('waitlisted');
    expect(statusOf(env.db, late)).not.toBe('approved');
    expect(waiting()).toEqual([]);
    await integrityOk();
  });

  it('R7: after waitlistClosesOn an earlier submission approved by the city does not push an approved application onto the closed waitlist', async () => {
    onePlace();
    const earlier = await submitted(await as('worker1'), f.open.id);
    const later = await approveWorker('worker2'); // submitted after, approved first: it holds the place
    for (const r of [unit, wuhua]) expect((await decide(r, earlier)).status).toBe(200);
    sweepAt(midnightAfter(dayBefore(WAITLIST_CLOSES)));
    sweepAt(lastMinuteOf('2027-12-24'));
    const res = await decide(city, earlier);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    expect(waiting()).toEqual([]);
    expect([statusOf(env.db, earlier), statusOf(env.db, later)]).not.toContain('waitlisted');
    await integrityOk();
  });
});

describe('R2: the process subsidy falls due until processPayBy', () => {
  it('R2: after processPayBy an unpaid application is left out of /allocations/due and POST /allocations answers 422; the city’s allow-late-process (reason, audited; 403 for others) makes it due again', async () => {
    const id = await approveWorker('worker1');
    jump(lastMinuteOf(PAY_BY));
    expect(await dueIds()).toEqual([id]);
    sweepAt(midnightAfter(PAY_BY));
    expect(await dueIds()).toEqual([]);
    const refused = await city.post('/api/allocations', target());
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('R2');

    for (const other of [wuhua, unit, await as('worker1')])
      expect(
        (await other.post(`/api/applications/${id}/allow-late-process`, { reason: '学籍审核延误' })).status,
      ).toBe(403);
    expect((await city.post(`/api/applications/${id}/allow-late-process`, {})).status).toBe(400);
    const reason = '学籍审核延误，经市总工会研究同意补发';
    const allowed = await city.post(`/api/applications/${id}/allow-late-process`, { reason });
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
    expect(allowed.body.lateProcessApprovedAt).toBeTruthy();
    expect((await city.post(`/api/applications/${id}/allow-late-process`, { reason })).status).toBe(409);
    const [row] = auditRows('allow-late-process', id);
    expect(JSON.parse(row.after)).toMatchObject({ why: reason });
    expect(row.userId).toBe(f.users.city.id);
    const listed = await city.get(
      `/api/audit-log${q({ filter: { action: 'allow-late-process', recordId: id } })}`,
    );
    expect(listed.body).toHaveLength(1);

    expect(await dueIds()).toEqual([id]);
    await allocateAndReceive(city, wuhua, target());
    const [p] = paymentsOf(env.db, id);
    expect((await wuhua.post(`/api/payments/${p.id}/pay`, { reference: 'WH-LATE-1' })).status).toBe(200);
    expect(statusOf(env.db, id)).toBe('process_paid');
    await integrityOk();
  });

  it('R2: a pending process payment is paid on processPayBy, refused (422 R2) the day after, and cancelled by that day’s sweep, not the day before', async () => {
    const onTime = await approveWorker('worker1');
    const late = await approveWorker('worker2');
    await allocateAndReceive(city, wuhua, target());
    const [p1] = paymentsOf(env.db, onTime);
    const [p2] = paymentsOf(env.db, late);

    expect(sweepAt(lastMinuteOf(PAY_BY)).processMissed).toEqual([]);
    expect((await wuhua.post(`/api/payments/${p1.id}/pay`, { reference: 'WH-1' })).status).toBe(200);
    expect(statusOf(env.db, onTime)).toBe('process_paid');

    jump(midnightAfter(PAY_BY)); // before the day's sweep ran
    const refused = await wuhua.post(`/api/payments/${p2.id}/pay`, { reference: 'WH-2' });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('R2');
    expect(clockSweep(env.db, env.clock.now).processMissed).toEqual([late]);
    expect(paymentsOf(env.db, late)[0].status).toBe('cancelled');
    expect(paymentsOf(env.db, onTime)[0].status).toBe('paid');
    const [cancel] = auditRows('cancel', p2.id);
    expect(JSON.parse(cancel.after).reason).not.toMatch(/R\d/);
    expect((await wuhua.post(`/api/payments/${p2.id}/pay`, { reference: 'WH-2' })).status).toBe(409);
    expect(statusOf(env.db, late)).toBe('approved');
    await integrityOk();
  });

  it('R2: after the sweep cancelled a missed process payment, the city’s allow-late-process lets the worker be paid', async () => {
    const id = await approveWorker('worker1');
    await allocateAndReceive(city, wuhua, target());
    sweepAt(midnightAfter(PAY_BY));
    expect(paymentsOf(env.db, id).map((p) => p.status)).toEqual(['cancelled']);
    expect(
      (await city.post(`/api/applications/${id}/allow-late-process`, { reason: '学籍审核延误，同意补发' }))
        .status,
    ).toBe(200);
    // Either a new allocation covers it, or the union pays it again from the money it already holds.
    const due = await dueIds();
    const pending = paymentsOf(env.db, id).filter((p) => p.status === 'pending');
    expect(due.includes(id) || pending.length > 0, 'the worker has no way left to be paid').toBe(true);
    if (due.includes(id)) await allocateAndReceive(city, wuhua, target());
    const p = paymentsOf(env.db, id).find((x) => x.status === 'pending')!;
    expect((await wuhua.post(`/api/payments/${p.id}/pay`, { reference: 'WH-LATE-2' })).status).toBe(200);
    expect(statusOf(env.db, id)).toBe('process_paid');
    await integrityOk();
  });
});

describe('R2/R12: no money before the enrollment report is accepted', () => {
  it('R2: without an accepted enrollment report no allocation covers the application; once accepted it is due', async () => {
    const worker1 = await as('worker1');
    const id = await approvedViaApi(worker1, f.open.id, [unit, wuhua, city], { verified: false });
    expect(await dueIds()).toEqual([]);
    const refused = await city.post('/api/allocations', target());
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('R2');
    expect((await upload(worker1, id, 'enrollment_report')).status).toBe(201);
    expect(await dueIds()).toEqual([]); // uploaded is not accepted
    expect(
      (await wuhua.post(`/api/applications/${id}/verify-enrollment`, { decision: 'approve' })).status,
    ).toBe(200);
    expect(await dueIds()).toEqual([id]);
    await integrityOk();
  });

  it('R2: a pending payment whose enrollment report is not accepted is refused at pay (422 R2) until it is', async () => {
    const worker1 = await as('worker1');
    const id = await approvedViaApi(worker1, f.open.id, [unit, wuhua, city], { verified: false });
    await upload(worker1, id, 'enrollment_report');
    expect(
      (await city.post(`/api/applications/${id}/verify-enrollment`, { decision: 'approve' })).status,
    ).toBe(200);
    await allocateAndReceive(city, wuhua, target());
    // As a payment made before reports were accepted one by one stands, with no report accepted.
    env.db.$client.prepare('update applications set enrollment_verified_at = null where id = ?').run(id);
    const [p] = paymentsOf(env.db, id);
    const refused = await wuhua.post(`/api/payments/${p.id}/pay`, { reference: 'WH-1' });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('R2');
    expect(paymentsOf(env.db, id)[0].status).toBe('pending');
    expect(
      (await wuhua.post(`/api/applications/${id}/verify-enrollment`, { decision: 'approve' })).status,
    ).toBe(200);
    expect((await wuhua.post(`/api/payments/${p.id}/pay`, { reference: 'WH-1' })).status).toBe(200);
    expect(statusOf(env.db, id)).toBe('process_paid');
    await integrityOk();
  });

  it('R12: verify-enrollment refuses without an uploaded report (422 R12), a reject needs a comment (400), the worker may not verify (403)', async () => {
    const worker1 = await as('worker1');
    const id = await approvedViaApi(worker1, f.open.id, [unit, wuhua, city], { verified: false });
    const missing = await city.post(`/api/applications/${id}/verify-enrollment`, { decision: 'approve' });
    expect(missing.status).toBe(422);
    expect(missing.body.rule).toBe('R12');
    expect(missing.body.errors.documents).toBeTruthy();
    expect((await upload(worker1, id, 'enrollment_report')).status).toBe(201);
    const bare = await city.post(`/api/applications/${id}/verify-enrollment`, { decision: 'reject' });
    expect(bare.status).toBe(400);
    expect(bare.body.errors.comment).toBeTruthy();
    expect(
      (await worker1.post(`/api/applications/${id}/verify-enrollment`, { decision: 'approve' })).status,
    ).toBe(403);
    const rejected = await city.post(`/api/applications/${id}/verify-enrollment`, {
      decision: 'reject',
      comment: '报告已过期，请重新下载',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.enrollmentVerifiedAt ?? null).toBeNull();
    expect(JSON.parse(auditRows('verify-enrollment', id)[0].after)).toMatchObject({
      decision: 'reject',
      why: '报告已过期，请重新下载',
    });
    const accepted = await city.post(`/api/applications/${id}/verify-enrollment`, { decision: 'approve' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.enrollmentVerifiedAt).toBeTruthy();
    expect(
      (await city.post(`/api/applications/${id}/verify-enrollment`, { decision: 'approve' })).status,
    ).toBe(409);
    await integrityOk();
  });
});
