import type { workZhCN } from './work.zh-CN';

export const workEn: typeof workZhCN = {
  actions: 'Actions',
  action: { done: 'Done' },
  review: {
    approve: 'Approve', return: 'Return', reject: 'Reject',
    approve_title: 'Approve application #%{id}', return_title: 'Return application #%{id}', reject_title: 'Reject application #%{id}',
    comment: 'Comment (optional)', comment_required: 'Reason (required; the applicant will see it)',
    done: 'Reviewed; the application is now: %{status}',
    waiting_for_you: 'This application waits for your review (%{step}): check the documents, then decide.',
  },
  bulk: {
    approve: 'Approve selected', approve_title: 'Approve %{smart_count} selected application |||| Approve %{smart_count} selected applications',
    results_title: 'Bulk review results', summary: '%{succeeded} succeeded, %{failed} failed', outcome: 'Outcome',
  },
  documents: {
    preview: 'Preview', open: 'Open in a new window', upload: 'Upload document', uploaded: 'Document uploaded', choose: 'Choose file',
    formats: 'PDF, JPEG or PNG, up to 10 MB each', too_big: 'The file is larger than 10 MB', none: 'No documents yet',
    unavailable: 'The file cannot be shown (it may no longer be on the server): open it in a new window or ask an administrator.',
  },
  timeline: {
    title: 'Progress', current: 'Now: %{label} (%{holder}) since %{since}', next: 'Next: %{next}', missing: 'Missing documents:',
  },
  others: { title: "The worker's other applications", none: 'No other applications' },
  dropout: {
    button: 'Record dropout', title: 'Record the dropout of application #%{id}', done: 'Dropout recorded',
    warning: 'Pending payments will be cancelled, a paid process subsidy becomes a refund expected from the institution, and the place goes to the waitlist (R5, R7).',
  },
  verify: {
    button: 'Verify graduation', title: 'Verify the graduation of application #%{id} (%{date})', approve: 'Verified',
    reject: 'Not verified', done: 'Graduation check recorded',
  },
  graduate: {
    button: 'Report graduation', title: 'Report the graduation of application #%{id}', done: 'Graduation reported; the city verifies it next',
    hint: 'Upload the CHSI degree registration record and give the graduation date (within three years of intake, R6).',
  },
  filters: { within_days: 'within %{days} days' },
  org_tree: {
    pick: 'Filter by union', search: 'Search union names', tree: 'Tree view', table: 'Table view',
    children: '%{smart_count} member union |||| %{smart_count} member unions', dues_unpaid: 'Dues unpaid',
  },
  export: { xlsx: 'Export Excel (.xlsx)', csv: 'Export CSV', done: 'Exported %{smart_count} record |||| Exported %{smart_count} records' },
  quotas: {
    use: 'Use of places', bar: '%{used} used of %{places} places, %{free} free, %{waitlisted} waitlisted',
    adjust: 'Adjust places', adjust_title: 'Adjust places (R7)', delta: 'Change in places', delta_hint: 'Positive adds places, negative removes them',
    reason: 'Reason for the change', below_used: 'Cannot go below the %{used} places already used',
    preview: 'Places go from %{before} to %{after}; %{smart_count} waitlisted application(s) will be approved in submission order.',
    adjusted: 'Places set to %{places}; %{smart_count} waitlisted application(s) approved',
    waitlist: 'Waitlist', position: 'Position', no_waitlist: 'No waitlisted applications', more: '%{smart_count} more not shown',
  },
  allocations: {
    create: 'Create allocation', create_title: 'Create an allocation (R3)', created: 'Allocation created, to transfer',
    pick: 'Choose the round, the level-2 union and the stage to see what the allocation would cover.',
    preview: 'Covers %{smart_count} application due, %{amount} in all. |||| Covers %{smart_count} applications due, %{amount} in all.',
    nothing_due: 'Nothing is due for this union, round and stage.',
    create_confirm: 'Create the allocation: %{smart_count} worker(s), %{amount} in all.',
    transfer: 'Transfer', transfer_title: 'Transfer allocation #%{id}', transfer_confirm: 'Confirm that %{amount} (%{smart_count} worker(s)) was transferred to the union?',
    transferred: 'Transferred',
    receive: 'Confirm receipt', receive_title: 'Confirm receipt of allocation #%{id}',
    receive_confirm: 'Confirm that %{amount} (%{smart_count} worker(s)) arrived? Pending payments will be created.',
    received: 'Receipt confirmed; %{smart_count} pending payment(s) created',
  },
  payments: {
    pay: 'Mark paid', pay_title: 'Record payment #%{id} as paid', pay_confirm: 'Confirm that %{amount} was paid to the worker?', pay_done: 'Recorded as paid',
    fail: 'Mark failed', fail_title: 'Record payment #%{id} as failed', fail_confirm: 'Confirm that the payment of %{amount} failed?', fail_done: 'Recorded as failed',
    reissue: 'Pay again', reissue_title: 'Pay #%{id} again', reissue_confirm: 'A new pending payment of %{amount} will be created.', reissue_done: 'New pending payment created',
    reference: 'Bank reference', reason: 'Reason for the failure', note: 'Note', card_unchanged: 'The card was not corrected: pay again anyway (explain why)',
  },
  bank: {
    export: 'Export bank sheet', download: 'Download', all: 'All',
    export_hint: "Exports this payer's pending payments with full card numbers; the export is logged. Keep the file safe.",
    import: 'Import bank results', import_hint: "Upload the bank's result sheet: it applies only if every row is right; wrong rows are listed.",
    imported: 'Bank results imported: %{paid} paid, %{failed} failed, %{unchanged} unchanged',
  },
  refunds: {
    receive: 'Record receipt', receive_title: 'Record receipt of refund #%{id}', receive_confirm: 'Confirm that %{amount} was returned by the institution?',
    amount_fixed: 'The refund is the process subsidy that was paid; it cannot be changed', received: 'Refund recorded as received',
    confirm: 'Confirm refund', confirm_title: 'Confirm refund #%{id}', confirm_confirm: "Confirm that %{amount} is back in the city union's account?", confirmed: 'Refund confirmed',
  },
  fund_returns: {
    create_title: 'File a fund return (R4)', file: 'File', filed: 'Fund return filed',
    file_confirm: 'Return %{amount} (%{smart_count} worker(s)) to the city union and file the report?',
    items_hint: 'Search by worker name or application number: allocated applications that will not be paid',
    report_hint: 'Why each worker is not paid (the return report, at least 10 characters)',
    confirm: 'Confirm receipt', confirm_title: 'Confirm fund return #%{id}', confirm_confirm: 'Confirm that %{amount} was returned?', confirmed: 'Fund return confirmed',
  },
  balances: { city_total: 'City union total' },
  agency: { both: 'Process and result subsidies' },
  matching: {
    no_result: 'With “all as process subsidy” the result amount must be 0',
    no_process: 'With “all as result subsidy” the process amount must be 0',
  },
  appeals: {
    respond: 'Answer', respond_title: 'Answer appeal #%{id}', uphold: 'Uphold the appeal',
    uphold_hint: 'An upheld appeal sends the rejected application back to the step that rejected it.',
    answered: 'Answered', upheld: 'Answered; appeal upheld', close: 'Close', close_title: 'Close appeal #%{id}',
    close_confirm: 'The applicant was told and nothing more is to be done?', closed: 'Appeal closed', overdue: 'Past its answer date (%{date})',
  },
  users: {
    reset_password: 'Reset password', reset_title: 'Reset the password of %{username}', password_reset: 'Password reset',
    reset_hint: 'Set an initial password and tell the user; they must change it at their next sign-in.',
  },
  reveal: { button: 'Show full %{field}', audited: 'This reveal was written to the audit log.' },
};
