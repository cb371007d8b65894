import { describe, expect, it } from 'vitest';
import {
  inQuietHours,
  parseQuietHours,
  lapseWarning,
  redactNumbers,
  render,
  retryDelayMs,
  slotsOf,
  statusTemplate,
} from '../../server/domain/notifications';

describe('notifications', () => {
  it('a status move tells the worker by its action and new status; its own moves and payouts are silent', () => {
    expect(statusTemplate('review:approve', 'approved')).toBe('status.approved');
    expect(statusTemplate('review:return', 'returned')).toBe('status.returned');
    expect(statusTemplate('displace', 'waitlisted')).toBe('status.waitlisted');
    expect(statusTemplate('verify-graduation', 'graduated')).toBe('graduation.verified');
    expect(statusTemplate('withdraw', 'withdrawn')).toBeNull();
    expect(statusTemplate('payout', 'process_paid')).toBeNull();
    expect(statusTemplate('reopen', 'submitted')).toBeNull();
  });

  it('quiet hours are 21:00–08:00 China time', () => {
    expect(inQuietHours(new Date('2026-11-20T12:59:00Z'))).toBe(false); // 20:59
    expect(inQuietHours(new Date('2026-11-20T13:00:00Z'))).toBe(true); // 21:00
    expect(inQuietHours(new Date('2026-11-20T23:59:00Z'))).toBe(true); // 07:59
    expect(inQuietHours(new Date('2026-11-21T00:00:00Z'))).toBe(false); // 08:00
  });

  it('quiet hours are a setting: another span, or off', () => {
    expect(parseQuietHours(undefined)).toEqual({ from: 21, to: 8 });
    expect(parseQuietHours('off')).toBeNull();
    const q = parseQuietHours('22-7');
    expect(inQuietHours(new Date('2026-11-20T13:30:00Z'), q)).toBe(false); // 21:30
    expect(inQuietHours(new Date('2026-11-20T14:00:00Z'), q)).toBe(true); // 22:00
    expect(inQuietHours(new Date('2026-11-20T13:30:00Z'), null)).toBe(false);
    expect(inQuietHours(new Date('2026-11-20T05:00:00Z'), { from: 12, to: 14 })).toBe(true); // 13:00
    expect(() => parseQuietHours('25-7')).toThrow();
  });

  it('retries back off exponentially, at most six hours', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30)).toBe(6 * 3600_000);
  });

  it('no ID or card number in a text; phones and amounts pass', () => {
    expect(redactNumbers('身份证 53010219900101123X 卡 6222020200112233445')).toBe(
      '身份证 530****3X 卡 622****45',
    );
    expect(redactNumbers('手机 13900000001，500.00 元')).toBe('手机 13900000001，500.00 元');
  });

  it('templates fill their slots, show an unknown one, and name their slots', () => {
    expect(render('申请 #{applicationId}：{comment}', { applicationId: 7, comment: '请补充' })).toBe(
      '申请 #7：请补充',
    );
    expect(render('{nope}', {})).toBe('{nope}');
    expect(slotsOf('#{applicationId} {comment} {applicationId}')).toEqual(['applicationId', 'comment']);
  });

  it('R6: lapse warnings 90 and 30 days before the deadline', () => {
    expect(lapseWarning('2029-09-01', '2029-05-01')).toBeNull();
    expect(lapseWarning('2029-09-01', '2029-06-03')).toBe(90);
    expect(lapseWarning('2029-09-01', '2029-08-02')).toBe(30);
    expect(lapseWarning('2029-09-01', '2029-09-02')).toBeNull();
  });
});
