import { describe, expect, it } from 'vitest';
import { mayReceive, mayTransfer } from '../../admin/src/allocations/allocationRules';
import {
  commentRequired,
  mayRecordDropout,
  mayReportGraduation,
  mayReviewNow,
  mayVerifyGraduation,
} from '../../admin/src/applications/reviewRules';
import { isPayer, mayPay, mayReissue } from '../../admin/src/payments/paymentRules';
import type { AppUser } from '../../admin/src/providers/authProvider';

const user = (u: Partial<AppUser>): AppUser => ({
  id: 1,
  username: 'u',
  displayName: 'u',
  role: 'org_admin',
  organizationId: 2,
  institutionId: null,
  workerId: null,
  orgLevel: 2,
  orgPath: null,
  level2Id: null,
  mustChangePassword: false,
  ...u,
});

describe('review buttons (R13)', () => {
  it('show only to the role whose step the application waits at', () => {
    const atStep2 = { status: 'unit_approved', currentStep: 2 };
    expect(mayReviewNow('org_admin', atStep2)).toBe(true);
    expect(mayReviewNow('unit_admin', atStep2)).toBe(false);
    expect(mayReviewNow('city_admin', atStep2)).toBe(false);
    expect(mayReviewNow('city_admin', { status: 'unit_approved', currentStep: 3 })).toBe(true); // a direct union's application
    expect(mayReviewNow('institution', { status: 'submitted', currentStep: 1 })).toBe(false);
    expect(mayReviewNow('unit_admin', { status: 'approved', currentStep: null })).toBe(false);
    expect(mayReviewNow(undefined, atStep2)).toBe(false);
  });

  it('ask for a reason when returning or rejecting', () => {
    expect(commentRequired('approve')).toBe(false);
    expect(commentRequired('return')).toBe(true);
    expect(commentRequired('reject')).toBe(true);
  });

  it('R5: offer a dropout only from approved or process_paid, to the roles allowed', () => {
    expect(mayRecordDropout('institution', { status: 'process_paid' })).toBe(true);
    expect(mayRecordDropout('city_admin', { status: 'approved' })).toBe(true);
    expect(mayRecordDropout('city_admin', { status: 'graduated' })).toBe(false);
    expect(mayRecordDropout('unit_admin', { status: 'approved' })).toBe(false);
  });

  it('R2: graduation is reported after the process subsidy and verified once by the city', () => {
    expect(mayReportGraduation('institution', { status: 'process_paid' })).toBe(true);
    expect(
      mayReportGraduation('institution', { status: 'graduated', graduationVerifiedAt: '2022-07-01' }),
    ).toBe(false);
    expect(mayVerifyGraduation('city_admin', { status: 'graduated', graduationVerifiedAt: null })).toBe(true);
    expect(
      mayVerifyGraduation('city_admin', { status: 'graduated', graduationVerifiedAt: '2022-07-01' }),
    ).toBe(false);
    expect(mayVerifyGraduation('org_admin', { status: 'graduated', graduationVerifiedAt: null })).toBe(false);
  });
});

describe('money buttons (R3)', () => {
  it('the city transfers a created allocation; only the union it is for confirms receipt', () => {
    expect(
      mayTransfer(user({ role: 'city_admin', orgLevel: 1, organizationId: 1 }), {
        status: 'created',
        organizationId: 2,
      }),
    ).toBe(true);
    expect(
      mayTransfer(user({ role: 'city_admin', orgLevel: 1, organizationId: 1 }), {
        status: 'transferred',
        organizationId: 2,
      }),
    ).toBe(false);
    expect(mayReceive(user({}), { status: 'transferred', organizationId: 2 })).toBe(true);
    expect(mayReceive(user({ organizationId: 3 }), { status: 'transferred', organizationId: 2 })).toBe(false);
    expect(
      mayReceive(user({ role: 'unit_admin', orgLevel: 2, organizationId: 25 }), {
        status: 'transferred',
        organizationId: 25,
      }),
    ).toBe(true);
    expect(
      mayReceive(user({ role: 'unit_admin', orgLevel: 3, organizationId: 31 }), {
        status: 'transferred',
        organizationId: 31,
      }),
    ).toBe(false);
  });

  it('only the payer marks a payment: the school for an agency one, the union for a direct one', () => {
    const agency = { status: 'pending', channel: 'agency', payerOrganizationId: 30, organizationId: 4 };
    const direct = { status: 'pending', channel: 'direct', payerOrganizationId: 2, organizationId: 2 };
    expect(isPayer(user({ role: 'agent', organizationId: 30 }), agency)).toBe(true);
    expect(isPayer(user({ organizationId: 4 }), agency)).toBe(false);
    expect(mayPay(user({}), direct)).toBe(true);
    expect(mayPay(user({ role: 'agent', organizationId: 30 }), direct)).toBe(false);
    expect(mayPay(user({}), { ...direct, status: 'paid' })).toBe(false);
    expect(mayReissue(user({}), { ...direct, status: 'failed' })).toBe(true);
    expect(mayReissue(user({ role: 'agent', organizationId: 30 }), { ...agency, status: 'failed' })).toBe(
      false,
    );
  });
});
