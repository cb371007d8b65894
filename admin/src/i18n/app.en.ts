import type { appZhCN } from './app.zh-CN';
import { dashboardEn, performanceEn } from './performance.en';
import { rosterEn } from './roster.en';
import { workEn } from './work.en';

export const appEn: typeof appZhCN = {
  ...workEn,
  ...rosterEn,
  title: 'Education Upgrade Subsidy',
  org: 'Kunming Federation of Trade Unions',
  locale: { 'zh-CN': '简体中文', en: 'English' },
  login: {
    title: 'Education Upgrade Subsidy',
    subtitle: 'Kunming Federation of Trade Unions · staff sign-in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    required: 'Please enter your username and password',
    failed: 'Sign-in failed, please retry',
    footer: 'Workers apply through the mobile “worker application” pages',
  },
  dashboard: dashboardEn,
  performance: performanceEn,
  password: {
    menu: 'Change password',
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    confirm: 'Confirm new password',
    mismatch: 'The two new passwords differ',
    changed: 'Password changed',
    hint: 'At least 10 characters, with both letters and digits.',
  },
  money: { yuan: 'CNY' },
  empty: '—',
  hints: { intake_term: 'e.g. 2019-autumn, 2020-spring' },
  timetable: {
    title: "The round's timetable",
    intake: 'Enrolment',
    window: 'Applications',
    process: 'Process subsidy paid by',
    waitlist: 'Waitlist closes',
    graduation: 'Graduation earliest / deadline',
    default_is: 'Left blank: %{date}',
    derived: 'From the intake: three years after it starts',
    min_study: '%{months} months after enrolment',
  },
  worker_flags: {
    not_frontline: 'Not front-line',
    not_member: 'Not a member',
    senior_title: 'Post above section head',
    unattested: 'Membership and post not yet confirmed',
  },
  worker_form: {
    keep_blank: 'Leave blank to keep',
    id_invalid: 'Invalid ID number (18 characters, valid check digit)',
    phone_invalid: 'Must be an 11-digit mobile number',
    card_invalid: 'Card numbers have 16–19 digits and a valid check digit',
  },
  study_checks: {
    figures: 'Our funded students (term %{term})',
    funded: 'Funded and studying',
    checks_due: 'Checks due this term',
    dropouts: 'Dropped out',
    refunds: 'Refunds (count / amount)',
    dropout: 'Record dropout',
    behind_title: 'Funded students not yet checked in term %{term}: %{total}',
    behind_unions: 'By level-2 union',
    behind_institutions: 'By institution',
    none_behind: 'All checked',
    dropout_hint:
      'Withdrawal recorded: record the dropout on the application; the check alone changes nothing',
  },
  validation: {
    window: 'Closing date cannot precede the opening date',
    code: 'Lower-case letters, digits and hyphens (2–40)',
  },
};
