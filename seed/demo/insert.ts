/**
 * Prepared inserts of the rows made in memory: the columns written per table, named as the rows
 * name them (camelCase; snake_case in SQL).
 */
import type { Db } from '../../db/client';
import { iso } from './context';

/** The columns written per table (camelCase; snake_case in SQL). */
const COLUMNS = {
  organizations: 'id name kind level parentId path level2Id code unitName duesPaid contactPhone createdAt',
  institutions: 'id name code reductionPolicy contact active createdAt',
  rounds: `id name intakeTerm opensOn closesOn processAmountFen resultAmountFen plannedPlaces intakeFrom intakeTo
    processPayBy waitlistClosesOn minStudyMonths graduationDeadline createdAt`,
  workers: `id name idNumberEnc idNumberHash idNumberMasked gender birthYear phone organizationId level2Id
    jobTitle isUnionMember isFrontline isMigrant isHardship isKeyIndustry bankName bankCardEnc bankCardHash
    bankCardMasked benefitCardEnc benefitCardHash benefitCardMasked attestedAt createdAt`,
  users:
    'id username displayName passwordHash role organizationId institutionId workerId active mustChangePassword createdAt',
  quotas: 'id roundId organizationId places createdAt',
  quota_adjustments: 'id quotaId delta placesBefore placesAfter reason userId createdAt',
  matching_policies:
    'id roundId organizationId mode processAmountFen resultAmountFen extraPlaces note createdAt',
  agency_agreements:
    'id organizationId agentOrganizationId agreementNo startsOn endsOn stages active createdAt',
  applications: `id roundId workerId organizationId level2Id institutionId educationLevel major studyMode
    enrolledOn admissionNo status currentStep submittedAt decidedAt graduatedOn graduationDocumentId
    graduationVerifiedAt droppedOutOn dropoutReason enrollmentVerifiedAt lateProcessApprovedAt lateProcessReason revokedReason
    createdAt updatedAt`,
  reviews: 'id applicationId step organizationId userId decision resultStatus comment createdAt',
  documents: 'id applicationId kind fileName mimeType size sha256 uploadedBy createdAt',
  appeals: `id applicationId subject organizationId reviewStep content response status dueOn respondedAt
    closedAt createdAt`,
  allocations: `id roundId organizationId stage amountFen applicationCount status createdBy transferredAt
    receivedAt createdAt`,
  allocation_items: 'allocationId applicationId stage amountFen',
  payments: `id applicationId allocationId organizationId stage source amountFen channel payerOrganizationId
    status reference failureReason reissueOf paidAt createdAt`,
  refunds:
    'id applicationId paymentId institutionId amountFen status reference receivedAt confirmedAt createdAt',
  fund_returns: 'id roundId organizationId stage amountFen report status confirmedAt createdAt',
  fund_return_items: 'fundReturnId applicationId paymentId amountFen',
};

export type Insert = (row: object) => void;

/** A prepared insert into `table`: a missing value is null, a boolean 0/1, a date its ISO text. */
export function inserter(db: Db, table: keyof typeof COLUMNS): Insert {
  const cols = COLUMNS[table].trim().split(/\s+/);
  const stmt = db.$client.prepare(
    `insert into ${table} (${cols.map((c) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)).join(',')}) values (${cols.map(() => '?').join(',')})`,
  );
  return (row) => {
    stmt.run(
      ...cols.map((c) => {
        const v = (row as Record<string, unknown>)[c];
        return v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v instanceof Date ? iso(v) : v;
      }),
    );
  };
}
