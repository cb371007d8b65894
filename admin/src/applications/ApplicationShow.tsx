import { Alert, Grid } from '@mui/material';
import {
  FunctionField,
  DataTable,
  ListButton,
  ReferenceField,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumField, FieldGrid, MoneyField, Section, StatusChip } from '../common';
import type { Role } from '../providers/canAccess';
import { ApplicationDocuments } from './ApplicationDocuments';
import { ApplicationTimeline } from './ApplicationTimeline';
import { DropoutButton } from './DropoutButton';
import { OtherApplications } from './OtherApplications';
import { ReviewButton } from './ReviewButton';
import { GraduateButton } from './GraduateButton';
import { mayRecordDropout, mayReportGraduation, mayReviewNow, mayVerifyGraduation } from './reviewRules';
import { VerifyGraduationButton } from './VerifyGraduationButton';
import { WorkerCard } from './WorkerCard';

const useRole = () => useGetIdentity().identity?.role as Role | undefined;

/** The buttons the caller may press on this application now, and nothing else. */
const ApplicationShowActions = () => {
  const record = useRecordContext();
  const role = useRole();
  return (
    <TopToolbar sx={{ gap: 1, alignItems: 'center' }}>
      {mayReviewNow(role, record) && (
        <>
          <ReviewButton decision="approve" />
          <ReviewButton decision="return" />
          <ReviewButton decision="reject" />
        </>
      )}
      {mayReportGraduation(role, record) && <GraduateButton />}
      {mayVerifyGraduation(role, record) && <VerifyGraduationButton />}
      {mayRecordDropout(role, record) && <DropoutButton />}
      <ListButton />
    </TopToolbar>
  );
};

/** Tells the reviewer plainly that this one waits for them. */
const WaitingBanner = () => {
  const record = useRecordContext();
  const role = useRole();
  const translate = useTranslate();
  if (!mayReviewNow(role, record)) return null;
  return (
    <Alert severity="info" sx={{ mt: 1 }}>
      {translate('app.review.waiting_for_you', {
        step: translate(`enums.reviewStep.${record!.currentStep}`),
      })}
    </Alert>
  );
};

export const ApplicationShow = () => {
  const payments = useCanAccess({ resource: 'payments', action: 'list' });
  const documents = useCanAccess({ resource: 'documents', action: 'list' });
  return (
    <Show component="div" actions={<ApplicationShowActions />}>
      <WaitingBanner />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 8 }}>
          <Section title="resources.applications.name">
            <FieldGrid>
              <TextField source="id" />
              <StatusChip source="status" enumName="applicationStatus" />
              <EnumField source="fundedBy" enumName="fundedBy" />
              <EnumField source="currentStep" enumName="reviewStep" />
              <ReferenceField source="roundId" reference="rounds" link={false} />
              {/* The unions by the names the server sends: a role that may not open a union still sees it. */}
              <FunctionField source="organizationId" render={(r) => r.organizationName ?? '—'} />
              <FunctionField source="level2Id" render={(r) => r.level2Name ?? '—'} />
              <ReferenceField source="institutionId" reference="institutions" link={false} />
              <EnumField source="educationLevel" enumName="educationLevel" />
              <TextField source="major" />
              <EnumField source="studyMode" enumName="studyMode" />
              <TextField source="admissionNo" />
              <TextField source="enrolledOn" />
              <DateTimeField source="submittedAt" />
              <DateTimeField source="decidedAt" />
              <TextField source="graduatedOn" emptyText="—" />
              <DateTimeField source="graduationVerifiedAt" />
              <TextField source="droppedOutOn" emptyText="—" />
              <TextField source="dropoutReason" emptyText="—" />
            </FieldGrid>
          </Section>
          {documents.canAccess && <ApplicationDocuments />}
          {payments.canAccess && (
            <Section title="resources.applications.fields.payments">
              <ReferenceManyField
                reference="payments"
                target="applicationId"
                sort={{ field: 'id', order: 'ASC' }}
              >
                <DataTable bulkActionButtons={false} rowClick={false}>
                  <DataTable.Col source="stage">
                    <EnumField source="stage" enumName="stage" />
                  </DataTable.Col>
                  <DataTable.Col source="source">
                    <EnumField source="source" enumName="paymentSource" />
                  </DataTable.Col>
                  <DataTable.Col source="amountFen" field={MoneyField} align="right" />
                  <DataTable.Col source="channel">
                    <EnumField source="channel" enumName="paymentChannel" />
                  </DataTable.Col>
                  <DataTable.Col source="status">
                    <StatusChip source="status" enumName="paymentStatus" />
                  </DataTable.Col>
                  <DataTable.Col source="paidAt" field={DateTimeField} />
                </DataTable>
              </ReferenceManyField>
            </Section>
          )}
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <WorkerCard />
          <ApplicationTimeline />
          <OtherApplications />
        </Grid>
      </Grid>
    </Show>
  );
};
