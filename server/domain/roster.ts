/**
 * R9a/b from the union's member roster (会员名册): the columns of the sheet, one row checked on its
 * own, what a row changes on a worker already recorded, and the roster state reviewers see.
 * Plain data in, problems out: the checks across rows and against the database are the service's.
 */
import { isSeniorTitle } from './eligibility';
import { isValidIdNumber, isValidPhone, normalizeIdNumber } from './id-number';

export interface RosterProblem {
  row: number;
  field: RosterField;
  message: string;
  rule?: string;
}

export type RosterField =
  'name' | 'idNumber' | 'phone' | 'jobTitle' | 'isFrontline' | 'memberSince' | 'duesPaid' | 'unitCode';

/** The sheet's columns, in the template's order, with the headings a clerk may have typed instead. */
export const ROSTER_COLUMNS: { field: RosterField; header: string; aliases: string[]; required: boolean }[] =
  [
    { field: 'name', header: '姓名', aliases: ['name', '职工姓名'], required: true },
    {
      field: 'idNumber',
      header: '身份证号',
      aliases: ['idnumber', '身份证号码', '公民身份号码'],
      required: true,
    },
    { field: 'phone', header: '手机号', aliases: ['phone', '手机号码', '联系电话'], required: true },
    { field: 'jobTitle', header: '职务', aliases: ['jobtitle', '岗位', '职务/岗位'], required: false },
    {
      field: 'isFrontline',
      header: '一线岗位',
      aliases: ['isfrontline', 'frontline', '是否一线'],
      required: true,
    },
    { field: 'memberSince', header: '入会日期', aliases: ['membersince', '入会时间'], required: false },
    {
      field: 'duesPaid',
      header: '会费已缴',
      aliases: ['duespaid', '是否缴纳会费', '会费缴纳'],
      required: true,
    },
    { field: 'unitCode', header: '单位编码', aliases: ['unitcode', '工会编码'], required: false },
  ];

export const ROSTER_MAX_ROWS = 20_000;

export interface RosterRow {
  row: number;
  name: string;
  idNumber: string;
  phone: string;
  jobTitle: string;
  isFrontline: boolean;
  memberSince: string | null;
  duesPaid: boolean;
  unitCode: string;
}

const YES = ['是', 'y', 'yes', 'true', '1', '√', '✓'];
const NO = ['否', 'n', 'no', 'false', '0', '×', ''];

function yesNo(v: string): boolean | null {
  const s = v.trim().toLowerCase();
  if (YES.includes(s)) return true;
  if (NO.includes(s)) return false;
  return null;
}

/** 2019-03-01, 2019/3/1, 2019.3.1 or 20190301 → 2019-03-01; null when not a calendar day. */
export function rosterDate(v: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(v.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * One row on its own: the fields well formed (an ID number with its check character, a mobile number),
 * and R9b — a post above 科室主任 (经理, 总监, 厂长 …) is not front-line, so marking it so is refused.
 * `today` bounds the membership date.
 */
export function checkRosterRow(
  cells: Partial<Record<RosterField, string>>,
  row: number,
  today: string,
): { value?: RosterRow; problems: RosterProblem[] } {
  const p: RosterProblem[] = [];
  const get = (f: RosterField) => (cells[f] ?? '').trim();
  const name = get('name').replace(/\s+/g, '');
  if (name.length < 2 || name.length > 30) p.push({ row, field: 'name', message: '姓名应为 2–30 个字' });
  const idNumber = normalizeIdNumber(get('idNumber'));
  if (!/^\d{17}[\dX]$/.test(idNumber))
    p.push({ row, field: 'idNumber', message: '身份证号码应为 18 位（最后一位可为 X）' });
  else if (!isValidIdNumber(idNumber))
    p.push({ row, field: 'idNumber', message: '身份证号码校验位不正确（或出生日期无效）' });
  const phone = get('phone').replace(/[\s-]/g, '');
  if (!isValidPhone(phone)) p.push({ row, field: 'phone', message: '手机号应为 11 位手机号码' });
  const jobTitle = get('jobTitle');
  if (jobTitle.length > 30) p.push({ row, field: 'jobTitle', message: '职务最多 30 个字' });
  const isFrontline = yesNo(get('isFrontline'));
  if (isFrontline === null) p.push({ row, field: 'isFrontline', message: '「一线岗位」应填“是”或“否”' });
  else if (isFrontline && isSeniorTitle(jobTitle))
    p.push({
      row,
      field: 'isFrontline',
      rule: 'R9b',
      message: `职务「${jobTitle}」高于科室主任，不能标为一线岗位`,
    });
  const sinceText = get('memberSince');
  const memberSince = sinceText ? rosterDate(sinceText) : null;
  if (sinceText && (!memberSince || memberSince > today))
    p.push({ row, field: 'memberSince', message: '入会日期应为不晚于今天的日期，如 2019-03-01' });
  const duesPaid = yesNo(get('duesPaid'));
  if (duesPaid === null) p.push({ row, field: 'duesPaid', message: '「会费已缴」应填“是”或“否”' });
  if (p.length) return { problems: p };
  return {
    value: {
      row,
      name,
      idNumber,
      phone,
      jobTitle,
      isFrontline: isFrontline!,
      memberSince,
      duesPaid: duesPaid!,
      unitCode: get('unitCode'),
    },
    problems: [],
  };
}

/** What the roster says of a worker, in the worker's columns. R9a: a member with dues paid. */
export function rosterFacts(r: RosterRow) {
  return {
    name: r.name,
    phone: r.phone,
    jobTitle: r.jobTitle,
    isFrontline: r.isFrontline,
    isUnionMember: r.duesPaid,
    memberSince: r.memberSince,
    memberDuesPaid: r.duesPaid,
    onRoster: true,
  };
}

export type RosterFacts = ReturnType<typeof rosterFacts>;

/** The fields a roster row would change on a worker (empty: the row is unchanged). */
export function rosterChanges(
  current: { [K in keyof RosterFacts]: RosterFacts[K] | null } & { attestedAt: string | null },
  next: RosterFacts,
): (keyof RosterFacts)[] {
  const changed = (Object.keys(next) as (keyof RosterFacts)[]).filter((k) => current[k] !== next[k]);
  // Flags equal but never attested: the roster attests them now (R9a/b).
  if (!changed.length && !current.attestedAt) return ['isUnionMember'];
  return changed;
}

/**
 * R9a: where a worker stands with its unit's latest roster — `verified` (on it, dues paid), `dues_unpaid`,
 * `dropped` (the unit has a roster and the worker is not on it: flagged to reviewers) or `none` (the unit
 * has uploaded no roster: membership is attested by hand at the recommendation).
 */
export type RosterStatus = 'verified' | 'dues_unpaid' | 'dropped' | 'none';

export function rosterStatus(
  worker: { onRoster: boolean | null; memberDuesPaid: boolean | null },
  unitRosterAt: string | null,
): RosterStatus {
  if (!unitRosterAt) return 'none';
  if (!worker.onRoster) return 'dropped';
  return worker.memberDuesPaid ? 'verified' : 'dues_unpaid';
}
