import {
  DataTable, ReferenceField, ReferenceManyField, Show, TextField, useCanAccess,
} from 'react-admin';
import { DateTimeField, EnumField, FieldGrid, MoneyField, Section, StatusChip } from '../common';

export const ApplicationShow = () => {
  const payments = useCanAccess({ resource: 'payments', action: 'list' });
  const documents = useCanAccess({ resource: 'documents', action: 'list' });
  const reviews = useCanAccess({ resource: 'reviews', action: 'list' });
  return (
    <Show component="div">
      <Section title="resources.applications.name">
        <FieldGrid>
          <TextField source="id" />
          <StatusChip source="status" enumName="applicationStatus" />
          <EnumField source="currentStep" enumName="reviewStep" />
          <ReferenceField source="workerId" reference="workers" link="show" />
          <ReferenceField source="organizationId" reference="organizations" link="show" />
          <ReferenceField source="level2Id" reference="organizations" link="show" />
          <ReferenceField source="roundId" reference="rounds" link={false} />
          <ReferenceField source="institutionId" reference="institutions" link={false} />
          <EnumField source="educationLevel" enumName="educationLevel" />
          <TextField source="major" />
          <EnumField source="studyMode" enumName="studyMode" />
          <TextField source="admissionNo" />
          <TextField source="enrolledOn" />
          <DateTimeField source="submittedAt" />
          <DateTimeField source="decidedAt" />
          <TextField source="graduatedOn" />
          <DateTimeField source="graduationVerifiedAt" />
          <TextField source="droppedOutOn" />
          <TextField source="dropoutReason" />
        </FieldGrid>
      </Section>
      {reviews.canAccess && (
        <Section title="resources.applications.fields.reviews">
          <ReferenceManyField reference="reviews" target="applicationId" sort={{ field: 'createdAt', order: 'ASC' }}>
            <DataTable bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="createdAt" field={DateTimeField} />
              <DataTable.Col source="step"><EnumField source="step" enumName="reviewStep" /></DataTable.Col>
              <DataTable.Col source="organizationId">
                <ReferenceField source="organizationId" reference="organizations" link={false} />
              </DataTable.Col>
              <DataTable.Col source="decision"><StatusChip source="decision" enumName="decision" /></DataTable.Col>
              <DataTable.Col source="comment" />
            </DataTable>
          </ReferenceManyField>
        </Section>
      )}
      {documents.canAccess && (
        <Section title="resources.applications.fields.documents">
          <ReferenceManyField reference="documents" target="applicationId" sort={{ field: 'id', order: 'ASC' }}>
            <DataTable bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="kind"><EnumField source="kind" enumName="documentKind" /></DataTable.Col>
              <DataTable.Col source="fileName" />
              <DataTable.Col source="createdAt" field={DateTimeField} />
            </DataTable>
          </ReferenceManyField>
        </Section>
      )}
      {payments.canAccess && (
        <Section title="resources.applications.fields.payments">
          <ReferenceManyField reference="payments" target="applicationId" sort={{ field: 'id', order: 'ASC' }}>
            <DataTable bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="stage"><EnumField source="stage" enumName="stage" /></DataTable.Col>
              <DataTable.Col source="source"><EnumField source="source" enumName="paymentSource" /></DataTable.Col>
              <DataTable.Col source="amountFen" field={MoneyField} />
              <DataTable.Col source="status"><StatusChip source="status" enumName="paymentStatus" /></DataTable.Col>
              <DataTable.Col source="paidAt" field={DateTimeField} />
            </DataTable>
          </ReferenceManyField>
        </Section>
      )}
    </Show>
  );
};
