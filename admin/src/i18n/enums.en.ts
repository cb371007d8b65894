import type { enumsZhCN } from './enums.zh-CN';

export const enumsEn: typeof enumsZhCN = {
  applicationStatus: {
    draft: 'Draft', submitted: 'Submitted', unit_approved: 'Recommended by unit', org_approved: 'Checked by level-2 union',
    waitlisted: 'Waitlisted', approved: 'Approved', returned: 'Returned', rejected: 'Rejected', withdrawn: 'Withdrawn',
    process_paid: 'Process subsidy paid', graduated: 'Graduated', completed: 'Completed', dropped_out: 'Dropped out',
    lapsed: 'Lapsed',
  },
  paymentStatus: { pending: 'Pending', paid: 'Paid', failed: 'Failed', cancelled: 'Cancelled' },
  allocationStatus: { created: 'To transfer', transferred: 'Transferred', received: 'Received' },
  refundStatus: { expected: 'Expected', received: 'Received', confirmed: 'Confirmed' },
  fundReturnStatus: { filed: 'Filed', confirmed: 'Confirmed' },
  appealStatus: { open: 'Open', answered: 'Answered', upheld: 'Upheld', closed: 'Closed' },
  appealSubject: { review: 'Review result', payment: 'Payment result' },
  stage: { process: 'Process subsidy', result: 'Result subsidy' },
  paymentSource: { city: 'City union', matching: 'Matching subsidy' },
  paymentChannel: { direct: 'Paid by the union', agency: "Paid by the workers' school" },
  orgKind: {
    city: 'City union', district: 'District/county union', dev_zone: 'Development-zone union', industry: 'Industry union',
    federation: 'Union federation', grassroots: 'Grassroots union', direct: 'Grassroots union under the city',
  },
  orgLevel: { 1: 'Level 1 (city)', 2: 'Level 2', 3: 'Grassroots' },
  role: {
    city_admin: 'City union admin', org_admin: 'Level-2 union admin', unit_admin: 'Grassroots union admin',
    agent: "Workers' school (agent)", institution: 'Institution', worker: 'Worker',
  },
  educationLevel: { associate: 'Associate', bachelor: 'Bachelor' },
  studyMode: { part_time: 'Part-time', distance: 'Distance learning', full_time: 'Full-time', self_study: 'Self-study exams' },
  documentKind: {
    application_form: 'Application form (stamped)', id_card: 'ID card', admission_notice: 'Admission notice',
    tuition_receipt: 'Tuition receipt', enrollment_report: 'Enrollment verification report',
    graduation_record: 'Degree registration record', withdrawal_proof: 'Withdrawal proof',
  },
  decision: { approve: 'Approve', reject: 'Reject', return: 'Return for changes' },
  reviewStep: { 1: 'Unit recommendation', 2: 'Level-2 check', 3: 'City decision' },
  matchingMode: { two_stage: 'Two stages', process_only: 'All as process subsidy', result_only: 'All as result subsidy' },
  gender: { M: 'Male', F: 'Female' },
};
