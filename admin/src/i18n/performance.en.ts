import type { dashboardZhCN, performanceZhCN } from './performance.zh-CN';

export const dashboardEn: typeof dashboardZhCN = {
  greeting: 'Hello, %{name}',
  role: 'Signed in as: %{role}',
  intro: 'Choose a task from the menu on the left.',
  must_change_password: 'Your password was set by someone else: please change it first.',
  change_password_now: 'Change now',
  work: 'Your work',
  figures: '%{round} at a glance',
  integrity_ok: 'Money integrity check passed (all §5 rules)',
  integrity_problems: 'The money integrity check found %{smart_count} problem |||| The money integrity check found %{smart_count} problems',
  piles: {
    review_overdue: 'Waiting over 7 days', review: 'Waiting for my review', appeals_overdue: 'Appeals overdue', appeals_open: 'Appeals to answer',
    allocations_to_transfer: 'Allocations to transfer', graduations_to_verify: 'Graduations to verify', refunds_to_receive: 'Refunds expected',
    refunds_to_confirm: 'Refunds to confirm', returns_to_confirm: 'Fund returns to confirm', allocations_to_receive: 'Allocations to receive',
    payments_to_make: 'Payments to make', payments_failed: 'Failed payments', students: 'Students', waitlisted: 'Waitlisted',
    outstanding_documents: 'Missing enrollment report', lapsing: 'Lapsing within 90 days', returned: 'Returned to the worker',
  },
  hints: {
    review_overdue: 'Oldest first', review: 'In submission order', appeals_overdue: 'Past the 15-day answer date', appeals_open: 'Answer within 15 days',
    allocations_to_transfer: 'Created, not yet transferred', graduations_to_verify: 'Reported, waiting for the city', refunds_to_receive: 'Process subsidies of dropouts',
    refunds_to_confirm: 'Received, to be confirmed', returns_to_confirm: 'Filed by level-2 unions', allocations_to_receive: 'Transferred by the city',
    payments_to_make: 'Paid by this union', payments_failed: 'Check the card, then pay again', students: 'Report dropouts and graduations',
    waitlisted: 'Promoted when a place frees up', outstanding_documents: 'May follow the window', lapsing: 'No result subsidy after three years',
    returned: 'Waiting for the worker to resubmit',
  },
};

export const performanceEn: typeof performanceZhCN = {
  menu: 'Performance',
  title: 'Programme performance',
  all_rounds: 'All rounds',
  scope_city: 'Scope: the whole city',
  scope_union: 'Scope: this union',
  empty: 'No data',
  sections: {
    funnel: 'Application funnel', unions: 'Places and reviews per union', institutions: 'Dropout and completion per institution',
    turnaround: 'Review time per level (median)', money: 'Money', priority: 'Priority groups (R10)', ranking: 'Union ranking (completion rate)',
  },
  funnel: { submitted: 'Submitted', unitApproved: 'Recommended', approved: 'Approved', processPaid: 'Process subsidy paid', graduated: 'Graduated', completed: 'Result subsidy paid' },
  money: {
    budgetedFen: 'Budgeted', allocatedFen: 'Allocated', receivedFen: 'Received', paidFen: 'Paid out', pendingFen: 'Pending',
    refundedFen: 'Refunded', returnedFen: 'Returned', heldFen: 'Held', matchingPaidFen: 'Matching paid',
  },
  priority: { frontline: 'Front-line workers', migrant: 'Migrant workers', hardship: 'Workers in hardship', keyIndustry: 'Key industries and posts' },
  step: 'Step', count: 'Count', of_previous: 'Of previous step', of_submitted: 'Of submitted', places: 'Places', rejected: 'Rejected',
  waitlisted: 'Waitlisted', quota_use: 'Places used', approval_rate: 'Approval rate', dropout_rate: 'Dropout rate', completion_rate: 'Completion rate',
  dropped_out: 'Dropped out', level: 'Level', reviews: 'Reviews', median_days: 'Median time', days: '%{n} days', item: 'Item',
  amount: 'Amount', group: 'Group', share: 'Share', rank: 'Rank', overdue_appeals: 'Overdue appeals',
  day_unit: ' d',
  union_level2: 'Level-2 union', union_grassroots: 'Grassroots union',
};
