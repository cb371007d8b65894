/** R1–R6, R8: amounts, due dates and the moves of the two-stage subsidy. Money is integer fen; no SQL here. */
import { isIn, PLACE_HOLDING, STUDYING } from './lifecycle';
import type { Problem } from './problem';
import { processWindowOpen } from './rounds';

export type Stage = 'process' | 'result';
export type Source = 'city' | 'matching';
export type Channel = 'direct' | 'agency';
export type MatchingMode = 'two_stage' | 'process_only' | 'result_only';
export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'cancelled';
export type AllocationStatus = 'created' | 'transferred' | 'received';
export type RefundStatus = 'expected' | 'received' | 'confirmed';

export const DEFAULT_PROCESS_FEN = 50_000;
export const DEFAULT_RESULT_FEN = 100_000;

export type { Problem };

export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Fen as a plain 元 string for a bank sheet: integer arithmetic, never a float. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A 元 amount from a sheet cell ("500", "500.00", 500) as fen; null when it is not a money amount. */
export function parseYuan(value: unknown): number | null {
  const s =
    typeof value === 'number'
      ? value.toFixed(2)
      : typeof value === 'string'
        ? value.trim().replace(/,/g, '')
        : '';
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** R1: a round's amount for a stage. */
export const stageAmountFen = (round: { processAmountFen: number; resultAmountFen: number }, stage: Stage) =>
  stage === 'process' ? round.processAmountFen : round.resultAmountFen;

/** R8: a matching policy pays in two stages, all as process, or all as result subsidy. */
export function matchingAmounts(
  mode: MatchingMode,
  processFen: number,
  resultFen: number,
): { field: string; message: string } | null {
  if (mode === 'process_only' && resultFen !== 0)
    return { field: 'resultAmountFen', message: '全部作为过程资助时，结果资助金额应为 0' };
  if (mode === 'result_only' && processFen !== 0)
    return { field: 'processAmountFen', message: '全部作为结果资助时，过程资助金额应为 0' };
  if (processFen + resultFen <= 0) return { field: 'processAmountFen', message: '配套资助金额须大于 0' };
  return null;
}

/** R8: what a union's own policy adds to a stage (0 when none). */
export function matchingFen(
  policy: { mode: MatchingMode; processAmountFen: number; resultAmountFen: number } | null | undefined,
  stage: Stage,
): number {
  if (!policy) return 0;
  if (stage === 'process') return policy.mode === 'result_only' ? 0 : policy.processAmountFen;
  return policy.mode === 'process_only' ? 0 : policy.resultAmountFen;
}

/** R6: result subsidy only for a graduation verified by the round's deadline. */
export function resultDue(
  a: { status: string; graduationVerifiedAt: string | null; graduatedOn: string | null },
  deadline: string,
): boolean {
  return a.status === 'graduated' && !!a.graduationVerifiedAt && !!a.graduatedOn && a.graduatedOn <= deadline;
}

/** R2: the process subsidy is due once approved. */
export const processDue = (status: string) => status === 'approved';

/** R2/R6: due for an allocation of this stage (coverage is checked apart: once per stage). */
export function dueFor(
  stage: Stage,
  a: { status: string; graduationVerifiedAt: string | null; graduatedOn: string | null },
  deadline: string,
): boolean {
  return stage === 'process' ? processDue(a.status) : resultDue(a, deadline);
}

/** What the notice's clock and the enrolment check say about money for an application (R2). */
export interface HoldFacts {
  today: string;
  processPayBy: string;
  enrollmentVerifiedAt: string | null;
  lateProcessApprovedAt: string | null;
}

/**
 * R2: no money moves before the enrollment verification report is accepted, and no process
 * subsidy falls due after the round's `processPayBy` unless the city allowed it late (audited).
 */
export function heldBack(stage: Stage, f: HoldFacts): Problem | null {
  if (!f.enrollmentVerifiedAt) return { rule: 'R2', message: '学籍在线验证报告尚未审核通过，资助暂不发放' };
  if (stage === 'process' && !processWindowOpen(f.processPayBy, f.today, !!f.lateProcessApprovedAt))
    return { rule: 'R2', message: `已过过程资助发放截止日期 ${f.processPayBy}，须经市总工会同意后才能补发` };
  return null;
}

/** R6: lapsed when the deadline passed without a verified graduation. */
export function shouldLapse(
  a: { status: string; graduationVerifiedAt: string | null },
  deadline: string,
  today: string,
): boolean {
  return isIn(STUDYING, a.status) && !a.graduationVerifiedAt && today > deadline;
}

/** R6: days left before a still-open application lapses (negative once past), null when it cannot lapse. */
export function daysToLapse(
  a: { status: string; graduationVerifiedAt: string | null },
  deadline: string,
  today: string,
): number | null {
  if (!isIn(STUDYING, a.status) || a.graduationVerifiedAt) return null;
  return daysBetween(today, deadline);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

// ── R3: who pays ──

export interface Agreement {
  agentOrganizationId: number;
  startsOn: string;
  endsOn: string;
  stages: string;
  active: boolean;
}

/** R3 代发协议: active, in force on the day, and covering the stage. */
export const agreementCovers = (g: Agreement, today: string, stage: Stage) =>
  g.active && g.startsOn <= today && today <= g.endsOn && g.stages.split(',').includes(stage);

/**
 * R3: the workers' school pays under an agreement in force, but only a worker with a 工惠卡 or bank
 * card on file; otherwise the level-2 union pays. Matching money is the union's own: it always pays it.
 */
export function payoutRoute(f: {
  level2Id: number;
  source: Source;
  stage: Stage;
  today: string;
  hasCard: boolean;
  agreements: Agreement[];
}): { channel: Channel; payerOrganizationId: number } {
  const g =
    f.source === 'city' && f.hasCard
      ? f.agreements.find((a) => agreementCovers(a, f.today, f.stage))
      : undefined;
  return g
    ? { channel: 'agency', payerOrganizationId: g.agentOrganizationId }
    : { channel: 'direct', payerOrganizationId: f.level2Id };
}

// ── moves of allocations, payments, refunds, returns ──

export const ALLOCATION_NEXT: Record<'transfer' | 'receive', AllocationStatus> = {
  transfer: 'created',
  receive: 'transferred',
};

export function allocationProblem(action: 'transfer' | 'receive', status: AllocationStatus): string | null {
  if (status === ALLOCATION_NEXT[action]) return null;
  return action === 'transfer'
    ? `拨付状态为「${status}」，只有新建的拨付可以划出`
    : `拨付状态为「${status}」，只有已划出的拨付可以确认到账`;
}

export interface PayFacts {
  stage: Stage;
  source: Source;
  app: {
    status: string;
    graduationVerifiedAt: string | null;
    graduatedOn: string | null;
    /** R8: whose place it holds; `city` when absent. */
    fundedBy?: 'city' | 'union';
  };
  deadline: string;
}

/**
 * R8: the money that moves the application along — the city's on a city place, the union's own on
 * a place the union funds itself. The other source only adds to it.
 */
export const mainSource = (fundedBy: 'city' | 'union' | undefined): Source =>
  fundedBy === 'union' ? 'matching' : 'city';

/** R8: an application on a union-funded place gets the union's subsidy only, so such a union pays in both stages. */
export function unionPlacesPolicyProblem(p: { mode: MatchingMode; extraPlaces: number }): Problem | null {
  if (p.extraPlaces > 0 && p.mode !== 'two_stage')
    return {
      rule: 'R8',
      field: 'extraPlaces',
      message: '本会出资的名额须像市总工会资助一样分过程、结果两阶段发放：请选择“两阶段”方式',
    };
  return null;
}

/**
 * Whether a payment may be paid (or created, or re-issued) now, and the application status it moves
 * to. The main money (city's, or the union's own on a union-funded place, R8) moves approved →
 * process_paid (R2) and graduated → completed; the other only adds to it.
 */
export function payOutcome(f: PayFacts): { problem: Problem } | { to: string | null } {
  const s = f.app.status;
  if (s === 'dropped_out') return { problem: { rule: 'R5', message: '职工已退学，不能再发放资助' } };
  if (f.source === 'city' && f.app.fundedBy === 'union')
    return { problem: { rule: 'R8', message: '本会出资名额只享受本会资助，不发放市总工会资助' } };
  const main = f.source === mainSource(f.app.fundedBy);
  if (f.stage === 'result') {
    if (s === 'lapsed') return { problem: { rule: 'R6', message: '超过三年未毕业，结果资助已失效' } };
    if (f.app.graduatedOn && f.app.graduatedOn > f.deadline)
      return { problem: { rule: 'R6', message: `毕业时间晚于 ${f.deadline}，不发结果资助` } };
    const verified = !!f.app.graduationVerifiedAt && !!f.app.graduatedOn;
    if (main)
      return resultDue(f.app, f.deadline)
        ? { to: 'completed' }
        : { problem: { rule: 'R2', message: '毕业证明经市总工会核验后才能发放结果资助' } };
    return verified && (s === 'graduated' || s === 'completed')
      ? { to: null }
      : { problem: { rule: 'R2', message: '毕业证明经市总工会核验后才能发放配套结果资助' } };
  }
  // R6: at lapse every unpaid payment of the application is cancelled, of either stage.
  if (s === 'lapsed') return { problem: { rule: 'R6', message: '超过三年未毕业，资助已失效' } };
  if (main) {
    if (s === 'approved') return { to: 'process_paid' };
    return { problem: { rule: 'R2', message: `申请状态为「${s}」，不能发放过程资助` } };
  }
  return isIn(PLACE_HOLDING, s)
    ? { to: null }
    : { problem: { rule: 'R2', message: `申请状态为「${s}」，不能发放配套过程资助` } };
}

export function paymentProblem(action: 'pay' | 'fail' | 'reissue', status: PaymentStatus): string | null {
  if (action === 'reissue') return status === 'failed' ? null : '只有发放失败的记录可以重新发放';
  return status === 'pending'
    ? null
    : `发放状态为「${status}」，只有待发放的记录可以${action === 'pay' ? '标记为已发放' : '标记为失败'}`;
}

/** R5: a refund only for a dropout with a paid city process subsidy, never more than was paid. */
export function refundProblem(f: {
  appStatus: string;
  payment: { stage: Stage; source: Source; status: PaymentStatus; amountFen: number } | null;
  amountFen: number;
}): string | null {
  if (f.appStatus !== 'dropped_out') return '只有退学的职工才有退款';
  if (
    !f.payment ||
    f.payment.status !== 'paid' ||
    f.payment.stage !== 'process' ||
    f.payment.source !== 'city'
  )
    return '该职工没有已发放的过程资助';
  if (!Number.isInteger(f.amountFen) || f.amountFen <= 0) return '退款金额须为正整数（分）';
  if (f.amountFen > f.payment.amountFen) return `退款不能超过已发放的 ${yuan(f.payment.amountFen)} 元`;
  return null;
}

export const REFUND_NEXT: Record<'receive' | 'confirm', RefundStatus> = {
  receive: 'expected',
  confirm: 'received',
};

/** R4: an application's money can go back to the city when the union received it and did not pay it. */
export function returnProblem(f: {
  covered: boolean;
  received: boolean;
  paid: boolean;
  returned: boolean;
}): string | null {
  if (!f.covered) return '该申请不在本工会本批次该阶段的拨付中';
  if (!f.received) return '拨付尚未到账，无需返还';
  if (f.paid) return '已发放给职工的资金不能作返还';
  if (f.returned) return '该申请的资金已经返还过';
  return null;
}

// ── balances ──

export interface Flows {
  budgetedFen: number;
  allocatedFen: number;
  transferredFen: number;
  receivedFen: number;
  paidFen: number;
  pendingFen: number;
  failedFen: number;
  refundedFen: number;
  returnedFen: number;
}

/** I3: what a level-2 union still holds of the city's money: received, less paid out and returned. */
export const unionHeldFen = (f: Pick<Flows, 'receivedFen' | 'paidFen' | 'returnedFen'>) =>
  f.receivedFen - f.paidFen - f.returnedFen;

/** The city's own purse for a round and stage: the budget, less what left, plus what came back (R4 returns, R5 refunds). */
export const cityHeldFen = (
  f: Pick<Flows, 'budgetedFen' | 'transferredFen' | 'returnedFen' | 'refundedFen'>,
) => f.budgetedFen - f.transferredFen + f.returnedFen + f.refundedFen;
