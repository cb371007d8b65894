import {
  BooleanField,
  DataTable,
  EditButton,
  ReferenceField,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { DateTimeField, EnumField, FieldGrid, Section, StatusChip } from '../common';
import { RevealButton } from './RevealButton';
import { WorkerFlags } from './WorkerFlags';

const WorkerShowActions = () => (
  <TopToolbar>
    <RevealButton field="idNumber" />
    <RevealButton field="bankCard" />
    <RevealButton field="benefitCard" />
    <EditButton />
  </TopToolbar>
);

/** Personal numbers stay masked here; revealing one is a separate, audited action. */
export const WorkerShow = () => {
  const applications = useCanAccess({ resource: 'applications', action: 'list' });
  return (
    <Show component="div" actions={<WorkerShowActions />}>
      <Section title="resources.workers.name">
        <FieldGrid>
          <TextField source="name" />
          <EnumField source="gender" enumName="gender" />
          <TextField source="birthYear" />
          <TextField source="idNumberMasked" />
          <TextField source="phone" />
          <TextField source="jobTitle" />
          <WorkerFlags source="flags" />
          <ReferenceField source="organizationId" reference="organizations" link="show" />
          <ReferenceField source="level2Id" reference="organizations" link="show" />
          <DateTimeField source="createdAt" />
          <BooleanField source="isUnionMember" />
          <BooleanField source="isFrontline" />
          <BooleanField source="isMigrant" />
          <BooleanField source="isHardship" />
          <BooleanField source="isKeyIndustry" />
          <TextField source="bankName" />
          <TextField source="bankCardMasked" />
          <TextField source="benefitCardMasked" />
        </FieldGrid>
      </Section>
      {applications.canAccess && (
        <Section title="resources.workers.fields.applications">
          <ReferenceManyField
            reference="applications"
            target="workerId"
            sort={{ field: 'id', order: 'DESC' }}
          >
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="id" />
              <DataTable.Col source="roundId">
                <ReferenceField source="roundId" reference="rounds" link={false} />
              </DataTable.Col>
              <DataTable.Col source="educationLevel">
                <EnumField source="educationLevel" enumName="educationLevel" />
              </DataTable.Col>
              <DataTable.Col source="major" />
              <DataTable.Col source="status">
                <StatusChip source="status" enumName="applicationStatus" />
              </DataTable.Col>
              <DataTable.Col source="submittedAt" field={DateTimeField} />
            </DataTable>
          </ReferenceManyField>
        </Section>
      )}
    </Show>
  );
};
