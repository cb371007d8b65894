import { BooleanField, BooleanInput, DataTable, SearchInput } from 'react-admin';
import { AppList } from '../common';

const institutionFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="active" source="active" defaultValue />,
];

export const InstitutionList = () => (
  <AppList filters={institutionFilters} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="name" />
      <DataTable.Col source="code" />
      <DataTable.Col source="contact" disableSort />
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
    </DataTable>
  </AppList>
);
