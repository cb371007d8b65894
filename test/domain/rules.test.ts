import { describe, expect, it } from 'vitest';
import {
  attestationProblems,
  chinaDate,
  isSeniorTitle,
  submitProblems,
  type SubmitFacts,
} from '../../server/domain/eligibility';
import {
  isValidCardNumber,
  isValidIdNumber,
  isValidPhone,
  maskIdNumber,
} from '../../server/domain/id-number';
import {
  assertTransition,
  reopenAt,
  reviewOutcome,
  TRANSITIONS,
  TransitionError,
  waitingStep,
  type Status,
} from '../../server/domain/lifecycle';
import { adjustProblem, extraPlacesProblem, promotions, settleApproval } from '../../server/domain/quota';

const facts = (over: Partial<SubmitFacts> = {}): SubmitFacts => ({
  today: '2019-11-20',
  round: { opensOn: '2019-11-11', closesOn: '2019-11-30', intakeFrom: '2019-08-01', intakeTo: '2019-12-31' },
  institution: { active: true, levels: 'associate,bachelor' },
  firstSubmittedAt: null,
  unit: { duesPaid: true, kind: 'grassroots' },
  application: {
    institutionId: 1,
    educationLevel: 'associate',
    major: '机电一体化',
    enrolledOn: '2019-09-01',
  },
  documentKinds: ['application_form', 'id_card', 'admission_notice', 'tuition_receipt'],
  sameLevelLive: 0,
  ...over,
});
const rules = (f: SubmitFacts) => submitProblems(f).map((p) => p.rule);

describe('eligibility at submit', () => {
  it('accepts a complete application inside the window', () => expect(submitProblems(facts())).toEqual([]));
  it('R11: refuses a first submission outside the window, on either side', () => {
    expect(rules(facts({ today: '2019-11-10' }))).toEqual(['R11']);
    expect(rules(facts({ today: '2019-12-01' }))).toEqual(['R11']);
    expect(rules(facts({ today: '2019-11-30' }))).toEqual([]);
  });
  it('R11: a resubmission after a return keeps its first submission inside the window', () => {
    expect(rules(facts({ today: '2019-12-05', firstSubmittedAt: '2019-11-15T01:00:00Z' }))).toEqual([]);
  });
  it('R9a: the unit must pay dues to submit', () => {
    expect(rules(facts({ unit: { duesPaid: false, kind: 'grassroots' } }))).toEqual(['R9a']);
  });
  const unattested = { attestedAt: null, isUnionMember: false, isFrontline: false };
  const attested = { attestedAt: '2026-01-05T02:00:00Z', isUnionMember: true, isFrontline: true };
  const attest = (f: Parameters<typeof attestationProblems>[0]) => attestationProblems(f).map((p) => p.rule);
  it('R9a/R9b: membership and the front-line post are attested by the unit, never assumed', () => {
    expect(attest({ worker: unattested })).toEqual(['R9a', 'R9b']);
    // flags set without an attestation (who, when) count for nothing
    expect(attest({ worker: { ...unattested, isUnionMember: true, isFrontline: true } })).toEqual([
      'R9a',
      'R9b',
    ]);
    expect(attest({ worker: attested })).toEqual([]);
    expect(attest({ worker: unattested, attest: { member: true, frontline: true } })).toEqual([]);
  });
  it('R9a: a worker attested as not a member is refused', () =>
    expect(attest({ worker: unattested, attest: { member: false, frontline: true } })).toEqual(['R9a']));
  it('R9b: a worker attested as above 科室主任 is refused, naming the field', () => {
    expect(attest({ worker: attested, attest: { member: true, frontline: false } })).toEqual(['R9b']);
    expect(attestationProblems({ worker: { ...attested, isFrontline: false } })[0]).toMatchObject({
      rule: 'R9b',
      field: 'attest.frontline',
    });
  });
  it('R9b: titles above 科室主任 are flagged to reviewers; heads of workshop, section and office are not', () => {
    for (const t of ['副总经理', '项目经理', '生产总监', '副厂长', '人事处长', '党支部书记'])
      expect(isSeniorTitle(t), t).toBe(true);
    for (const t of ['车间主任', '工段长', '科室主任', '焊工', '护士', '教师', '', null])
      expect(isSeniorTitle(t), String(t)).toBe(false);
  });
  it('R9b: a post above 科室主任 is attested front-line only with the unit’s reason', () => {
    const senior = { ...unattested, jobTitle: '项目经理' };
    expect(attest({ worker: senior, attest: { member: true, frontline: true } })).toEqual(['R9b']);
    expect(attest({ worker: senior, attest: { member: true, frontline: true, comment: '  ' } })).toEqual([
      'R9b',
    ]);
    expect(
      attest({
        worker: senior,
        attest: { member: true, frontline: true, comment: '实为一线班组长，名称沿用旧称' },
      }),
    ).toEqual([]);
    expect(
      attest({ worker: { ...unattested, jobTitle: '焊工' }, attest: { member: true, frontline: true } }),
    ).toEqual([]);
  });
  it('R9c: an associate or bachelor programme with institution and enrolment date', () => {
    expect(
      rules(
        facts({
          application: { institutionId: null, educationLevel: 'master', major: 'x', enrolledOn: null },
        }),
      ),
    ).toEqual(['R9c', 'R9c', 'R9c']);
  });
  it('R9e: one subsidy per worker per education level', () =>
    expect(rules(facts({ sameLevelLive: 1 }))).toEqual(['R9e']));
  it('R12: the four documents are required, the enrollment report may follow', () => {
    const p = submitProblems(facts({ documentKinds: ['id_card'] }));
    expect(p.map((x) => x.rule)).toEqual(['R12']);
    expect(p[0].message).toContain('申请表');
  });
  it('R11: dates are Kunming calendar days (UTC+8)', () => {
    expect(chinaDate(new Date('2019-11-30T16:30:00Z'))).toBe('2019-12-01');
    expect(chinaDate(new Date('2019-11-30T15:59:00Z'))).toBe('2019-11-30');
  });
});

describe('lifecycle', () => {
  const all = Object.keys(TRANSITIONS) as Status[];
  it('allows exactly the listed transitions and refuses every other', () => {
    for (const from of all)
      for (const to of all) {
        const allowed = TRANSITIONS[from].includes(to);
        if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
        else expect(() => assertTransition(from, to)).toThrow(TransitionError);
      }
  });
  it('R13: the step waiting follows the status; a direct union skips step 2', () => {
    expect(waitingStep('submitted', false)).toBe(1);
    expect(waitingStep('unit_approved', false)).toBe(2);
    expect(waitingStep('unit_approved', true)).toBe(3);
    expect(waitingStep('org_approved', false)).toBe(3);
    expect(waitingStep('approved', false)).toBeNull();
  });
  it('R13: a reviewer acts only at its own step', () => {
    expect(() => reviewOutcome('submitted', 2, 'approve', false)).toThrow(TransitionError);
    expect(() => reviewOutcome('approved', 3, 'approve', false)).toThrow(TransitionError);
    expect(reviewOutcome('submitted', 1, 'approve', true)).toEqual({
      status: 'unit_approved',
      currentStep: 3,
    });
    expect(reviewOutcome('unit_approved', 2, 'return', false)).toEqual({
      status: 'returned',
      currentStep: null,
    });
    expect(reviewOutcome('org_approved', 3, 'approve', false).status).toBe('quota');
  });
  it('R14: an upheld appeal reopens at the rejecting step', () => {
    expect(reopenAt(2, false)).toEqual({ status: 'unit_approved', currentStep: 2 });
    expect(reopenAt(3, true)).toEqual({ status: 'unit_approved', currentStep: 3 });
  });
});

describe('R7 quotas', () => {
  const c = (id: number, submittedAt: string) => ({ id, submittedAt });
  const p = (used: number, places: number) => ({ used, places });
  it('R7: approves while places are free, waitlists when full', () => {
    expect(settleApproval(c(1, 'b'), p(1, 2), [])).toEqual({ result: 'approved', fundedBy: 'city' });
    expect(settleApproval(c(1, 'b'), p(2, 2), [])).toEqual({ result: 'waitlisted' });
  });
  it('R7: an earlier submission takes the place of the latest untouched approval', () => {
    expect(settleApproval(c(5, '2019-11-12'), p(2, 2), [c(1, '2019-11-13'), c(2, '2019-11-20')])).toEqual({
      result: 'approved',
      fundedBy: 'city',
      displace: 2,
    });
    expect(settleApproval(c(5, '2019-11-25'), p(2, 2), [c(1, '2019-11-13'), c(2, '2019-11-20')])).toEqual({
      result: 'waitlisted',
    });
  });
  it('R8: a full city quota approves on a place the union funds itself, while one is free', () => {
    expect(settleApproval(c(5, 'b'), p(2, 2), [], p(0, 1))).toEqual({
      result: 'approved',
      fundedBy: 'union',
    });
    expect(settleApproval(c(5, 'b'), p(2, 2), [], p(1, 1))).toEqual({ result: 'waitlisted' });
    // a free city place always comes first
    expect(settleApproval(c(5, 'b'), p(1, 2), [], p(0, 1))).toEqual({ result: 'approved', fundedBy: 'city' });
    // both full: a later untouched approval on a union place yields it to an earlier submission (R7)
    expect(
      settleApproval(c(5, '2019-11-12'), p(2, 2), [{ ...c(3, '2019-11-20'), fundedBy: 'union' }], p(1, 1)),
    ).toEqual({ result: 'approved', fundedBy: 'union', displace: 3 });
  });
  it('R7: promotes the waitlist in submission order, as many as are free', () => {
    expect(promotions(p(3, 5), [c(9, '2019-11-20'), c(4, '2019-11-12'), c(7, '2019-11-15')])).toEqual([
      { id: 4, fundedBy: 'city' },
      { id: 7, fundedBy: 'city' },
    ]);
    expect(promotions(p(5, 5), [c(9, 'a')])).toEqual([]);
  });
  it('R8: promotion fills free city places first, then the union’s own', () => {
    expect(promotions(p(4, 5), [c(9, '3'), c(4, '1'), c(7, '2')], p(0, 1))).toEqual([
      { id: 4, fundedBy: 'city' },
      { id: 7, fundedBy: 'union' },
    ]);
  });
  it('R8: a union never lowers its own places below those taken', () => {
    expect(extraPlacesProblem(2, 3)?.rule).toBe('R8');
    expect(extraPlacesProblem(3, 3)).toBeNull();
  });
  it('R7: a quota is never lowered below the places used', () => {
    expect(adjustProblem(10, 8, -3)).toContain('不能少于');
    expect(adjustProblem(10, 8, -2)).toBeNull();
    expect(adjustProblem(10, 8, 0)).toBeTruthy();
  });
});

describe('personal data formats', () => {
  it('checks the GB 11643 check character', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194913310028')).toBe(false);
    expect(maskIdNumber('11010519491231002X')).toBe('11************002X');
  });
  it('checks phones and Luhn card numbers', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('12812345678')).toBe(false);
    expect(isValidCardNumber('6217000000000000004')).toBe(true);
    expect(isValidCardNumber('6217000000000000005')).toBe(false);
  });
});
