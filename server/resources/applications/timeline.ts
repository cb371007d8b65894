import type { Db } from '../../../db/client';
import { prepared } from '../../lib/ra-list';
import { DOCUMENT_LABEL, outstandingDocuments, REQUIRED_DOCUMENTS } from '../../domain/eligibility';
import { STATUS_LABEL, waitingStep, type Status } from '../../domain/lifecycle';
import type { SessionUser } from '../../lib/context';
import type { AppRow } from './service';

const STEP_LABEL = { 1: '基层工会推荐', 2: '区县级（产业）工会审查', 3: '市总工会审核' } as const;
const DECISION_LABEL = { approve: '通过', reject: '不通过', return: '退回修改' } as const;

const ACTION_LABEL: Record<string, string> = {
  submit: '提交申请',
  withdraw: '撤回申请',
  promote: '候补转为通过（R7）',
  displace: '名额让给更早提交的申请，转为候补（R7）',
  dropout: '退学',
  graduate: '上传毕业证明',
  'verify-graduation': '毕业核验',
  lapse: '超过三年未毕业，结果资助失效（R6）',
  reopen: '申诉成立，重新审核',
  'close-waitlist': '候补截止，未获资助（R7）',
  'verify-enrollment': '学籍在线验证报告审核',
  'allow-late-process': '市总工会同意补发过程资助（R2）',
  revoke: '工会核实不符合资助条件，资格取消，资金退回（R4）',
};

export interface TimelineEntry {
  at: string;
  what: string;
  by: string;
  decision?: string;
  comment?: string;
  status?: string;
}

/** R14: every step so far, who (the union, not the clerk, for a worker), what comes next and what is missing. */
export function timeline(db: Db, app: AppRow, viewer: SessionUser) {
  const orgName = (id: number | null) =>
    id
      ? ((prepared(db, 'select name from organizations where id = ?').get(id) as { name: string } | undefined)
          ?.name ?? '')
      : '';
  const entries: TimelineEntry[] = [];
  const reviewRows = prepared(
    db,
    `select r.*, u.display_name userName from reviews r left join users u on u.id = r.user_id
    where application_id = ? order by r.id`,
  ).all(app.id) as {
    step: 1 | 2 | 3;
    organization_id: number;
    decision: 'approve';
    comment: string;
    created_at: string;
    result_status: Status;
    userName: string | null;
  }[];
  for (const r of reviewRows) {
    const union = orgName(r.organization_id);
    entries.push({
      at: r.created_at,
      what: STEP_LABEL[r.step],
      decision: DECISION_LABEL[r.decision],
      comment: r.comment || undefined,
      by: viewer.role === 'worker' || !r.userName ? union : `${union}（${r.userName}）`,
      status: STATUS_LABEL[r.result_status],
    });
  }
  const events = prepared(
    db,
    `select at, action, organization_id, after from audit_log
    where resource = 'applications' and record_id = ? and action not like 'review:%' and action not like 'refused%' order by id`,
  ).all(app.id) as { at: string; action: string; organization_id: number | null; after: string | null }[];
  for (const e of events) {
    if (!ACTION_LABEL[e.action]) continue;
    const after = e.after ? JSON.parse(e.after) : {};
    entries.push({
      at: e.at,
      what: ACTION_LABEL[e.action],
      by: e.organization_id ? orgName(e.organization_id) : '申请人',
      comment: after.why,
      status: after.status ? STATUS_LABEL[after.status as Status] : undefined,
    });
  }
  const pays = prepared(
    db,
    `select stage, source, amount_fen, status, paid_at, reference, created_at from payments where application_id = ? order by id`,
  ).all(app.id) as {
    stage: string;
    source: string;
    amount_fen: number;
    status: string;
    paid_at: string | null;
    reference: string | null;
    created_at: string;
  }[];
  for (const p of pays) {
    const label = `${p.source === 'matching' ? '配套' : ''}${p.stage === 'process' ? '过程资助' : '结果资助'}`;
    entries.push({
      at: p.paid_at ?? p.created_at,
      what: `${label} ${(p.amount_fen / 100).toFixed(2)} 元`,
      by: '',
      status: { pending: '待发放', paid: '已发放', failed: '发放失败', cancelled: '已取消' }[p.status],
    });
  }
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const isDirect =
    (prepared(db, 'select kind from organizations where id = ?').get(app.level2Id) as { kind: string })
      .kind === 'direct';
  const step = waitingStep(app.status, isDirect);
  const kinds = (
    prepared(db, 'select distinct kind from documents where application_id = ?').all(app.id) as {
      kind: string;
    }[]
  ).map((k) => k.kind);
  const missing = [
    ...REQUIRED_DOCUMENTS.filter((k) => !kinds.includes(k)),
    ...(app.submittedAt ? outstandingDocuments(kinds) : []),
  ].map((k) => DOCUMENT_LABEL[k]);
  const holder =
    step === 1
      ? orgName(app.organizationId)
      : step === 2
        ? orgName(app.level2Id)
        : step === 3
          ? '昆明市总工会'
          : null;
  return {
    applicationId: app.id,
    status: app.status,
    statusLabel: STATUS_LABEL[app.status],
    entries,
    current: holder ? { step, label: STEP_LABEL[step!], holder, since: app.updatedAt } : null,
    next: heldBy(app, kinds) ?? nextStep(app.status, step),
    missing,
  };
}

/** R2/R12: what holds the money of an approved application back, when it is the enrolment check. */
function heldBy(app: AppRow, kinds: string[]): string | null {
  if (app.enrollmentVerifiedAt || (app.status !== 'approved' && app.status !== 'waitlisted')) return null;
  return kinds.includes('enrollment_report')
    ? '等待工会审核学籍在线验证报告，审核通过后才能发放资助'
    : '请上传学籍在线验证报告，审核通过后才能发放资助';
}

function nextStep(status: Status, step: number | null): string | null {
  if (step) return STEP_LABEL[step as 1];
  switch (status) {
    case 'draft':
      return '补齐材料后提交申请';
    case 'returned':
      return '按审核意见修改后重新提交';
    case 'waitlisted':
      return '名额空出后按提交时间依次递补';
    case 'approved':
      return '等待发放过程资助（500 元）';
    case 'process_paid':
      return '毕业后上传学信网学历证书电子注册备案表';
    case 'graduated':
      return '等待发放结果资助（1,000 元）';
    case 'rejected':
      return '如有异议可以申诉';
    case 'revoked':
      return '如有异议可以申诉';
    case 'not_funded':
      return '可以在以后的批次以同一学历层次重新申请';
    default:
      return null;
  }
}
