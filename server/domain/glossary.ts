/**
 * One vocabulary for everything a person reads: the names of statuses, documents, review steps,
 * study modes, money and timeline events, in Chinese first and English. The API sends codes; the
 * panel (its `enums` messages), the portal and the printed form all take their words from here, so
 * the same document or step never has two names. Pure data and formatters: no React, no I/O.
 */
import type { Status } from './lifecycle';

export type Lang = 'zh-CN' | 'en';

const zh = {
  status: {
    draft: '草稿',
    submitted: '已提交',
    unit_approved: '基层已推荐',
    org_approved: '区县已审查',
    waitlisted: '候补',
    approved: '已通过',
    returned: '已退回',
    rejected: '未通过',
    withdrawn: '已撤回',
    process_paid: '已发过程资助',
    graduated: '已毕业',
    completed: '已完成',
    dropped_out: '已退学',
    lapsed: '已失效',
    not_funded: '未获资助',
    revoked: '资格取消',
  } satisfies Record<Status, string>,
  documentKind: {
    application_form: '申请表（单位工会盖章）',
    id_card: '身份证',
    admission_notice: '录取通知书',
    tuition_receipt: '缴费凭证',
    enrollment_report: '学籍在线验证报告',
    graduation_record: '学历证书电子注册备案表',
    withdrawal_proof: '退学证明',
  },
  reviewStep: { 1: '基层工会推荐', 2: '区县级（产业）工会审查', 3: '市总工会审核' },
  decision: { approve: '通过', reject: '不通过', return: '退回修改' },
  educationLevel: { associate: '大专', bachelor: '本科' },
  studyMode: { part_time: '业余', distance: '函授/远程', full_time: '全日制', self_study: '自学考试' },
  stage: { process: '过程资助', result: '结果资助' },
  paymentSource: { city: '市总资助', matching: '配套资助' },
  /** R8: whose place an application holds. */
  fundedBy: { city: '市总工会名额', union: '本会出资名额' },
  paymentStatus: { pending: '待发放', paid: '已发放', failed: '发放失败', cancelled: '已取消' },
  actor: {
    applicant: '申请人',
    system: '系统（到期自动处理）',
    city: '市总工会',
    union: '工会',
    institution: '院校',
    school: '职工学校（代发）',
  },
  event: {
    review: '审核',
    submit: '提交申请',
    withdraw: '撤回申请',
    promote: '候补转为通过',
    displace: '名额让给更早提交的申请，转为候补',
    dropout: '退学',
    graduate: '上报毕业',
    'verify-graduation': '毕业核验',
    lapse: '超过毕业期限未取得毕业证书，结果资助失效',
    reopen: '申诉成立，重新审核',
    'close-waitlist': '候补截止，未获资助',
    'verify-enrollment': '学籍在线验证报告审核',
    'allow-late-process': '市总工会同意补发过程资助',
    revoke: '核实不符合资助条件，资格取消，资金退回',
    payment: '资助发放',
  },
  next: {
    submit: '补齐材料后提交申请',
    resubmit: '按审核意见修改后重新提交',
    waitlist: '名额空出后按提交时间依次递补',
    awaitPayment: '等待发放{stage}（{amount}）',
    uploadGraduation: '毕业后上传学信网学历证书电子注册备案表',
    awaitGraduationCheck: '等待市总工会核验毕业证明',
    redoGraduation: '毕业核验未通过：按意见重新上传备案表并上报毕业',
    appeal: '如有异议可以申诉',
    nextRound: '可以在以后的批次以同一学历层次重新申请',
    uploadReport: '请上传学籍在线验证报告，审核通过后才能发放资助',
    awaitReport: '等待工会审核学籍在线验证报告，审核通过后才能发放资助',
    ended: '本申请已结束',
  },
  auditAction: {
    create: '新建',
    update: '修改',
    delete: '删除',
    submit: '提交申请',
    withdraw: '撤回申请',
    'review:approve': '审核通过',
    'review:reject': '审核不通过',
    'review:return': '退回修改',
    promote: '候补转为通过',
    displace: '转为候补',
    dropout: '退学',
    graduate: '上报毕业',
    'verify-graduation': '毕业核验',
    'verify-enrollment': '学籍报告审核',
    lapse: '结果资助失效',
    reopen: '重新审核',
    'close-waitlist': '候补截止',
    'allow-late-process': '同意补发过程资助',
    revoke: '资格取消',
    pay: '登记发放',
    fail: '登记发放失败',
    cancel: '取消发放',
    reissue: '重新发放',
    payout: '发放',
    transfer: '拨付',
    receive: '确认到账',
    confirm: '确认',
    adjust: '调整名额',
    'raise-plan': '增加计划',
    upload: '上传材料',
    reveal: '查看完整证件号',
    export: '导出',
    import: '导入',
    login: '登录',
    'login:failed': '登录失败',
    logout: '退出登录',
    'password:change': '修改密码',
    'password:failed': '修改密码失败',
    'password:reset': '重置密码',
    'appeal:close': '关闭申诉',
    'audit:seal': '审计日志封存',
  } as Record<string, string>,
  mime: { 'application/pdf': 'PDF 文件', 'image/jpeg': 'JPEG 图片', 'image/png': 'PNG 图片' } as Record<
    string,
    string
  >,
  term: { spring: '春季', autumn: '秋季' },
};

type Glossary = { [F in keyof typeof zh]: Record<keyof (typeof zh)[F], string> };

const en: Glossary = {
  status: {
    draft: 'Draft',
    submitted: 'Submitted',
    unit_approved: 'Recommended by the unit union',
    org_approved: 'Checked by the district union',
    waitlisted: 'Waiting list',
    approved: 'Approved',
    returned: 'Returned for changes',
    rejected: 'Not approved',
    withdrawn: 'Withdrawn',
    process_paid: 'Process subsidy paid',
    graduated: 'Graduation reported',
    completed: 'Completed',
    dropped_out: 'Dropped out',
    lapsed: 'Result subsidy lapsed',
    not_funded: 'Not funded',
    revoked: 'Subsidy withdrawn',
  },
  documentKind: {
    application_form: 'Application form (stamped by the unit union)',
    id_card: 'Resident ID card',
    admission_notice: 'Admission notice',
    tuition_receipt: 'Tuition receipt',
    enrollment_report: 'Online enrolment verification report',
    graduation_record: 'Diploma registration record',
    withdrawal_proof: 'Withdrawal proof',
  },
  reviewStep: {
    1: 'Recommendation by the unit union',
    2: 'Check by the district (industry) union',
    3: 'Decision by the city union',
  },
  decision: { approve: 'Approved', reject: 'Not approved', return: 'Returned for changes' },
  educationLevel: { associate: 'Associate degree', bachelor: "Bachelor's degree" },
  studyMode: {
    part_time: 'Part-time',
    distance: 'Correspondence / distance',
    full_time: 'Full-time',
    self_study: 'Self-study examinations',
  },
  stage: { process: 'Process subsidy', result: 'Result subsidy' },
  paymentSource: { city: 'City subsidy', matching: 'Matching subsidy' },
  fundedBy: { city: "City union's place", union: "Union's own place" },
  paymentStatus: { pending: 'To be paid', paid: 'Paid', failed: 'Payment failed', cancelled: 'Cancelled' },
  actor: {
    applicant: 'Applicant',
    system: 'System (deadline passed)',
    city: 'City federation of trade unions',
    union: 'Union',
    institution: 'Institution',
    school: "Workers' school (paying agent)",
  },
  event: {
    review: 'Review',
    submit: 'Application submitted',
    withdraw: 'Application withdrawn',
    promote: 'Moved from the waiting list to approved',
    displace: 'Place given to an earlier application: now on the waiting list',
    dropout: 'Dropped out',
    graduate: 'Graduation reported',
    'verify-graduation': 'Graduation checked',
    lapse: 'No diploma by the deadline: the result subsidy lapsed',
    reopen: 'Appeal upheld: reviewed again',
    'close-waitlist': 'The waiting list closed: not funded',
    'verify-enrollment': 'Enrolment verification report checked',
    'allow-late-process': 'The city union allowed the process subsidy to be paid late',
    revoke: 'Found not eligible: subsidy withdrawn and the money returned',
    payment: 'Subsidy payment',
  },
  next: {
    submit: 'Complete the documents, then submit',
    resubmit: 'Change it as the reviewer asks, then submit again',
    waitlist: 'When a place frees up, the waiting list moves up by submission time',
    awaitPayment: 'Waiting for payment: {stage}, {amount}',
    uploadGraduation: 'After graduating, upload the CHSI diploma registration record',
    awaitGraduationCheck: 'Waiting for the city union to check the graduation',
    redoGraduation: 'The graduation check was not passed: upload the record again as asked and report again',
    appeal: 'You may appeal if you disagree',
    nextRound: 'You may apply again at the same level in a later round',
    uploadReport: 'Upload the enrolment verification report: the subsidy is paid once it is accepted',
    awaitReport:
      'The union is checking the enrolment verification report; the subsidy is paid once it is accepted',
    ended: 'This application has ended',
  },
  auditAction: {
    create: 'Created',
    update: 'Changed',
    delete: 'Deleted',
    submit: 'Application submitted',
    withdraw: 'Application withdrawn',
    'review:approve': 'Review: approved',
    'review:reject': 'Review: not approved',
    'review:return': 'Review: returned for changes',
    promote: 'Moved up from the waiting list',
    displace: 'Moved to the waiting list',
    dropout: 'Dropout',
    graduate: 'Graduation reported',
    'verify-graduation': 'Graduation checked',
    'verify-enrollment': 'Enrolment report checked',
    lapse: 'Result subsidy lapsed',
    reopen: 'Reviewed again',
    'close-waitlist': 'Waiting list closed',
    'allow-late-process': 'Late process subsidy allowed',
    revoke: 'Subsidy withdrawn',
    pay: 'Payment registered',
    fail: 'Payment failure registered',
    cancel: 'Payment cancelled',
    reissue: 'Payment reissued',
    payout: 'Payout',
    transfer: 'Transfer',
    receive: 'Receipt confirmed',
    confirm: 'Confirmed',
    adjust: 'Quota adjusted',
    'raise-plan': 'Plan raised',
    upload: 'Document uploaded',
    reveal: 'Full ID number viewed',
    export: 'Export',
    import: 'Import',
    login: 'Sign-in',
    'login:failed': 'Failed sign-in',
    logout: 'Sign-out',
    'password:change': 'Password changed',
    'password:failed': 'Failed password change',
    'password:reset': 'Password reset',
    'appeal:close': 'Appeal closed',
    'audit:seal': 'Audit log sealed',
  },
  mime: { 'application/pdf': 'PDF file', 'image/jpeg': 'JPEG image', 'image/png': 'PNG image' },
  term: { spring: 'spring', autumn: 'autumn' },
};

export const GLOSSARY: Record<Lang, Glossary> = { 'zh-CN': zh, en };
export type Family = keyof Glossary;

/** The word for a code, or the code itself never: an unknown code reads as a neutral word. */
export function term(lang: Lang, family: Family, code: string | number): string {
  const words = GLOSSARY[lang][family] as Record<string, string>;
  return words[String(code)] ?? (family === 'auditAction' ? GLOSSARY[lang].auditAction.update : String(code));
}

const grouped = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const split = (fen: number) => {
  const abs = Math.abs(Math.trunc(fen));
  return { sign: fen < 0 ? '-' : '', yuan: grouped(Math.floor(abs / 100)), cents: abs % 100 };
};

/** The panel's amount: ¥1,500.00 (fen in, always two decimals). */
export function panelMoney(fen: number): string {
  const { sign, yuan, cents } = split(fen);
  return `${sign}¥${yuan}.${String(cents).padStart(2, '0')}`;
}

/** The portal's and the printed form's amount: 1,500 元 (decimals only when there are fen). */
export function portalMoney(fen: number, lang: Lang = 'zh-CN'): string {
  const { sign, yuan, cents } = split(fen);
  const n = `${sign}${yuan}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
  return lang === 'en' ? `${n} yuan` : `${n} 元`;
}

/** File sizes in KB below a megabyte, MB above: 812 KB, 2.9 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A round code such as 2026-autumn as words: 2026 年秋季 / 2026 autumn. */
export function roundCode(lang: Lang, code: string): string {
  const m = /^(\d{4})-(spring|autumn)$/.exec(code);
  if (!m) return code;
  const season = GLOSSARY[lang].term[m[2] as 'spring'];
  return lang === 'en' ? `${season} ${m[1]}` : `${m[1]} 年${season}`;
}

/** Replace {name} placeholders. */
export const fill = (text: string, params: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/** A family as flat message keys (`doc.id_card`), for a client whose messages are one flat table. */
export function keyed<P extends string, T extends object>(prefix: P, words: T) {
  return Object.fromEntries(Object.entries(words).map(([k, v]) => [`${prefix}.${k}`, v])) as {
    [K in keyof T & (string | number) as `${P}.${K}`]: string;
  };
}
