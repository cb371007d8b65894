import { dashboardZhCN, performanceZhCN } from './performance.zh-CN';
import { workZhCN } from './work.zh-CN';

/** The panel's own strings (`app.*`): login, dashboard, account. */
export const appZhCN = {
  ...workZhCN,
  title: '学历提升资助管理系统',
  org: '昆明市总工会',
  locale: { 'zh-CN': '简体中文', en: 'English' },
  login: {
    title: '学历提升资助管理系统',
    subtitle: '昆明市总工会 · 工会工作人员登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    required: '请输入用户名和密码',
    failed: '登录失败，请重试',
    footer: '职工本人申请请使用手机端“职工申请”页面',
  },
  dashboard: dashboardZhCN,
  performance: performanceZhCN,
  password: {
    menu: '修改密码',
    title: '修改密码',
    current: '当前密码',
    new: '新密码',
    confirm: '确认新密码',
    mismatch: '两次输入的新密码不一致',
    changed: '密码已修改',
    hint: '新密码至少 10 位，须同时包含字母和数字。',
  },
  money: { yuan: '元' },
  empty: '—',
  hints: { intake_term: '格式如 2019-autumn、2020-spring' },
  worker_flags: { not_frontline: '非一线', not_member: '非会员' },
  worker_form: {
    keep_blank: '留空则不修改',
    id_invalid: '身份证号码无效（18 位，校验位须正确）',
    phone_invalid: '手机号应为 11 位手机号码',
    card_invalid: '卡号应为 16–19 位数字且校验位正确',
  },
  validation: { window: '截止日期不能早于开始日期', code: '编码只能含小写字母、数字和连字符（2–40 位）' },
};
