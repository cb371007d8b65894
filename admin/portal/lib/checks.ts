import type { MessageKey, Params } from '../i18n';
import { LEVEL_FREE } from './status';
import type { Application, DocumentKind, Organization, Round, Worker } from './types';

/**
 * The pre-submit check: every condition `submit` enforces (server/domain/eligibility.ts), in words a
 * worker understands, so nothing is refused without saying why. The server stays the judge.
 */
export interface Check {
  id: string;
  ok: boolean;
  key: MessageKey;
  params?: Params;
  rule: string;
  blocking: boolean;
  fix?: 'round' | 'study' | 'documents' | 'union';
}

export const REQUIRED: readonly DocumentKind[] = [
  'id_card',
  'admission_notice',
  'tuition_receipt',
  'application_form',
];

export interface CheckFacts {
  today: string;
  round: Round | undefined;
  worker: Worker;
  unit: Organization | null;
  application: Partial<Application>;
  institutionName?: string;
  documentKinds: readonly string[];
  others: readonly Application[];
}

export function preSubmitChecks(
  f: CheckFacts,
  levelName: (l: string) => string,
  docName: (k: DocumentKind) => string,
): Check[] {
  const a = f.application,
    out: Check[] = [];
  const add = (
    id: string,
    ok: boolean,
    okKey: MessageKey,
    badKey: MessageKey,
    rule: string,
    fix: Check['fix'],
    params?: Params,
    blocking = true,
  ) => out.push({ id, ok, key: ok ? okKey : badKey, params, rule, blocking, fix });

  const r = f.round;
  // A resubmission after a return keeps its place and is not held to the window (R7, R11).
  const inWindow = !!r && (!!a.submittedAt || (r.opensOn <= f.today && f.today <= r.closesOn));
  add('window', inWindow, 'check.windowOk', 'check.windowBad', 'R11', 'round', {
    opens: r?.opensOn ?? '',
    closes: r?.closesOn ?? '',
  });
  add('institution', !!a.institutionId, 'check.institutionOk', 'check.institutionBad', 'R9c', 'round', {
    name: f.institutionName ?? '',
  });
  add(
    'level',
    a.educationLevel === 'associate' || a.educationLevel === 'bachelor',
    'check.levelOk',
    'check.levelBad',
    'R9c',
    'study',
    { level: a.educationLevel ? levelName(a.educationLevel) : '' },
  );
  add('major', !!a.major?.trim(), 'check.majorOk', 'check.majorBad', 'R9d', 'study', {
    major: a.major ?? '',
  });
  add('enrolledOn', !!a.enrolledOn, 'check.enrolledOk', 'check.enrolledBad', 'R9c', 'study', {
    date: a.enrolledOn ?? '',
  });
  const roster = f.worker.rosterStatus;
  add(
    'member',
    f.worker.isUnionMember && roster !== 'dropped' && roster !== 'dues_unpaid',
    roster === 'verified' ? 'check.memberVerified' : 'check.memberOk',
    roster === 'dropped'
      ? 'check.memberDropped'
      : roster === 'dues_unpaid'
        ? 'check.memberDues'
        : 'check.memberBad',
    'R9a',
    'union',
  );
  add('frontline', f.worker.isFrontline, 'check.frontlineOk', 'check.frontlineBad', 'R9b', 'union', {
    job: f.worker.jobTitle,
  });
  add('dues', f.unit?.duesPaid !== false, 'check.duesOk', 'check.duesBad', 'R9a', 'union', {
    unit: f.unit?.unitName ?? f.unit?.name ?? '',
  });
  const taken =
    !!a.educationLevel &&
    f.others.some(
      (o) => o.id !== a.id && o.educationLevel === a.educationLevel && !LEVEL_FREE.includes(o.status),
    );
  add('once', !taken, 'check.onceOk', 'check.onceBad', 'R9e', 'study', {
    level: a.educationLevel ? levelName(a.educationLevel) : '',
  });
  for (const k of REQUIRED)
    add(`doc-${k}`, f.documentKinds.includes(k), 'check.docOk', 'check.docBad', 'R12', 'documents', {
      doc: docName(k),
    });
  // R11: the enrollment verification report may follow after the window.
  add(
    'doc-enrollment_report',
    f.documentKinds.includes('enrollment_report'),
    'check.docOk',
    'check.reportLater',
    'R11',
    'documents',
    { doc: docName('enrollment_report') },
    false,
  );
  return out;
}

/** R9a: what the worker's home page says of its membership — verified by the roster, or what to ask the union for. */
export function membershipKey(w: Pick<Worker, 'isUnionMember' | 'rosterStatus'>): MessageKey | null {
  if (w.rosterStatus === 'verified') return 'home.memberVerified';
  if (w.rosterStatus === 'dropped') return 'home.memberDropped';
  if (w.rosterStatus === 'dues_unpaid') return 'home.memberDues';
  return w.isUnionMember ? null : 'home.memberUnknown';
}
