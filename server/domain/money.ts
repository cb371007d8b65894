/** R1, R2, R6, R8: amounts and due dates of the two-stage subsidy. Money is integer fen. */
export type Stage = 'process' | 'result';
export type MatchingMode = 'two_stage' | 'process_only' | 'result_only';

export const DEFAULT_PROCESS_FEN = 50_000;
export const DEFAULT_RESULT_FEN = 100_000;

export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** R8: a matching policy pays in two stages, all as process, or all as result subsidy. */
export function matchingAmounts(mode: MatchingMode, processFen: number, resultFen: number): { field: string; message: string } | null {
  if (mode === 'process_only' && resultFen !== 0) return { field: 'resultAmountFen', message: 'R8: 全部作为过程资助时，结果资助金额应为 0' };
  if (mode === 'result_only' && processFen !== 0) return { field: 'processAmountFen', message: 'R8: 全部作为结果资助时，过程资助金额应为 0' };
  if (processFen + resultFen <= 0) return { field: 'processAmountFen', message: 'R8: 配套资助金额须大于 0' };
  return null;
}

/** R6: result subsidy only for a graduation verified by the round's deadline. */
export function resultDue(a: { status: string; graduationVerifiedAt: string | null; graduatedOn: string | null }, deadline: string): boolean {
  return a.status === 'graduated' && !!a.graduationVerifiedAt && !!a.graduatedOn && a.graduatedOn <= deadline;
}

/** R2: the process subsidy is due once approved. */
export const processDue = (status: string) => status === 'approved';

/** R6: lapsed when the deadline passed without a verified graduation. */
export function shouldLapse(a: { status: string; graduationVerifiedAt: string | null }, deadline: string, today: string): boolean {
  return (a.status === 'approved' || a.status === 'process_paid') && !a.graduationVerifiedAt && today > deadline;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
