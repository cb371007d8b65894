/** R9, R11, R12: what `submit` checks. Plain data in, problems out. */
export interface Problem {
  rule: string;
  field: string;
  message: string;
}

export const REQUIRED_DOCUMENTS = [
  'application_form',
  'id_card',
  'admission_notice',
  'tuition_receipt',
] as const;
export const DOCUMENT_LABEL: Record<string, string> = {
  application_form: '申请表（单位工会盖章）',
  id_card: '身份证',
  admission_notice: '入学通知书',
  tuition_receipt: '缴费凭证',
  enrollment_report: '学籍在线验证报告',
  graduation_record: '学历证书电子注册备案表',
  withdrawal_proof: '退学证明',
};

export interface SubmitFacts {
  today: string;
  round: { opensOn: string; closesOn: string };
  /** When it was first submitted, if ever (resubmission after a return keeps its place, R7). */
  firstSubmittedAt: string | null;
  worker: { isUnionMember: boolean; isFrontline: boolean };
  unit: { duesPaid: boolean; kind: string };
  application: {
    institutionId: number | null;
    educationLevel: string | null;
    major: string | null;
    enrolledOn: string | null;
  };
  documentKinds: readonly string[];
  /** Other applications of the worker at the same education level that still take it (R9e). */
  sameLevelLive: number;
}

/** The calendar day in Kunming (UTC+8), which is what a window's dates mean. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function submitProblems(f: SubmitFacts): Problem[] {
  const p: Problem[] = [];
  const a = f.application;
  if (!a.institutionId) p.push({ rule: 'R9c', field: 'institutionId', message: '请选择就读院校' });
  if (a.educationLevel !== 'associate' && a.educationLevel !== 'bachelor')
    p.push({ rule: 'R9c', field: 'educationLevel', message: '学历层次须为大专或本科' });
  if (!a.major?.trim()) p.push({ rule: 'R9d', field: 'major', message: '请填写所学专业' });
  if (!a.enrolledOn) p.push({ rule: 'R9c', field: 'enrolledOn', message: '请填写入学日期' });
  if (!f.firstSubmittedAt && (f.today < f.round.opensOn || f.today > f.round.closesOn)) {
    p.push({
      rule: 'R11',
      field: 'roundId',
      message: `不在申请时间内（${f.round.opensOn} 至 ${f.round.closesOn}）`,
    });
  }
  if (!f.unit.duesPaid) p.push({ rule: 'R9a', field: 'organizationId', message: '所在单位未缴交工会经费' });
  if (!f.worker.isUnionMember) p.push({ rule: 'R9a', field: 'workerId', message: '申请人不是工会会员' });
  if (!f.worker.isFrontline)
    p.push({ rule: 'R9b', field: 'workerId', message: '申请人不是一线职工（车间、工段、科室主任及以下）' });
  if (f.sameLevelLive > 0)
    p.push({ rule: 'R9e', field: 'educationLevel', message: '每人每个学历层次只能申领一次资助' });
  const missing = REQUIRED_DOCUMENTS.filter((k) => !f.documentKinds.includes(k));
  if (missing.length)
    p.push({
      rule: 'R12',
      field: 'documents',
      message: `缺少材料：${missing.map((k) => DOCUMENT_LABEL[k]).join('、')}`,
    });
  return p;
}

/** R11: the enrollment report may follow after the window; until then it is outstanding. */
export const outstandingDocuments = (kinds: readonly string[]) =>
  kinds.includes('enrollment_report') ? [] : ['enrollment_report'];
