/** R14: a worker appeals a review or a payment result; the union that decided answers within 15 days. */
export const APPEAL_DAYS = 15;

export function dueOn(today: string): string {
  return new Date(Date.parse(today) + APPEAL_DAYS * 86_400_000).toISOString().slice(0, 10);
}

export const isOverdue = (a: { status: string; dueOn: string }, today: string) =>
  a.status === 'open' && a.dueOn < today;

/** What a worker may appeal: a rejection (review) or a payment that failed or was not made as expected. */
export function appealableProblem(
  subject: 'review' | 'payment',
  status: string,
  hasPayment: boolean,
): string | null {
  if (subject === 'review' && status !== 'rejected') return '只有未通过的申请可以对审核结果申诉';
  if (subject === 'payment' && !hasPayment) return '该申请还没有发放记录，不能对发放结果申诉';
  return null;
}
