import type { resourcesZhCN } from './resources.zh-CN';

const common = { id: 'No.', createdAt: 'Created at', q: 'Search', roundId: 'Round', organizationId: 'Union' };
const money = { amountFen: 'Amount', stage: 'Stage', status: 'Status' };

export const resourcesEn: typeof resourcesZhCN = {
  organizations: {
    name: 'Organization |||| Organizations',
    fields: {
      ...common, name: 'Name', kind: 'Kind', level: 'Level', parentId: 'Parent', path: 'Path',
      level2Id: 'Level-2 union', code: 'Code', unitName: 'Work unit', duesPaid: 'Dues paid', contactPhone: 'Contact phone',
      organizationId: 'Organization',
    },
  },
  users: {
    name: 'Account |||| Accounts',
    fields: {
      ...common, username: 'Username', displayName: 'Name', password: 'Initial password', role: 'Role',
      organizationId: 'Organization', institutionId: 'Institution', workerId: 'Worker', active: 'Active',
      mustChangePassword: 'Must change password', failedLogins: 'Failed logins', lockedUntil: 'Locked until',
      lastLoginAt: 'Last login',
    },
  },
  workers: {
    name: 'Worker |||| Workers',
    fields: {
      ...common, name: 'Name', idNumber: 'ID number', idNumberMasked: 'ID number', gender: 'Gender',
      birthDate: 'Birth date', phone: 'Mobile', organizationId: 'Grassroots union', level2Id: 'Level-2 union',
      jobTitle: 'Job title', isUnionMember: 'Union member', isFrontline: 'Front-line', isMigrant: 'Migrant worker',
      isHardship: 'In hardship', isKeyIndustry: 'Key industry/post', flags: 'Priority', bankName: 'Bank',
      bankCard: 'Bank card', bankCardMasked: 'Bank card', benefitCard: 'Benefit card', benefitCardMasked: 'Benefit card',
      applications: 'Applications',
    },
  },
  institutions: {
    name: 'Institution |||| Institutions',
    fields: { ...common, name: 'Name', code: 'Code', reductionPolicy: 'Tuition reduction policy', contact: 'Contact', active: 'Partner' },
  },
  rounds: {
    name: 'Round |||| Rounds',
    fields: {
      ...common, name: 'Name', intakeTerm: 'Intake', opensOn: 'Opens on', closesOn: 'Closes on',
      processAmountFen: 'Process subsidy', resultAmountFen: 'Result subsidy', plannedPlaces: 'Planned places',
      graduationDeadline: 'Graduation deadline',
    },
  },
  quotas: {
    name: 'Quota |||| Quotas',
    fields: { ...common, organizationId: 'Level-2 union', places: 'Places', used: 'Used', waitlisted: 'Waitlisted', free: 'Free' },
  },
  applications: {
    name: 'Application |||| Applications',
    fields: {
      ...common, workerId: 'Worker', organizationId: 'Grassroots union', level2Id: 'Level-2 union', institutionId: 'Institution',
      educationLevel: 'Level', major: 'Major', studyMode: 'Study mode', enrolledOn: 'Enrolled on', admissionNo: 'Admission no.',
      status: 'Status', currentStep: 'Waiting at', submittedAt: 'Submitted at', decidedAt: 'Decided at', graduatedOn: 'Graduated on',
      graduationDocumentId: 'Degree record', graduationVerifiedAt: 'Graduation verified at', droppedOutOn: 'Dropped out on',
      dropoutReason: 'Dropout reason', updatedAt: 'Updated at', waitingStep: 'Waiting at',
      outstandingDocuments: 'Missing enrollment report', lapsingWithinDays: 'Lapsing within (days)',
      isFrontline: 'Front-line', isMigrant: 'Migrant worker', isHardship: 'In hardship', isKeyIndustry: 'Key industry/post',
      submittedAt_gte: 'Submitted from', submittedAt_lte: 'Submitted until',
      reviews: 'Reviews', documents: 'Documents', payments: 'Payments',
    },
  },
  reviews: {
    name: 'Review |||| Reviews',
    fields: {
      ...common, applicationId: 'Application', step: 'Step', organizationId: 'Reviewing union', userId: 'Reviewer',
      decision: 'Decision', resultStatus: 'Resulting status', comment: 'Comment',
    },
  },
  documents: {
    name: 'Document |||| Documents',
    fields: {
      ...common, applicationId: 'Application', kind: 'Kind', fileName: 'File name', mimeType: 'Format', size: 'Size',
      sha256: 'SHA-256', uploadedBy: 'Uploaded by', createdAt: 'Uploaded at',
    },
  },
  allocations: {
    name: 'Allocation |||| Allocations',
    fields: {
      ...common, ...money, organizationId: 'Level-2 union', applicationCount: 'Workers covered', createdBy: 'Created by',
      transferredAt: 'Transferred at', receivedAt: 'Received at',
    },
  },
  payments: {
    name: 'Payment |||| Payments',
    fields: {
      ...common, ...money, applicationId: 'Application', allocationId: 'Allocation', organizationId: 'Paying union',
      source: 'Source', channel: 'Channel', payerOrganizationId: 'Payer', reference: 'Reference',
      failureReason: 'Failure reason', reissueOf: 'Reissue of', paidAt: 'Paid at', q: 'Search reference',
    },
  },
  refunds: {
    name: 'Dropout refund |||| Dropout refunds',
    fields: {
      ...common, ...money, applicationId: 'Application', paymentId: 'Payment', institutionId: 'Institution',
      reference: 'Reference', receivedAt: 'Received at', confirmedAt: 'Confirmed at',
    },
  },
  'fund-returns': {
    name: 'Fund return |||| Fund returns',
    fields: { ...common, ...money, organizationId: 'Level-2 union', report: 'Return report', confirmedAt: 'Confirmed at', items: 'Applications returned', applicationIds: 'Applications returned' },
  },
  balances: {
    name: 'Balance |||| Balances',
    fields: {
      ...common, ...money, organizationId: 'Level-2 union', budgetedFen: 'Budgeted', allocatedFen: 'Allocated', transferredFen: 'Transferred',
      receivedFen: 'Received', paidFen: 'Paid out', pendingFen: 'Pending', failedFen: 'Failed', refundedFen: 'Refunded',
      returnedFen: 'Returned', heldFen: 'Held', refundsOutstandingFen: 'Refunds outstanding', returnsOutstandingFen: 'Returns to confirm',
      matchingPaidFen: 'Matching paid', matchingPendingFen: 'Matching pending',
    },
  },
  'matching-policies': {
    name: 'Matching policy |||| Matching policies',
    fields: {
      ...common, organizationId: 'Level-2 union', mode: 'Mode', processAmountFen: 'Matching process amount',
      resultAmountFen: 'Matching result amount', note: 'Note',
    },
  },
  'agency-agreements': {
    name: 'Agency agreement |||| Agency agreements',
    fields: {
      ...common, organizationId: 'Union', agentOrganizationId: 'Paying agent', agreementNo: 'Agreement no.',
      startsOn: 'Starts on', endsOn: 'Ends on', stages: 'Stages', active: 'Active',
    },
  },
  appeals: {
    name: 'Appeal |||| Appeals',
    fields: {
      ...common, applicationId: 'Application', subject: 'Subject', organizationId: 'Handling union', reviewStep: 'Review step',
      content: 'Appeal', response: 'Response', status: 'Status', dueOn: 'Due on', respondedAt: 'Responded at',
      closedAt: 'Closed at', overdue: 'Overdue',
    },
  },
  'audit-log': {
    name: 'Audit log |||| Audit log',
    fields: {
      ...common, at: 'At', userId: 'User', role: 'Role', organizationId: 'Organization', action: 'Action', resource: 'Resource',
      recordId: 'Record', before: 'Before', after: 'After', ip: 'IP', requestId: 'Request', prevHash: 'Previous hash', hash: 'Hash',
    },
  },
};
