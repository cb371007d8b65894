import { describe, expect, it } from 'vitest';
import {
  checkRosterRow,
  rosterChanges,
  rosterDate,
  rosterFacts,
  rosterStatus,
} from '../../server/domain/roster';
import { makeIdNumber } from '../helpers/fixtures';

const cells = (over: Record<string, string> = {}) => ({
  name: '张三',
  idNumber: makeIdNumber(1),
  phone: '13700000001',
  jobTitle: '操作工',
  isFrontline: '是',
  memberSince: '2019/3/1',
  duesPaid: '是',
  ...over,
});

describe('member roster rows', () => {
  it('R9a: a well-formed row is a member with dues paid, its date normalised', () => {
    const { value, problems } = checkRosterRow(cells(), 2, '2026-11-20');
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ row: 2, isFrontline: true, duesPaid: true, memberSince: '2019-03-01' });
    expect(rosterFacts(value!)).toMatchObject({ isUnionMember: true, onRoster: true });
    const unpaid = checkRosterRow(cells({ duesPaid: '否' }), 3, '2026-11-20').value!;
    expect(rosterFacts(unpaid).isUnionMember).toBe(false);
  });

  it('R9b: a post above 科室主任 marked front-line is refused; not front-line it passes', () => {
    const { problems } = checkRosterRow(cells({ jobTitle: '副总经理' }), 4, '2026-11-20');
    expect(problems).toEqual([expect.objectContaining({ row: 4, field: 'isFrontline', rule: 'R9b' })]);
    expect(
      checkRosterRow(cells({ jobTitle: '副总经理', isFrontline: '否' }), 4, '2026-11-20').problems,
    ).toEqual([]);
    expect(checkRosterRow(cells({ jobTitle: '车间主任' }), 4, '2026-11-20').problems).toEqual([]);
  });

  it('R9a: a bad check digit, a bad phone, a future membership date and a blank yes/no are named by field', () => {
    const id = makeIdNumber(1);
    const { problems } = checkRosterRow(
      cells({
        idNumber: id.slice(0, 17) + (id[17] === '1' ? '2' : '1'),
        phone: '1234',
        memberSince: '2030-01-01',
        duesPaid: '?',
      }),
      5,
      '2026-11-20',
    );
    expect(problems.map((p) => p.field)).toEqual(['idNumber', 'phone', 'memberSince', 'duesPaid']);
    expect(rosterDate('2019-02-30')).toBeNull();
    expect(rosterDate('20190301')).toBe('2019-03-01');
  });

  it('R9a: an identical row changes nothing; a never-attested worker is attested by the roster', () => {
    const facts = rosterFacts(checkRosterRow(cells(), 2, '2026-11-20').value!);
    expect(rosterChanges({ ...facts, attestedAt: '2026-01-01T00:00:00Z' }, facts)).toEqual([]);
    expect(rosterChanges({ ...facts, attestedAt: null }, facts)).toEqual(['isUnionMember']);
    expect(rosterChanges({ ...facts, phone: '13800000000', attestedAt: 'x' }, facts)).toEqual(['phone']);
  });

  it('R9a: the roster status: none without a roster, dropped when not on it, verified with dues paid', () => {
    expect(rosterStatus({ onRoster: null, memberDuesPaid: null }, null)).toBe('none');
    expect(rosterStatus({ onRoster: true, memberDuesPaid: true }, null)).toBe('none');
    expect(rosterStatus({ onRoster: false, memberDuesPaid: true }, '2026-11-20')).toBe('dropped');
    expect(rosterStatus({ onRoster: null, memberDuesPaid: null }, '2026-11-20')).toBe('dropped');
    expect(rosterStatus({ onRoster: true, memberDuesPaid: false }, '2026-11-20')).toBe('dues_unpaid');
    expect(rosterStatus({ onRoster: true, memberDuesPaid: true }, '2026-11-20')).toBe('verified');
  });
});
