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
  useRecordContext,
} from 'react-admin';
import { DateTimeField, EnumField, FieldGrid, Section } from '../common';

const OrganizationShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

/** Grassroots unions list their workers; the unions above them list their member unions. */
const Members = () => {
  const record = useRecordContext<{ kind: string }>();
  const workers = useCanAccess({ resource: 'workers', action: 'list' });
  if (!record) return null;
  if (record.kind === 'grassroots' || record.kind === 'direct') {
    return workers.canAccess ? (
      <Section title="resources.workers.name">
        <ReferenceManyField reference="workers" target="organizationId" sort={{ field: 'id', order: 'ASC' }}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <DataTable.Col source="jobTitle" />
            <DataTable.Col source="phone" disableSort />
          </DataTable>
        </ReferenceManyField>
      </Section>
    ) : null;
  }
  return (
    <Section title="resources.organizations.name">
      <ReferenceManyField reference="organizations" target="parentId" sort={{ field: 'id', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="kind">
            <EnumField source="kind" enumName="orgKind" />
          </DataTable.Col>
          <DataTable.Col source="unitName" />
          <DataTable.Col source="duesPaid">
            <BooleanField source="duesPaid" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Section>
  );
};

export const OrganizationShow = () => (
  <Show component="div" actions={<OrganizationShowActions />}>
    <Section title="resources.organizations.name">
      <FieldGrid>
        <TextField source="name" />
        <EnumField source="kind" enumName="orgKind" />
        <EnumField source="level" enumName="orgLevel" />
        <ReferenceField source="parentId" reference="organizations" link="show" />
        <ReferenceField source="level2Id" reference="organizations" link="show" />
        <TextField source="code" />
        <TextField source="unitName" />
        <BooleanField source="duesPaid" />
        <TextField source="contactPhone" />
        <DateTimeField source="createdAt" />
      </FieldGrid>
    </Section>
    <Members />
  </Show>
);
