import type { Db } from '../../../db/client';

export interface TemplateDef {
  zh: string;
  en: string;
  /** Also by SMS. */
  sms: boolean;
  /** Also in quiet hours: the person must act soon. */
  urgent: boolean;
}

/**
 * The texts each event starts with; written into `notification_templates` when missing, where the
 * city admin may change them (audited). Parameters are ids, dates, amounts and reviewers' words.
 */
export const DEFAULT_TEMPLATES: Record<string, TemplateDef> = {
  'status.submitted': {
    zh: '您的学历提升资助申请 #{applicationId} 已提交，等待基层工会审核。',
    en: 'Your application #{applicationId} was submitted and waits for your union’s review.',
    sms: false,
    urgent: false,
  },
  'status.unit_approved': {
    zh: '基层工会已推荐您的申请 #{applicationId}，等待上级工会审查。',
    en: 'Your union recommended application #{applicationId}; the next union reviews it now.',
    sms: false,
    urgent: false,
  },
  'status.org_approved': {
    zh: '区县（产业）工会已审查您的申请 #{applicationId}，等待市总工会审批。',
    en: 'The district union reviewed application #{applicationId}; the city union decides next.',
    sms: false,
    urgent: false,
  },
  'status.approved': {
    zh: '您的申请 #{applicationId} 已获批准资助，资助将按规定分两次发放。',
    en: 'Application #{applicationId} is approved: the subsidy is paid in two stages.',
    sms: true,
    urgent: false,
  },
  'status.waitlisted': {
    zh: '您的申请 #{applicationId} 已列入候补，有名额时按提交时间递补。{why}',
    en: 'Application #{applicationId} is on the waitlist and moves up when a place frees. {why}',
    sms: true,
    urgent: false,
  },
  'status.returned': {
    zh: '您的申请 #{applicationId} 被退回，请按意见修改后重新提交：{comment}',
    en: 'Application #{applicationId} was returned for changes: {comment}',
    sms: true,
    urgent: true,
  },
  'status.rejected': {
    zh: '您的申请 #{applicationId} 未通过审核：{comment}。如有异议可在 15 日内申诉。',
    en: 'Application #{applicationId} was not approved: {comment}. You may appeal.',
    sms: true,
    urgent: false,
  },
  'status.not_funded': {
    zh: '候补已截止，您的申请 #{applicationId} 本轮未获资助。',
    en: 'The waitlist closed: application #{applicationId} is not funded this round.',
    sms: true,
    urgent: false,
  },
  'status.revoked': {
    zh: '您的申请 #{applicationId} 资格已取消：{why}',
    en: 'Application #{applicationId} was revoked: {why}',
    sms: true,
    urgent: false,
  },
  'status.dropped_out': {
    zh: '您的申请 #{applicationId} 已登记退学，资助停止。',
    en: 'Application #{applicationId}: the dropout is recorded and the subsidy stops.',
    sms: false,
    urgent: false,
  },
  'status.lapsed': {
    zh: '您的申请 #{applicationId} 未在期限内取得毕业证书并经核验，结果资助已失效。',
    en: 'Application #{applicationId}: no verified graduation by the deadline; the result subsidy lapsed.',
    sms: true,
    urgent: false,
  },
  'graduation.reported': {
    zh: '申请 #{applicationId} 的毕业信息已上报，等待市总工会核验。',
    en: 'The graduation of application #{applicationId} is reported and waits for verification.',
    sms: false,
    urgent: false,
  },
  'graduation.verified': {
    zh: '申请 #{applicationId} 的毕业已核验，结果资助将发放。',
    en: 'The graduation of application #{applicationId} is verified; the result subsidy follows.',
    sms: true,
    urgent: false,
  },
  'graduation.refused': {
    zh: '申请 #{applicationId} 的毕业核验未通过：{comment}',
    en: 'The graduation of application #{applicationId} was not verified: {comment}',
    sms: true,
    urgent: true,
  },
  'payment.paid': {
    zh: '申请 #{applicationId} 的{stageZh}资助 {amountYuan} 元已发放。',
    en: 'The {stageEn} subsidy of {amountYuan} CNY for application #{applicationId} was paid.',
    sms: true,
    urgent: false,
  },
  'payment.failed': {
    zh: '申请 #{applicationId} 的资助发放失败：{reason}。请核对银行卡信息。',
    en: 'The payment for application #{applicationId} failed: {reason}. Please check your bank card.',
    sms: true,
    urgent: true,
  },
  'refund.expected': {
    zh: '申请 #{applicationId} 的职工已退学，请退还已发放的过程资助 {amountYuan} 元。',
    en: 'The worker of application #{applicationId} dropped out: please refund {amountYuan} CNY.',
    sms: false,
    urgent: false,
  },
  'appeal.filed': {
    zh: '申请 #{applicationId} 收到申诉 #{appealId}，请于 {dueOn} 前答复。',
    en: 'Appeal #{appealId} on application #{applicationId}: answer by {dueOn}.',
    sms: false,
    urgent: false,
  },
  'appeal.answered': {
    zh: '您对申请 #{applicationId} 的申诉已答复：{response}',
    en: 'Your appeal on application #{applicationId} was answered: {response}',
    sms: true,
    urgent: false,
  },
  'appeal.upheld': {
    zh: '您对申请 #{applicationId} 的申诉成立，申请已恢复审核：{response}',
    en: 'Your appeal on application #{applicationId} was upheld; the review resumes: {response}',
    sms: true,
    urgent: false,
  },
  'appeal.overdue': {
    zh: '申诉 #{appealId}（申请 #{applicationId}）已超过答复期限 {dueOn}，请尽快答复。',
    en: 'Appeal #{appealId} (application #{applicationId}) is past its answer date {dueOn}.',
    sms: false,
    urgent: false,
  },
  'lapse.warning': {
    zh: '申请 #{applicationId}：请在 {deadline} 前取得毕业证书并上报核验（还剩 {days} 天），否则结果资助失效。',
    en: 'Application #{applicationId}: report a verified graduation by {deadline} ({days} days left) or the result subsidy lapses.',
    sms: true,
    urgent: false,
  },
  'study.due': {
    zh: '{term} 学期有 {count} 名受资助学员的学业检查尚未登记，请登记。',
    en: 'Term {term}: the study checks of {count} funded students are not recorded yet.',
    sms: false,
    urgent: false,
  },
  'digest.staff': {
    zh: '今日待办：待审核 {toReview} 件，逾期 {overdue} 件，待发放 {toPay} 笔，待答复申诉 {appealsDue} 件。',
    en: 'Today: {toReview} to review, {overdue} overdue, {toPay} to pay, {appealsDue} appeals to answer.',
    sms: true,
    urgent: false,
  },
};

/** Writes the templates the table lacks (a new code, a fresh database); an edited one is kept. */
export function ensureTemplates(db: Db): void {
  const put = db.$client.prepare(
    'insert into notification_templates (code, zh, en, sms, urgent) values (?, ?, ?, ?, ?) on conflict (code) do nothing',
  );
  db.$client.transaction(() => {
    for (const [code, t] of Object.entries(DEFAULT_TEMPLATES)) put.run(code, t.zh, t.en, +t.sms, +t.urgent);
  })();
}
