/** R9, R11, R12: what `submit` checks. Plain data in, problems out. */
import { GLOSSARY } from './glossary';
import type { Problem } from './problem';
import { intakeProblem } from './rounds';

export type { Problem };

export const REQUIRED_DOCUMENTS = [
  'application_form',
  'id_card',
  'admission_notice',
  'tuition_receipt',
] as const;
export const DOCUMENT_LABEL: Record<string, string> = GLOSSARY['zh-CN'].documentKind;

export interface SubmitFacts {
  today: string;
  round: { opensOn: string; closesOn: string; intakeFrom: string; intakeTo: string };
  /** The chosen institution as recorded, null when unknown. */
  institution: { active: boolean; levels: string } | null;
  /** When it was first submitted, if ever (resubmission after a return keeps its place, R7). */
  firstSubmittedAt: string | null;
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
  else if (!f.institution) p.push({ rule: 'R9c', field: 'institutionId', message: '所选院校不存在' });
  else if (!f.institution.active)
    p.push({ rule: 'R9c', field: 'institutionId', message: '所选院校已不是合作院校，请选择其他院校' });
  else if (a.educationLevel && !f.institution.levels.split(',').includes(a.educationLevel))
    p.push({ rule: 'R9c', field: 'educationLevel', message: '所选院校不开设该学历层次' });
  if (a.educationLevel !== 'associate' && a.educationLevel !== 'bachelor')
    p.push({ rule: 'R9c', field: 'educationLevel', message: '学历层次须为大专或本科' });
  if (!a.major?.trim()) p.push({ rule: 'R9d', field: 'major', message: '请填写所学专业' });
  if (!a.enrolledOn) p.push({ rule: 'R9c', field: 'enrolledOn', message: '请填写入学日期' });
  else {
    const outside = intakeProblem(f.round, a.enrolledOn);
    if (outside) p.push(outside);
  }
  if (!f.firstSubmittedAt && (f.today < f.round.opensOn || f.today > f.round.closesOn)) {
    p.push({
      rule: 'R11',
      field: 'roundId',
      message: `不在申请时间内（${f.round.opensOn} 至 ${f.round.closesOn}）`,
    });
  }
  if (!f.unit.duesPaid) p.push({ rule: 'R9a', field: 'organizationId', message: '所在单位未缴交工会经费' });
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

/**
 * R9b: posts above workshop, section or office head (车间、工段、科室主任) are not front-line. The
 * words that mark such a post in a job title; a title with one of them is flagged to every reviewer
 * (the unit may still attest the worker, with a comment the reviewers above see).
 */
export const SENIOR_TITLE_WORDS = [
  '经理',
  '总监',
  '厂长',
  '副总',
  '总经理',
  '总裁',
  '董事',
  '总工程师',
  '总会计师',
  '局长',
  '处长',
  '部长',
  '院长',
  '校长',
  '行长',
  '所长',
  '主席',
  '书记',
] as const;

export const isSeniorTitle = (jobTitle: string | null | undefined): boolean =>
  !!jobTitle && SENIOR_TITLE_WORDS.some((w) => jobTitle.includes(w));

export interface AttestFacts {
  /** What the unit union attested before, if ever (R9a/b), and the post it attests for. */
  worker: {
    attestedAt: string | null;
    isUnionMember: boolean;
    isFrontline: boolean;
    jobTitle?: string | null;
  };
  /** What the unit union attests with this recommendation. */
  attest?: { member: boolean; frontline: boolean; comment?: string | null };
}

/**
 * R9a/b at the unit's recommendation (review step 1): membership and the front-line post must be
 * attested — now, or earlier with the flags recorded — never assumed.
 */
export function attestationProblems(f: AttestFacts): Problem[] {
  const member = f.attest?.member ?? (!!f.worker.attestedAt && f.worker.isUnionMember);
  const frontline = f.attest?.frontline ?? (!!f.worker.attestedAt && f.worker.isFrontline);
  const p: Problem[] = [];
  if (!member) p.push({ rule: 'R9a', field: 'attest.member', message: '基层工会须核实申请人是工会会员' });
  if (!frontline)
    p.push({
      rule: 'R9b',
      field: 'attest.frontline',
      message: '基层工会须核实申请人是一线职工（科室主任及以下）',
    });
  // R9b: a post above 科室主任 may still be attested front-line, but only with the unit's reason.
  if (f.attest?.frontline && isSeniorTitle(f.worker.jobTitle) && !f.attest.comment?.trim())
    p.push({
      rule: 'R9b',
      field: 'attest.comment',
      message: `职务「${f.worker.jobTitle}」高于科室主任：确认其为一线职工须说明理由`,
    });
  return p;
}
