import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../server/domain/eligibility';
import { heldBack, type HoldFacts } from '../../server/domain/money';
import {
  addMonths,
  DEFAULT_MIN_STUDY_MONTHS,
  frozenDateProblems,
  graduationDeadlineOf,
  intakeProblem,
  monthsBetween,
  processWindowOpen,
  roundDateProblems,
  studyLengthProblem,
  waitlistClosed,
  withDefaults,
  type RoundDates,
  type RoundUse,
} from '../../server/domain/rounds';

/** A spring round: applications in February, enrolment March to July. */
const BASE = {
  opensOn: '2027-02-01',
  closesOn: '2027-02-28',
  intakeFrom: '2027-03-01',
  intakeTo: '2027-07-31',
};
const dates = (over: Partial<RoundDates> = {}): RoundDates => ({ ...withDefaults(BASE), ...over });
const fields = (r: RoundDates) => roundDateProblems(r).map((p) => p.field);
const ruleOf = (r: RoundDates, field: string) => roundDateProblems(r).find((p) => p.field === field)?.rule;
const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar months (addMonths, monthsBetween)', () => {
  it('adds whole months across the turn of a year, forwards and backwards', () => {
    expect(addMonths('2026-08-01', 12)).toBe('2027-08-01');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(addMonths('2026-08-01', -12)).toBe('2025-08-01');
    expect(addMonths('2026-09-01', 30)).toBe('2029-03-01');
    expect(addMonths('2026-09-01', 0)).toBe('2026-09-01');
  });

  it('the 31st of a shorter month falls back to its last day: Jan 31 + 1 month is Feb 28, or Feb 29 in a leap year', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-03-31', 1)).toBe('2027-04-30');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 30)).toBe('2029-02-28');
  });

  it('Feb 29 plus a year is Feb 28, plus four years Feb 29 again', () => {
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2028-02-29', -12)).toBe('2027-02-28');
    // 2100 is not a leap year (divisible by 100, not by 400); 2000 was.
    expect(addMonths('2096-02-29', 48)).toBe('2100-02-28');
    expect(addMonths('1996-02-29', 48)).toBe('2000-02-29');
  });

  it('counts whole months; a day short of a month does not count', () => {
    expect(monthsBetween('2026-09-01', '2029-03-01')).toBe(30);
    expect(monthsBetween('2026-09-01', '2029-02-28')).toBe(29);
    expect(monthsBetween('2026-09-15', '2026-10-14')).toBe(0);
    expect(monthsBetween('2026-09-15', '2026-10-15')).toBe(1);
    expect(monthsBetween('2026-12-01', '2027-01-01')).toBe(1);
  });

  it('R2: monthsBetween agrees with addMonths, also from the end of a month (Aug 31 + 30 months = Feb 28 is 30 whole months)', () => {
    // studyLengthProblem counts 30 months from 2026-08-31 as reached on 2029-02-28; so must monthsBetween.
    expect(addMonths('2026-08-31', 30)).toBe('2029-02-28');
    expect(monthsBetween('2026-08-31', '2029-02-28')).toBe(30);
    expect(monthsBetween('2027-01-31', '2027-02-28')).toBe(1);
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (from, n) => {
        expect(monthsBetween(from, addMonths(from, n))).toBe(n);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 500) },
    );
  });

  it('addMonths answers a real calendar day, never a later day of the month, in the direction asked', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -48, max: 48 }), (from, n) => {
        const to = addMonths(from, n);
        expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${to}T00:00:00Z`).toISOString().slice(0, 10)).toBe(to);
        expect(Number(to.slice(8))).toBeLessThanOrEqual(Number(from.slice(8)));
        if (n > 0) expect(to > from).toBe(true);
        if (n < 0) expect(to < from).toBe(true);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 500) },
    );
  });
});

describe('a round’s defaults (withDefaults)', () => {
  it('R2/R7/R6: processPayBy a year after the intake starts, the waitlist closing with it, 30 months of study, the graduation deadline three years on', () => {
    expect(withDefaults(BASE)).toEqual({
      ...BASE,
      processPayBy: '2028-03-01',
      waitlistClosesOn: '2028-03-01',
      minStudyMonths: DEFAULT_MIN_STUDY_MONTHS,
      graduationDeadline: '2030-03-01',
    });
    expect(DEFAULT_MIN_STUDY_MONTHS).toBe(30);
  });

  it('R7: the waitlist closes with a processPayBy given, unless it has its own date', () => {
    expect(withDefaults({ ...BASE, processPayBy: '2028-01-15' })).toMatchObject({
      processPayBy: '2028-01-15',
      waitlistClosesOn: '2028-01-15',
    });
    expect(
      withDefaults({ ...BASE, processPayBy: '2028-01-15', waitlistClosesOn: '2027-12-01' }),
    ).toMatchObject({
      processPayBy: '2028-01-15',
      waitlistClosesOn: '2027-12-01',
    });
  });

  it('null or empty dates and a null minStudyMonths take the defaults; a given minStudyMonths stays, even one out of bounds', () => {
    expect(
      withDefaults({ ...BASE, processPayBy: null, waitlistClosesOn: '', minStudyMonths: null }),
    ).toMatchObject({ processPayBy: '2028-03-01', waitlistClosesOn: '2028-03-01', minStudyMonths: 30 });
    expect(withDefaults({ ...BASE, minStudyMonths: 24 }).minStudyMonths).toBe(24);
    expect(withDefaults({ ...BASE, minStudyMonths: 0 }).minStudyMonths).toBe(0);
  });

  it('R6: the graduation deadline is derived from intakeFrom, never taken from the input', () => {
    const given = { ...BASE, graduationDeadline: '2099-01-01' } as Parameters<typeof withDefaults>[0];
    expect(withDefaults(given).graduationDeadline).toBe('2030-03-01');
    expect(graduationDeadlineOf('2026-08-01')).toBe('2029-08-01');
    expect(graduationDeadlineOf('2028-02-29')).toBe('2031-02-28');
  });

  it('a leap-day intake: processPayBy and the deadline fall back to Feb 28', () => {
    expect(
      withDefaults({
        opensOn: '2028-01-10',
        closesOn: '2028-02-10',
        intakeFrom: '2028-02-29',
        intakeTo: '2028-07-31',
      }),
    ).toMatchObject({
      processPayBy: '2029-02-28',
      waitlistClosesOn: '2029-02-28',
      graduationDeadline: '2031-02-28',
    });
  });
});

describe('a round’s dates checked together (roundDateProblems)', () => {
  it('the defaults of a well-formed round raise nothing', () => {
    expect(roundDateProblems(dates())).toEqual([]);
  });

  it('R11: closesOn before opensOn names closesOn; the same day is a one-day window', () => {
    expect(fields(dates({ closesOn: '2027-01-31' }))).toEqual(['closesOn']);
    expect(ruleOf(dates({ closesOn: '2027-01-31' }), 'closesOn')).toBe('R11');
    expect(fields(dates({ closesOn: '2027-02-01' }))).toEqual([]);
  });

  it('R9c: intakeTo before intakeFrom names intakeTo; a one-day intake is fine', () => {
    expect(fields(dates({ intakeTo: '2027-02-28' }))).toEqual(['intakeTo']);
    expect(ruleOf(dates({ intakeTo: '2027-02-28' }), 'intakeTo')).toBe('R9c');
    expect(fields(dates({ intakeTo: '2027-03-01' }))).toEqual([]);
  });

  it('R9c: an intake of at most a year: intakeFrom + 12 months passes, the day after names intakeTo', () => {
    expect(fields(dates({ intakeTo: '2028-03-01' }))).toEqual([]);
    expect(fields(dates({ intakeTo: '2028-03-02' }))).toEqual(['intakeTo']);
    expect(ruleOf(dates({ intakeTo: '2028-03-02' }), 'intakeTo')).toBe('R9c');
    // from a leap day: a year on is Feb 28
    const leap = { intakeFrom: '2028-02-29', opensOn: '2028-01-10', closesOn: '2028-02-10' };
    expect(fields(dates({ ...leap, intakeTo: '2029-02-28' }))).toEqual([]);
    expect(fields(dates({ ...leap, intakeTo: '2029-03-01' }))).toEqual(['intakeTo']);
  });

  it('R11: the window opens no earlier than a year before the intake starts', () => {
    expect(fields(dates({ opensOn: '2026-03-01' }))).toEqual([]);
    expect(fields(dates({ opensOn: '2026-02-28' }))).toEqual(['opensOn']);
    expect(ruleOf(dates({ opensOn: '2026-02-28' }), 'opensOn')).toBe('R11');
  });

  it('R11: the window opens no later than a year after the intake ends', () => {
    const late = (opensOn: string) =>
      dates({ opensOn, closesOn: opensOn, processPayBy: '2028-09-01', waitlistClosesOn: '2028-09-01' });
    expect(fields(late('2028-07-31'))).toEqual([]);
    expect(fields(late('2028-08-01'))).toEqual(['opensOn']);
  });

  it('R2: processPayBy no earlier than closesOn (the same day passes) and within two years of intakeFrom', () => {
    expect(fields(dates({ processPayBy: '2027-02-28', waitlistClosesOn: '2027-02-28' }))).toEqual([]);
    // The waitlist cannot fit between closesOn and an earlier processPayBy either.
    expect(fields(dates({ processPayBy: '2027-02-27' }))).toEqual(['processPayBy', 'waitlistClosesOn']);
    expect(ruleOf(dates({ processPayBy: '2027-02-27' }), 'processPayBy')).toBe('R2');
    expect(fields(dates({ processPayBy: '2029-03-01' }))).toEqual([]);
    expect(fields(dates({ processPayBy: '2029-03-02' }))).toEqual(['processPayBy']);
    expect(ruleOf(dates({ processPayBy: '2029-03-02' }), 'processPayBy')).toBe('R2');
  });

  it('R7: waitlistClosesOn between closesOn and processPayBy, both ends included', () => {
    expect(fields(dates({ waitlistClosesOn: '2027-02-28' }))).toEqual([]);
    expect(fields(dates({ waitlistClosesOn: '2027-02-27' }))).toEqual(['waitlistClosesOn']);
    expect(fields(dates({ waitlistClosesOn: '2028-03-01' }))).toEqual([]);
    expect(fields(dates({ waitlistClosesOn: '2028-03-02' }))).toEqual(['waitlistClosesOn']);
    expect(ruleOf(dates({ waitlistClosesOn: '2028-03-02' }), 'waitlistClosesOn')).toBe('R7');
  });

  it('R2: minStudyMonths a whole number from 12 to 36', () => {
    for (const ok of [12, 30, 36]) expect(fields(dates({ minStudyMonths: ok }))).toEqual([]);
    for (const bad of [0, 11, 37, 72, 30.5])
      expect(fields(dates({ minStudyMonths: bad })), String(bad)).toEqual(['minStudyMonths']);
    expect(ruleOf(dates({ minStudyMonths: 11 }), 'minStudyMonths')).toBe('R2');
  });

  it('every problem at once, in the order of the form: closesOn, intakeTo, opensOn, processPayBy, waitlistClosesOn, minStudyMonths', () => {
    const all = roundDateProblems({
      opensOn: '2020-01-01',
      closesOn: '2019-12-31',
      intakeFrom: '2027-03-01',
      intakeTo: '2027-01-01',
      processPayBy: '2019-12-30',
      waitlistClosesOn: '2019-12-29',
      minStudyMonths: 6,
      graduationDeadline: '2030-03-01',
    });
    expect(all.map((p) => [p.field, p.rule])).toEqual([
      ['closesOn', 'R11'],
      ['intakeTo', 'R9c'],
      ['opensOn', 'R11'],
      ['processPayBy', 'R2'],
      ['waitlistClosesOn', 'R7'],
      ['minStudyMonths', 'R2'],
    ]);
    for (const p of all) expect(p.message).toBeTruthy();
  });
});

describe('dates the history used (frozenDateProblems)', () => {
  const before = dates();
  const use = (over: Partial<RoundUse> = {}): RoundUse => ({
    submitted: false,
    processPaid: false,
    graduationsReported: false,
    today: '2027-02-10',
    ...over,
  });
  const frozen = (after: Partial<RoundDates>, u: Partial<RoundUse> = {}) =>
    frozenDateProblems(before, { ...before, ...after }, use(u)).map((p) => [p.field, p.rule]);

  it('nothing used: every date may move', () => {
    expect(
      frozen({
        intakeFrom: '2027-03-02',
        intakeTo: '2027-07-30',
        processPayBy: '2028-02-01',
        waitlistClosesOn: '2028-01-01',
        minStudyMonths: 24,
      }),
    ).toEqual([]);
  });

  it('R9c: after a submission the intake dates no longer move; the window still may', () => {
    expect(frozen({ intakeFrom: '2027-03-02' }, { submitted: true })).toEqual([['intakeFrom', 'R9c']]);
    expect(frozen({ intakeTo: '2027-07-30' }, { submitted: true })).toEqual([['intakeTo', 'R9c']]);
    expect(frozen({ closesOn: '2027-03-15' }, { submitted: true })).toEqual([]);
    expect(
      frozen({}, { submitted: true, processPaid: true, graduationsReported: true, today: '2031-01-01' }),
    ).toEqual([]);
  });

  it('R2: processPayBy moves until the day after it passed, or until a process payment was made by it', () => {
    const later = { processPayBy: '2028-04-01' };
    expect(frozen(later, { today: '2028-02-29' })).toEqual([]);
    expect(frozen(later, { today: '2028-03-01' })).toEqual([]); // the last day of the window
    expect(frozen(later, { today: '2028-03-02' })).toEqual([['processPayBy', 'R2']]);
    expect(frozen(later, { processPaid: true })).toEqual([['processPayBy', 'R2']]);
  });

  it('R7: waitlistClosesOn moves until the day it closes', () => {
    const later = { waitlistClosesOn: '2028-02-01' };
    expect(frozen(later, { today: '2028-02-29' })).toEqual([]);
    expect(frozen(later, { today: '2028-03-01' })).toEqual([['waitlistClosesOn', 'R7']]);
    expect(frozen(later, { today: '2028-03-02' })).toEqual([['waitlistClosesOn', 'R7']]);
  });

  it('R2: minStudyMonths no longer moves once a graduation was reported', () => {
    expect(frozen({ minStudyMonths: 24 }, { submitted: true, processPaid: true })).toEqual([]);
    expect(frozen({ minStudyMonths: 24 }, { graduationsReported: true })).toEqual([['minStudyMonths', 'R2']]);
  });
});

describe('R9c: the enrolment date belongs to the intake (intakeProblem)', () => {
  const intake = { intakeFrom: '2026-08-01', intakeTo: '2026-12-31' };
  it('R9c: the day before intakeFrom and the day after intakeTo are refused, naming enrolledOn', () => {
    for (const d of ['2026-07-31', '2027-01-01']) {
      const p = intakeProblem(intake, d);
      expect(p, d).toMatchObject({ rule: 'R9c', field: 'enrolledOn' });
      expect(p!.message).toContain('2026-08-01');
      expect(p!.message).toContain('2026-12-31');
    }
  });
  it('R9c: intakeFrom and intakeTo themselves belong to the intake', () => {
    for (const d of ['2026-08-01', '2026-09-01', '2026-12-31'])
      expect(intakeProblem(intake, d), d).toBeNull();
  });
});

describe('R2: the shortest study before a graduation counts (studyLengthProblem)', () => {
  it('R2: the day before enrolledOn + minStudyMonths is refused, naming date and the earliest day; the day itself passes', () => {
    const p = studyLengthProblem('2026-09-01', '2029-02-28', 30);
    expect(p).toMatchObject({ rule: 'R2', field: 'date' });
    expect(p!.message).toContain('2029-03-01');
    expect(studyLengthProblem('2026-09-01', '2029-03-01', 30)).toBeNull();
    expect(studyLengthProblem('2026-09-01', '2026-12-01', 30)).toMatchObject({ rule: 'R2' });
  });

  it('R2: from the end of a month the earliest day falls back to the last day of the shorter month', () => {
    expect(studyLengthProblem('2026-08-31', '2029-02-27', 30)).toMatchObject({ rule: 'R2' });
    expect(studyLengthProblem('2026-08-31', '2029-02-28', 30)).toBeNull();
    // 2028 is a leap year: 30 months after 2025-08-31 is 2028-02-29
    expect(studyLengthProblem('2025-08-31', '2028-02-28', 30)).toMatchObject({ rule: 'R2' });
    expect(studyLengthProblem('2025-08-31', '2028-02-29', 30)).toBeNull();
  });

  it('R2: the round’s own minimum counts, not the default', () => {
    expect(studyLengthProblem('2026-09-01', '2027-09-01', 12)).toBeNull();
    expect(studyLengthProblem('2026-09-01', '2027-08-31', 12)).toMatchObject({ rule: 'R2' });
  });
});

describe('the clock’s days in China time (processWindowOpen, waitlistClosed)', () => {
  it('R2: the process window is open through processPayBy and shut the day after, unless the city allowed it late', () => {
    expect(processWindowOpen('2027-08-01', '2027-07-31', false)).toBe(true);
    expect(processWindowOpen('2027-08-01', '2027-08-01', false)).toBe(true);
    expect(processWindowOpen('2027-08-01', '2027-08-02', false)).toBe(false);
    expect(processWindowOpen('2027-08-01', '2030-01-01', true)).toBe(true);
  });

  it('R7: the waitlist is open the day before waitlistClosesOn and closed from that day on', () => {
    expect(waitlistClosed('2027-08-01', '2027-07-31')).toBe(false);
    expect(waitlistClosed('2027-08-01', '2027-08-01')).toBe(true);
    expect(waitlistClosed('2027-08-01', '2027-08-02')).toBe(true);
  });

  it('R2/R7: the day turns at 16:00 UTC (midnight in Kunming), not at UTC midnight', () => {
    const at = (iso: string) => chinaDate(new Date(iso));
    expect(at('2027-07-31T15:59:59Z')).toBe('2027-07-31');
    expect(at('2027-07-31T16:00:00Z')).toBe('2027-08-01');
    expect(at('2027-08-01T15:59:59Z')).toBe('2027-08-01');
    expect(at('2027-08-01T16:00:00Z')).toBe('2027-08-02');
    expect(waitlistClosed('2027-08-01', at('2027-07-31T15:59:59Z'))).toBe(false);
    expect(waitlistClosed('2027-08-01', at('2027-07-31T16:00:00Z'))).toBe(true);
    expect(processWindowOpen('2027-08-01', at('2027-08-01T15:59:59Z'), false)).toBe(true);
    expect(processWindowOpen('2027-08-01', at('2027-08-01T16:00:00Z'), false)).toBe(false);
  });
});

describe('R2: money held back (heldBack)', () => {
  const facts = (over: Partial<HoldFacts> = {}): HoldFacts => ({
    today: '2027-08-01',
    processPayBy: '2027-08-01',
    enrollmentVerifiedAt: '2026-11-20T02:00:00.000Z',
    lateProcessApprovedAt: null,
    ...over,
  });

  it('R2: no money of either stage before the enrollment report is accepted, even inside the window', () => {
    for (const stage of ['process', 'result'] as const) {
      const p = heldBack(stage, facts({ enrollmentVerifiedAt: null, today: '2026-11-20' }));
      expect(p, stage).toMatchObject({ rule: 'R2' });
    }
    // the late approval does not stand in for the report
    expect(
      heldBack('process', facts({ enrollmentVerifiedAt: null, lateProcessApprovedAt: '2027-09-01' })),
    ).toMatchObject({
      rule: 'R2',
    });
  });

  it('R2: a verified process subsidy is due through processPayBy and held back the day after', () => {
    expect(heldBack('process', facts({ today: '2027-07-31' }))).toBeNull();
    expect(heldBack('process', facts({ today: '2027-08-01' }))).toBeNull();
    const late = heldBack('process', facts({ today: '2027-08-02' }));
    expect(late).toMatchObject({ rule: 'R2' });
    expect(late!.message).toContain('2027-08-01');
  });

  it('R2: the city’s late approval opens the process window again', () => {
    expect(
      heldBack('process', facts({ today: '2029-01-01', lateProcessApprovedAt: '2028-12-01T00:00:00Z' })),
    ).toBeNull();
  });

  it('R2: processPayBy does not bind the result subsidy', () => {
    expect(heldBack('result', facts({ today: '2029-07-01' }))).toBeNull();
  });
});
