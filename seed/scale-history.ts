/**
 * The scale seed's history, one round at a time in time order (application ids follow creation time):
 * each application's reviews (R13), scans (R12), transitions in the audit log, and for the historical
 * rounds the money per level-2 union — allocation, payments direct or through the workers' school
 * (R3), matching payments (R8), refunds of dropouts (R5), result payments after verified graduation (R2, R6).
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import * as N from './names';
import type { ScaleRound } from './scale-calendar';
import {
  DAY,
  EventLog,
  HOLDING,
  HOUR,
  iso,
  LEVELS,
  PAID_PROCESS,
  S,
  STATUS,
  ymd,
  type Rng,
} from './scale-support';

/** What each application will be, decided by the plan (seed/scale.ts), indexed by plan position. */
export interface Plan {
  n: number;
  worker: Int32Array;
  round: Uint8Array;
  status: Uint8Array;
  level: Uint8Array;
  created: Float64Array;
  /** graduation or dropout time */ event: Float64Array;
}

export interface World {
  raw: Database.Database;
  rng: Rng;
  nowMs: number;
  rounds: ScaleRound[];
  plan: Plan;
  /** By worker id: grassroots union, level-2 union, has a bank or 工惠 card (1). */
  workerOrg: Int32Array;
  workerL2: Int32Array;
  workerCard: Uint8Array;
  orgById: (id: number) => { id: number; kind: string; code: string };
  cityId: number;
  schoolId: number;
  cityUserId: number;
  staffOf: Map<number, number>;
  agencyStages: Map<number, string>;
  policyOrgs: Map<number, [string, number, number]>;
  instByLevel: Record<
    'associate' | 'bachelor',
    ReadonlyArray<readonly [{ id: number; def: N.InstitutionDef }, number]>
  >;
  lap: (what: string) => void;
}

/** Writes every round; answers the audit events, to be chained in time order. */
export function writeHistory(w: World): EventLog {
  const {
    raw,
    rng,
    nowMs,
    rounds,
    plan,
    orgById,
    staffOf,
    policyOrgs,
    agencyStages,
    instByLevel,
    cityUserId,
    lap,
  } = w;
  const {
    worker: appWorker,
    round: appRound,
    status: appStatus,
    level: appLevel,
    created: appCreated,
    event: appEvent,
  } = plan;
  const wOrg = w.workerOrg,
    wL2 = w.workerL2,
    wCard = w.workerCard;
  const city = { id: w.cityId },
    school = { id: w.schoolId };
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
  const byRound: number[][] = rounds.map(() => []);
  for (let j = 0; j < plan.n; j++) byRound[appRound[j]].push(j);
  const events = new EventLog();
  const event = (at: number, resource: string, action: string, recordId: number, after: unknown) =>
    events.add(at, resource, action, recordId, typeof after === 'string' ? after : JSON.stringify(after));
  const SUBMITTED = JSON.stringify({ status: 'submitted', currentStep: 1 }),
    WITHDRAWN = JSON.stringify({ status: 'withdrawn' });
  const insApp = ins(
    'applications',
    'id,round_id,worker_id,organization_id,level2_id,institution_id,education_level,major,study_mode,enrolled_on,admission_no,status,current_step,submitted_at,decided_at,graduated_on,graduation_document_id,graduation_verified_at,dropped_out_on,dropout_reason,enrollment_verified_at,created_at,updated_at',
  );
  const insReview = ins(
    'reviews',
    'application_id,step,organization_id,user_id,decision,result_status,comment,created_at',
  );
  const insDoc = ins(
    'documents',
    'id,application_id,kind,file_name,mime_type,size,sha256,uploaded_by,created_at',
  );
  const insAlloc = ins(
    'allocations',
    'id,round_id,organization_id,stage,amount_fen,application_count,status,created_by,transferred_at,received_at,created_at',
  );
  const insItem = ins('allocation_items', 'allocation_id,application_id,stage,amount_fen');
  const insPay = ins(
    'payments',
    'id,application_id,allocation_id,organization_id,stage,source,amount_fen,channel,payer_organization_id,status,reference,failure_reason,reissue_of,paid_at,created_at',
  );
  const insRefund = ins(
    'refunds',
    'application_id,payment_id,institution_id,amount_fen,status,reference,received_at,confirmed_at,created_at',
  );
  const DOCS: Record<string, [string, string]> = {
    application_form: ['学历提升资助申请表.pdf', 'application/pdf'],
    id_card: ['身份证.jpg', 'image/jpeg'],
    admission_notice: ['录取通知书.pdf', 'application/pdf'],
    tuition_receipt: ['缴费凭证.jpg', 'image/jpeg'],
    enrollment_report: ['学籍在线验证报告.pdf', 'application/pdf'],
    graduation_record: ['教育部学历证书电子注册备案表.pdf', 'application/pdf'],
    withdrawal_proof: ['退学证明.pdf', 'application/pdf'],
  };
  const COMMENT = { 1: '同意推荐', 2: '审查通过，同意上报', 3: '符合资助条件，同意资助' } as const;
  const RETURNS = [
    '入学通知书扫描件不清晰，请重新上传',
    '缴费凭证缺失，请补充后重新提交',
    '申请表未加盖单位工会公章，请补盖后重新上传',
  ];
  const DROP_REASONS = [
    '工作调动，无法继续学业',
    '家庭原因主动退学',
    '身体原因退学',
    '工作任务重，无法兼顾学业',
  ];
  let appId = 0,
    docId = 0,
    allocId = 0,
    payId = 0;
  let shaPool = Buffer.alloc(0),
    shaAt = 0;
  const sha = () => {
    if (shaAt + 32 > shaPool.length) {
      shaPool = randomBytes(32 * 65536);
      shaAt = 0;
    }
    shaAt += 32;
    return shaPool.toString('hex', shaAt - 32, shaAt);
  };
  const addDoc = (app: number, kind: string, at: number) => {
    const [file, mime] = DOCS[kind];
    insDoc(++docId, app, kind, file, mime, rng.int(60_000, 3_500_000), sha(), null, iso(at));
    return docId;
  };
  const REQUIRED = ['application_form', 'id_card', 'admission_notice', 'tuition_receipt'];
  const insRequired = raw.prepare(
    `insert into documents (id,application_id,kind,file_name,mime_type,size,sha256,uploaded_by,created_at) values ${REQUIRED.map(() => '(?,?,?,?,?,?,?,?,?)').join(',')}`,
  );
  /** R12: the four scans a submission needs, uploaded while the form was filled in (one statement). */
  const addRequired = (app: number, created: number, submitted: number) => {
    const v: unknown[] = [];
    REQUIRED.forEach((kind, i) =>
      v.push(
        ++docId,
        app,
        kind,
        DOCS[kind][0],
        DOCS[kind][1],
        rng.int(60_000, 3_500_000),
        sha(),
        null,
        iso(created + ((submitted - created) * (i + 1)) / 5),
      ),
    );
    insRequired.run(...v);
  };
  const refSeq = new Map<string, number>();
  const reference = (prefix: string, at: number) => {
    const key = `${prefix}-${ymd(at).replace(/-/g, '')}`;
    const n = (refSeq.get(key) ?? 0) + 1;
    refSeq.set(key, n);
    return `${key}-${String(n).padStart(5, '0')}`;
  };

  for (let r = 0; r < rounds.length; r++) {
    const round = rounds[r];
    const list = byRound[r].sort((x, y) => appCreated[x] - appCreated[y]);
    const hist = round.age > 0;
    const money = new Map<number, Array<{ id: number; j: number; worker: number; inst: number }>>();
    inTx(() => {
      for (const j of list) {
        const id = ++appId;
        const worker = appWorker[j],
          org = orgById(wOrg[worker]),
          l2 = wL2[worker],
          direct = org.kind === 'direct';
        const status = STATUS[appStatus[j]];
        const level = LEVELS[appLevel[j]];
        const inst = level ? rng.weighted(instByLevel[level]) : null;
        const created = appCreated[j];
        const submitted =
          status === 'draft'
            ? null
            : Math.min(created + rng.between(0.1, 3) * DAY, hist ? round.closesMs + 10 * HOUR : nowMs - HOUR);
        let t = submitted ?? created;
        const later = (min: number, max: number) =>
          (t = hist ? t + rng.between(min, max) * DAY : t + (nowMs - t) * rng.between(0.05, 0.3));
        const decide = () =>
          (t = hist ? Math.max(t + 12 * HOUR, rng.between(round.decideFrom, round.decideTo)) : later(0, 0));
        const review = (step: 1 | 2 | 3, decision: string, result: string, comment: string) => {
          const orgId = step === 1 ? org.id : step === 2 ? l2 : city.id;
          insReview(
            id,
            step,
            orgId,
            staffOf.get(orgId) ?? null,
            decision,
            result,
            comment,
            iso(step === 3 ? decide() : later(step === 1 ? 0.3 : 0.5, step === 1 ? 4 : 6)),
          );
        };
        const chain = (upTo: number) => {
          if (upTo >= 1) review(1, 'approve', 'unit_approved', COMMENT[1]);
          if (upTo >= 2 && !direct) review(2, 'approve', 'org_approved', COMMENT[2]);
        };
        let currentStep: number | null = null,
          decidedAt: number | null = null;
        if (submitted !== null) {
          addRequired(id, created, submitted);
          event(submitted, 'applications', 'submit', id, SUBMITTED);
        } else if (level) {
          for (const kind of ['application_form', 'id_card', 'admission_notice'].slice(0, rng.int(0, 3)))
            addDoc(id, kind, created + rng.int(5, 300) * 60_000);
        }
        switch (status) {
          case 'draft':
            break;
          case 'submitted':
            currentStep = 1;
            break;
          case 'unit_approved':
            chain(1);
            currentStep = direct ? 3 : 2;
            break;
          case 'org_approved':
            chain(2);
            currentStep = 3;
            break;
          case 'returned': {
            const step = rng.pick(direct ? ([1, 3] as const) : ([1, 2, 3] as const));
            chain(step - 1);
            review(step, 'return', 'returned', rng.pick(RETURNS));
            break;
          }
          case 'rejected': {
            const step = rng.pick(direct ? ([1, 3] as const) : ([1, 2, 3] as const));
            chain(step - 1);
            review(
              step,
              'reject',
              'rejected',
              step === 1
                ? '所学专业与本单位岗位需要不符，不予推荐（R9d）'
                : step === 2
                  ? '经审查不符合资助条件（R9）'
                  : '材料与学信网学籍信息不一致，宁缺毋滥，不予资助（R16）',
            );
            decidedAt = t;
            break;
          }
          case 'withdrawn':
            if (rng.chance(0.5)) chain(1);
            event(later(0.5, 8), 'applications', 'withdraw', id, WITHDRAWN);
            break;
          default: {
            const waits = status === 'waitlisted' || status === 'not_funded';
            chain(2);
            review(
              3,
              'approve',
              waits ? 'waitlisted' : 'approved',
              waits ? '符合资助条件，但本单位名额已满，按提交时间先后列入候补（R7）' : COMMENT[3],
            );
            decidedAt = t;
            if (status === 'not_funded') {
              // R7: the round's waitlist closed before a place came free
              t = Date.parse(`${round.processPayBy}T00:00:00+08:00`) + HOUR;
              event(t, 'applications', 'close-waitlist', id, {
                status: 'not_funded',
                why: `R7: 候补已于 ${round.processPayBy} 截止，本批次未获资助`,
              });
              decidedAt = t;
            }
          }
        }
        let updated = t;
        if (
          submitted !== null &&
          (HOLDING.has(appStatus[j]) ||
            status === 'dropped_out' ||
            (rng.chance(0.35) && status !== 'withdrawn'))
        ) {
          addDoc(
            id,
            'enrollment_report',
            hist ? submitted + rng.int(20, 80) * DAY : rng.between(submitted, nowMs - HOUR),
          ); // R11: may follow the window
        }
        let graduatedOn: string | null = null,
          gradDoc: number | null = null,
          verified: number | null = null;
        let droppedOn: string | null = null,
          dropReason: string | null = null;
        if (status === 'graduated' || status === 'completed') {
          const grad = appEvent[j];
          graduatedOn = ymd(grad);
          const uploaded = grad + rng.int(3, 12) * DAY;
          gradDoc = addDoc(id, 'graduation_record', uploaded);
          event(uploaded, 'applications', 'graduate', id, {
            status: 'process_paid',
            graduatedOn,
            documentId: gradDoc,
          });
          verified = uploaded + rng.int(2, 8) * DAY;
          event(verified, 'applications', 'verify-graduation', id, {
            decision: 'approve',
            graduationVerifiedAt: iso(verified),
          });
          updated = verified;
        } else if (status === 'dropped_out') {
          droppedOn = ymd(appEvent[j]);
          dropReason = rng.pick(DROP_REASONS);
          addDoc(id, 'withdrawal_proof', appEvent[j] + rng.int(1, 5) * DAY);
          event(appEvent[j], 'applications', 'dropout', id, {
            status: 'dropped_out',
            droppedOutOn: droppedOn,
            reason: dropReason,
          });
          updated = appEvent[j];
        } else if (status === 'lapsed') {
          updated = round.deadlineMs + DAY + HOUR;
          event(updated, 'applications', 'lapse', id, {
            status: 'lapsed',
            reason: `未在 ${round.deadline} 前取得毕业证书（R6）`,
          });
        }
        const major = level ? rng.pick(level === 'bachelor' ? N.MAJORS_BACHELOR : N.MAJORS_ASSOCIATE) : null;
        insApp(
          id,
          round.id,
          worker,
          org.id,
          l2,
          inst?.id ?? null,
          level,
          major,
          inst?.def.mode ?? null,
          level ? ymd(round.intakeMs + rng.int(0, 50) * DAY) : null,
          level ? `${round.term.slice(0, 4)}${rng.digits(8)}` : null,
          status,
          currentStep,
          submitted === null ? null : iso(submitted),
          decidedAt === null ? null : iso(decidedAt),
          graduatedOn,
          gradDoc,
          verified === null ? null : iso(verified),
          droppedOn,
          dropReason,
          // R2/R12: the enrolment report accepted the day after the decision, before any money moves
          decidedAt !== null && (HOLDING.has(appStatus[j]) || status === 'dropped_out')
            ? iso(Math.min(decidedAt + DAY, nowMs - HOUR))
            : null,
          iso(created),
          iso(Math.max(updated, created)),
        );
        if (hist && round.age >= 2 && PAID_PROCESS.has(appStatus[j])) {
          if (!money.has(l2)) money.set(l2, []);
          money.get(l2)!.push({ id, j, worker, inst: inst?.id ?? 0 });
        }
      }

      // ── money of a historical round, per level-2 union (R2, R3, R5, R8; I1–I5) ──
      for (const [l2, apps] of money) {
        const union = orgById(l2);
        const policy = policyOrgs.get(l2);
        const agency = agencyStages.get(l2)?.split(',') ?? [];
        const allocate = (stage: 'process' | 'result', covered: typeof apps, at: number, each: number) => {
          const id = ++allocId;
          const [tr, rc] = [at + 6 * DAY, at + 10 * DAY];
          insAlloc(
            id,
            round.id,
            l2,
            stage,
            each * covered.length,
            covered.length,
            'received',
            cityUserId,
            iso(tr),
            iso(rc),
            iso(at),
          );
          for (const x of covered) insItem(id, x.id, stage, each);
          const after = (status: string) => ({
            roundId: round.id,
            organizationId: l2,
            stage,
            amountFen: each * covered.length,
            applicationCount: covered.length,
            status,
          });
          event(at, 'allocations', 'create', id, after('created'));
          event(tr, 'allocations', 'transfer', id, after('transferred'));
          event(rc, 'allocations', 'receive', id, after('received'));
          return { id, received: rc };
        };
        const pay = (
          x: (typeof apps)[number],
          al: number | null,
          stage: 'process' | 'result',
          source: 'city' | 'matching',
          fen: number,
          created: number,
          paidBy: number,
        ) => {
          const viaSchool = source === 'city' && agency.includes(stage) && wCard[x.worker] === 1;
          const payer = viaSchool ? school.id : l2;
          const channel = viaSchool ? 'agency' : 'direct';
          let reissueOf: number | null = null;
          if (source === 'city' && rng.chance(0.02)) {
            // a first attempt bounced; the union reissued it
            const failedAt = created + rng.int(2, 6) * DAY;
            insPay(
              ++payId,
              x.id,
              al,
              l2,
              stage,
              source,
              fen,
              channel,
              payer,
              'failed',
              null,
              '银行卡已销户',
              null,
              null,
              iso(created),
            );
            event(failedAt, 'payments', 'fail', payId, {
              applicationId: x.id,
              stage,
              source,
              amountFen: fen,
              channel,
              payerOrganizationId: payer,
              status: 'failed',
              reason: '银行卡已销户',
            });
            reissueOf = payId;
            created = failedAt + DAY;
          }
          const paidAt = Math.max(created + 6 * HOUR, rng.between(created, paidBy));
          const ref = reference(
            viaSchool
              ? 'ZGXX-DF'
              : source === 'matching'
                ? `${union.code.toUpperCase()}-PT`
                : union.code.toUpperCase(),
            paidAt,
          );
          insPay(
            ++payId,
            x.id,
            al,
            l2,
            stage,
            source,
            fen,
            channel,
            payer,
            'paid',
            ref,
            null,
            reissueOf,
            iso(paidAt),
            iso(created),
          );
          event(paidAt, 'payments', 'pay', payId, {
            applicationId: x.id,
            stage,
            source,
            amountFen: fen,
            channel,
            payerOrganizationId: payer,
            status: 'paid',
            reference: ref,
            paidAt: iso(paidAt),
          });
          return { id: payId, paidAt };
        };
        const proc = allocate('process', apps, round.procAllocMs, 50000);
        for (const x of apps) {
          const p = pay(
            x,
            proc.id,
            'process',
            'city',
            50000,
            proc.received + rng.int(1, 5) * DAY,
            round.processPaidBy,
          );
          if (policy && policy[1] > 0)
            pay(x, null, 'process', 'matching', policy[1], p.paidAt + DAY, p.paidAt + 3 * DAY);
          if (appStatus[x.j] === S.dropped_out && rng.chance(0.6)) {
            // R5: the institution returns the 500
            const created = appEvent[x.j] + rng.int(3, 15) * DAY;
            if (created >= nowMs) continue;
            const received = created + rng.int(10, 40) * DAY < nowMs ? created + rng.int(10, 40) * DAY : null;
            const confirmed =
              received && received + 10 * DAY < nowMs ? received + rng.int(2, 10) * DAY : null;
            const st = confirmed ? 'confirmed' : received ? 'received' : 'expected';
            const refund = Number(
              insRefund(
                x.id,
                p.id,
                x.inst || null,
                50000,
                st,
                received ? reference('TK', received) : null,
                received && iso(received),
                confirmed && iso(confirmed),
                iso(created),
              ).lastInsertRowid,
            );
            const after = (s: string) => ({
              applicationId: x.id,
              paymentId: p.id,
              institutionId: x.inst || null,
              amountFen: 50000,
              status: s,
            });
            event(created, 'refunds', 'create', refund, after('expected'));
            if (received) event(received, 'refunds', 'receive', refund, after('received'));
            if (confirmed) event(confirmed, 'refunds', 'confirm', refund, after('confirmed'));
          }
        }
        const done = apps.filter((x) => appStatus[x.j] === S.completed);
        if (done.length) {
          const res = allocate('result', done, round.resultAllocMs, 100000);
          for (const x of done) {
            const p = pay(
              x,
              res.id,
              'result',
              'city',
              100000,
              res.received + rng.int(1, 5) * DAY,
              round.resultPaidBy,
            );
            if (policy && policy[2] > 0)
              pay(x, null, 'result', 'matching', policy[2], p.paidAt + DAY, p.paidAt + 3 * DAY);
          }
        }
      }
    });
    lap(`round ${round.term}: ${list.length.toLocaleString()} applications`);
  }
  return events;
}
