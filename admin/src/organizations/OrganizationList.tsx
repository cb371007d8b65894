import { AutocompleteInput, BooleanField, DataTable, ReferenceField, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { AppList, CHOICES, EnumField } from '../common';

const organizationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={CHOICES.orgKind} alwaysOn />,
  <SelectInput key="level" source="level" choices={CHOICES.orgLevel} />,
  <ReferenceInput key="parentId" source="parentId" reference="organizations" filter={{ level: [1, 2] }}>
    <AutocompleteInput />
  </ReferenceInput>,
];

export const OrganizationList = () => (
  <AppList filters={organizationFilters} sort={{ field: 'id', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="name" />
      <DataTable.Col source="kind"><EnumField source="kind" enumName="orgKind" /></DataTable.Col>
      <DataTable.Col source="level"><EnumField source="level" enumName="orgLevel" /></DataTable.Col>
      <DataTable.Col source="parentId">
        <ReferenceField source="parentId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="unitName" />
      <DataTable.Col source="duesPaid"><BooleanField source="duesPaid" /></DataTable.Col>
      <DataTable.Col source="code" />
    </DataTable>
  </AppList>
);
