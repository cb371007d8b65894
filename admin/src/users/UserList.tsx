import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  DataTable,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
} from 'react-admin';
import { AppList, CHOICES, DateTimeField, EnumField } from '../common';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={CHOICES.role} alwaysOn />,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations">
    <AutocompleteInput />
  </ReferenceInput>,
  <BooleanInput key="active" source="active" defaultValue />,
];

export const UserList = () => (
  <AppList filters={userFilters} sort={{ field: 'id', order: 'ASC' }}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="username" />
      <DataTable.Col source="displayName" />
      <DataTable.Col source="role">
        <EnumField source="role" enumName="role" />
      </DataTable.Col>
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="institutionId">
        <ReferenceField source="institutionId" reference="institutions" link={false} />
      </DataTable.Col>
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="lastLoginAt" field={DateTimeField} />
    </DataTable>
  </AppList>
);
