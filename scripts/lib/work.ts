import { randomBytes } from 'node:crypto';
import { q } from './client';
import type { Driver, Kind } from './driver';

/** The clerks' work the driver picks from: each finds its work through the API, as a clerk would, and does it. */

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);

/** A small valid PDF, different every time (a new file on disk for each upload). */
export const pdf = () =>
  Buffer.concat([
    Buffer.from('%PDF-1.4\n% scan '),
    Buffer.from(randomBytes(16).toString('hex')),
    Buffer.from('\n%%EOF\n'),
  ]);

async function review(d: Driver, bulk = false): Promise<void> {
  const step = 1 + Math.floor(d.random() * 3);
  const reviewers =
    step === 3
      ? [d.city]
      : step === 2
        ? d.by((a) => a.role === 'org_admin')
        : d.by((a) => a.role === 'unit_admin');
  const r = d.pick(reviewers);
  if (!r) return;
  const waiting = await d.list(r, 'applications', { waitingStep: step }, [0, 29], ['submittedAt', 'ASC']);
  if (!waiting.length) return;
  if (bulk) {
    await d.write(r, 'bulk-review', 'POST', '/api/applications/review', {
      ids: waiting.slice(0, 10).map((a) => a.id),
      decision: 'approve',
      comment: '',
    });
    return;
  }
  const app = d.pick(waiting)!;
  const roll = d.random();
  const decision = roll < 0.85 ? 'approve' : roll < 0.95 ? 'return' : 'reject';
  await d.write(r, 'review', 'POST', `/api/applications/${app.id}/review`, {
    decision,
    comment: decision === 'approve' ? '' : '材料需补正（压测）',
  });
}

async function apply(d: Driver): Promise<void> {
  if (!d.openRound) return;
  const unit = d.pick(d.by((a) => a.role === 'unit_admin'));
  if (!unit) return;
  const offset = Math.floor(d.random() * 40);
  const workers = await d.list(unit, 'workers', { isUnionMember: true, isFrontline: true }, [
    offset,
    offset + 9,
  ]);
  const w = d.pick(workers);
  if (!w) return;
  const level = d.random() < 0.7 ? 'associate' : 'bachelor';
  const draft = await d.write(unit, 'apply', 'POST', '/api/applications', {
    roundId: d.openRound.id,
    workerId: w.id,
    institutionId: d.pick(d.institutions),
    educationLevel: level,
    major: '机械制造与自动化',
    studyMode: 'part_time',
    enrolledOn: daysAgo(60),
  });
  if (draft?.status !== 201) return;
  const id = draft.body.id as number;
  for (const kind of ['application_form', 'id_card', 'admission_notice', 'tuition_receipt']) {
    const form = new FormData();
    form.set('applicationId', String(id));
    form.set('kind', kind);
    form.set('file', new File([pdf()], `${kind}.pdf`, { type: 'application/pdf' }));
    const up = await d.write(unit, 'upload', 'POST', '/api/documents', form);
    if (up?.status !== 201) return;
  }
  const sub = await d.write(unit, 'submit', 'POST', `/api/applications/${id}/submit`, {});
  if (sub && sub.status !== 200)
    await d.write(unit, 'delete-draft', 'DELETE', `/api/applications/${id}`, undefined);
}

async function allocate(d: Driver): Promise<void> {
  const stage = d.random() < 0.8 ? 'process' : 'result';
  for (let i = 0; i < 3; i++) {
    const quota = d.pick(d.quotas);
    if (!quota) return;
    const due = await d.read(
      d.city,
      `/api/allocations/due${q({ roundId: quota.roundId, organizationId: quota.organizationId, stage })}`,
    );
    if (due.status === 200 && due.body.applicationCount > 0) {
      await d.write(
        d.city,
        'allocate',
        'POST',
        '/api/allocations',
        { roundId: quota.roundId, organizationId: quota.organizationId, stage },
        true,
      );
      return;
    }
  }
}

async function transfer(d: Driver): Promise<void> {
  const al = d.pick(await d.list(d.city, 'allocations', { status: 'created' }));
  if (al) await d.write(d.city, 'transfer', 'POST', `/api/allocations/${al.id}/transfer`, {}, true);
}

async function receive(d: Driver): Promise<void> {
  const union = d.pick(d.unions().filter((x) => x.a.role === 'org_admin'));
  if (!union) return;
  const al = d.pick(await d.list(union, 'allocations', { status: 'transferred' }));
  if (al) await d.write(union, 'receive', 'POST', `/api/allocations/${al.id}/receive`, {}, true);
}

/** Who marks payments paid: the level-2 unions' staff and the workers' school. */
const payers = (d: Driver) => [
  ...d.by((a) => a.role === 'org_admin' && a.orgLevel === 2),
  ...d.by((a) => a.role === 'agent'),
];

async function pay(d: Driver, fail = false): Promise<void> {
  const payer = d.pick(payers(d));
  if (!payer) return;
  const pending = await d.list(
    payer,
    'payments',
    { status: 'pending', payerOrganizationId: payer.a.organizationId },
    [0, 29],
  );
  const p = d.pick(pending);
  if (!p) return;
  if (fail)
    await d.write(
      payer,
      'fail',
      'POST',
      `/api/payments/${p.id}/fail`,
      { reason: '银行退票：户名不符（压测）' },
      true,
    );
  else
    await d.write(
      payer,
      'pay',
      'POST',
      `/api/payments/${p.id}/pay`,
      { reference: `BANK-${p.id}-${Math.floor(d.random() * 1e6)}` },
      true,
    );
}

async function reissue(d: Driver): Promise<void> {
  const union = d.pick(d.by((a) => a.role === 'org_admin' && a.orgLevel === 2));
  if (!union) return;
  const failed = d.pick(
    await d.list(union, 'payments', { status: 'failed', payerOrganizationId: union.a.organizationId }),
  );
  if (failed)
    await d.write(
      union,
      'reissue',
      'POST',
      `/api/payments/${failed.id}/reissue`,
      { cardUnchanged: true, note: '已与职工核对卡号（压测）' },
      true,
    );
}

async function dropout(d: Driver): Promise<void> {
  const inst = d.pick(d.by((a) => a.role === 'institution'));
  if (!inst) return;
  const app = d.pick(await d.list(inst, 'applications', { status: ['approved', 'process_paid'] }, [0, 29]));
  if (app)
    await d.write(
      inst,
      'dropout',
      'POST',
      `/api/applications/${app.id}/dropout`,
      { date: today(), reason: '个人原因退学（压测）' },
      true,
    );
}

async function refundReceive(d: Driver): Promise<void> {
  const inst = d.pick(d.by((a) => a.role === 'institution'));
  if (!inst) return;
  const r = d.pick(await d.list(inst, 'refunds', { status: 'expected' }));
  if (r)
    await d.write(
      inst,
      'refund-receive',
      'POST',
      `/api/refunds/${r.id}/receive`,
      { reference: `TK-${r.id}` },
      true,
    );
}

async function refundConfirm(d: Driver): Promise<void> {
  const r = d.pick(await d.list(d.city, 'refunds', { status: 'received' }));
  if (r) await d.write(d.city, 'refund-confirm', 'POST', `/api/refunds/${r.id}/confirm`, {}, true);
}

async function fundReturn(d: Driver): Promise<void> {
  const union = d.pick(d.by((a) => a.role === 'org_admin' && a.orgLevel === 2));
  if (!union) return;
  const p = d.pick(await d.list(union, 'payments', { status: 'cancelled', source: 'city' }, [0, 29]));
  if (!p) return;
  const app = await d.read(union, `/api/applications/${p.applicationId}`);
  if (app.status !== 200) return;
  await d.write(
    union,
    'fund-return',
    'POST',
    '/api/fund-returns',
    {
      roundId: app.body.roundId,
      stage: p.stage,
      applicationIds: [p.applicationId],
      report: '职工退学，资金未发放，按规定退还市总工会（压测）',
    },
    true,
  );
}

async function returnConfirm(d: Driver): Promise<void> {
  const f = d.pick(await d.list(d.city, 'fund-returns', { status: 'filed' }));
  if (f) await d.write(d.city, 'return-confirm', 'POST', `/api/fund-returns/${f.id}/confirm`, {}, true);
}

async function quota(d: Driver): Promise<void> {
  if (!d.openRound) return;
  const rows = await d.list(d.city, 'quotas', { roundId: d.openRound.id }, [0, 99]);
  const row = d.pick(rows.filter((r) => r.waitlisted > 0)) ?? d.pick(rows);
  if (row)
    await d.write(d.city, 'quota', 'POST', `/api/quotas/${row.id}/adjust`, {
      delta: 1 + Math.floor(d.random() * 2),
      reason: '候补较多，增加名额（压测）',
    });
}

async function graduate(d: Driver): Promise<void> {
  const inst = d.pick(d.by((a) => a.role === 'institution'));
  if (!inst || !d.openRound) return;
  const app = d.pick(
    await d.list(inst, 'applications', { status: 'process_paid', roundId: d.openRound.id }, [0, 29]),
  );
  if (!app) return;
  const form = new FormData();
  form.set('applicationId', String(app.id));
  form.set('kind', 'graduation_record');
  form.set('file', new File([pdf()], 'graduation.pdf', { type: 'application/pdf' }));
  const up = await d.write(inst, 'upload', 'POST', '/api/documents', form);
  if (up?.status !== 201) return;
  await d.write(
    inst,
    'graduate',
    'POST',
    `/api/applications/${app.id}/graduate`,
    { date: today(), documentId: up.body.id },
    true,
  );
}

async function verify(d: Driver): Promise<void> {
  const app = d.pick(
    (await d.list(d.city, 'applications', { status: 'graduated' }, [0, 49])).filter(
      (a) => !a.graduationVerifiedAt,
    ),
  );
  if (app)
    await d.write(
      d.city,
      'verify',
      'POST',
      `/api/applications/${app.id}/verify-graduation`,
      { decision: 'approve', comment: '' },
      true,
    );
}

/** What the panel does all day: scoped lists, pages, search, one record, its timeline, the figures. */

async function browse(d: Driver): Promise<void> {
  const x = d.pick([...d.sessions.values()].filter((s) => s.a.role !== 'worker'))!;
  const roll = d.random();
  const staff = ['city_admin', 'org_admin', 'unit_admin'].includes(x.a.role);
  if (roll < 0.3) {
    const rows = await d.list(
      x,
      'applications',
      staff ? { status: d.pick(['submitted', 'approved', 'process_paid', 'completed']) } : {},
      [0, 24],
      ['submittedAt', 'DESC'],
    );
    const one = d.pick(rows);
    if (one) {
      await d.read(x, `/api/applications/${one.id}`, 'getOne');
      await d.read(x, `/api/applications/${one.id}/timeline`, 'timeline');
    }
    if (rows.length)
      await d.read(x, `/api/applications${q({ filter: { id: rows.map((r) => r.id) } })}`, 'getMany');
  } else if (roll < 0.45) {
    await d.read(x, `/api/applications${q({ range: [100, 124], sort: ['id', 'ASC'] })}`, 'deepPage');
  } else if (roll < 0.6 && staff) {
    await d.read(
      x,
      `/api/applications${q({ filter: { q: d.pick(['张', '李', '王', '杨', '刘']) }, range: [0, 24] })}`,
      'search',
    );
  } else if (roll < 0.7 && staff) {
    await d.read(x, '/api/stats/overview', 'stats');
  } else if (roll < 0.8 && (x.a.role === 'city_admin' || x.a.role === 'org_admin')) {
    await d.read(x, '/api/balances', 'balances');
  } else {
    const resource = d.pick([
      'payments',
      'allocations',
      'refunds',
      'workers',
      'organizations',
      'reviews',
      'audit-log',
    ])!;
    await d.read(x, `/api/${resource}${q({ range: [0, 24] })}`, `list:${resource}`);
  }
}

export const WORK: Record<Kind, (d: Driver) => Promise<void>> = {
  review: (d) => review(d),
  'bulk-review': (d) => review(d, true),
  apply: (d) => apply(d),
  allocate: (d) => allocate(d),
  transfer: (d) => transfer(d),
  receive: (d) => receive(d),
  pay: (d) => pay(d),
  fail: (d) => pay(d, true),
  reissue: (d) => reissue(d),
  dropout: (d) => dropout(d),
  'refund-receive': (d) => refundReceive(d),
  'refund-confirm': (d) => refundConfirm(d),
  'fund-return': (d) => fundReturn(d),
  'return-confirm': (d) => returnConfirm(d),
  quota: (d) => quota(d),
  graduate: (d) => graduate(d),
  verify: (d) => verify(d),
  read: (d) => browse(d),
};
