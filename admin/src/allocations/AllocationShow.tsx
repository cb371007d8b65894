import { ListButton, ReferenceField, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { DateTimeField, EnumField, FieldGrid, MoneyField, Section, StatusChip } from '../common';
import { AllocationRowButtons } from './AllocationButtons';
import { AllocationSheets } from './AllocationSheets';
import { CoveredApplications, type CoveredApplication } from './CoveredApplications';

const Actions = () => (
  <TopToolbar>
    <AllocationSheets />
    <AllocationRowButtons />
    <ListButton />
  </TopToolbar>
);

const Items = () => {
  const record = useRecordContext<{ items?: CoveredApplication[] }>();
  return <CoveredApplications rows={record?.items ?? []} maxHeight="none" />;
};

/** R3: an allocation, the applications it covers by worker and union, and its printed notice. */
export const AllocationShow = () => (
  <Show component="div" actions={<Actions />}>
    <Section title="resources.allocations.name">
      <FieldGrid>
        <TextField source="id" />
        <ReferenceField source="roundId" reference="rounds" link={false} />
        <ReferenceField source="organizationId" reference="organizations" link={false} />
        <EnumField source="stage" enumName="stage" />
        <MoneyField source="amountFen" />
        <TextField source="applicationCount" />
        <StatusChip source="status" enumName="allocationStatus" />
        <DateTimeField source="createdAt" />
        <DateTimeField source="transferredAt" />
        <DateTimeField source="receivedAt" />
      </FieldGrid>
    </Section>
    <Section title="app.allocations.covered">
      <Items />
    </Section>
  </Show>
);
