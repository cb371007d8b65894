/** The scans uploaded with an application: the form's four, the enrolment report, later proofs. */
import { addMs, APPROVED_OR_BEYOND, DAY, type Ctx } from './context';
import type { App, Doc } from './model';

const DOCS: Record<string, [string, string]> = {
  application_form: ['学历提升资助申请表.pdf', 'application/pdf'],
  id_card: ['身份证.jpg', 'image/jpeg'],
  admission_notice: ['录取通知书.pdf', 'application/pdf'],
  tuition_receipt: ['缴费凭证.jpg', 'image/jpeg'],
  enrollment_report: ['学籍在线验证报告.pdf', 'application/pdf'],
  graduation_record: ['教育部学历证书电子注册备案表.pdf', 'application/pdf'],
  withdrawal_proof: ['退学证明.pdf', 'application/pdf'],
};
/** Required to submit. */
const REQUIRED = ['application_form', 'id_card', 'admission_notice', 'tuition_receipt'];

export function addDoc(ctx: Ctx, app: App, kind: string, at: Date): Doc {
  const [fileName, mimeType] = DOCS[kind];
  const d: Doc = {
    id: 0,
    app,
    kind,
    fileName,
    mimeType,
    size: ctx.rng.int(60_000, 3_500_000),
    sha256: ctx.rng.hex(64),
    at,
  };
  ctx.docs.push(d);
  return d;
}

/** A draft with an institution has some of the required scans already. */
export function draftDocuments(ctx: Ctx, a: App): void {
  if (a.inst)
    for (const k of REQUIRED.slice(0, ctx.rng.int(0, 3)))
      addDoc(ctx, a, k, addMs(a.createdAt, ctx.rng.int(5, 300) * 60000));
}

/** The required scans, spread between creation and submission. */
export function formDocuments(ctx: Ctx, a: App): void {
  const span = a.submittedAt!.getTime() - a.createdAt.getTime();
  for (const [i, k] of REQUIRED.entries()) addDoc(ctx, a, k, addMs(a.createdAt, (span * (i + 1)) / 6));
}

/** The enrolment report (R11: may follow after the window), more likely once money is at stake. */
export function enrollmentReport(ctx: Ctx, a: App, hist: boolean): void {
  const { rng, between, latest } = ctx;
  const sub = a.submittedAt!;
  if (
    a.status !== 'submitted' &&
    a.status !== 'returned' &&
    a.status !== 'rejected' &&
    a.status !== 'withdrawn'
  ) {
    const money = APPROVED_OR_BEYOND.has(a.status);
    if (a.verified && !hist) {
      // early enough for the level-2 union to have accepted it (1–4 days later) by now
      addDoc(ctx, a, 'enrollment_report', between(sub, addMs(latest, -4 * DAY)));
    } else if (hist ? (money ? rng.chance(0.92) : rng.chance(0.4)) : rng.chance(0.3)) {
      addDoc(ctx, a, 'enrollment_report', hist ? addMs(sub, rng.int(20, 80) * DAY) : between(sub, latest));
    }
  } else if (!hist && rng.chance(0.2)) addDoc(ctx, a, 'enrollment_report', between(sub, latest));
}
