import { DataTable, SearchInput } from 'react-admin';
import { AppList, MoneyField, TermField } from '../common';

const roundFilters = [<SearchInput key="q" source="q" alwaysOn />];

export const RoundList = () => (
  <AppList filters={roundFilters} sort={{ field: 'opensOn', order: 'DESC' }}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="intakeTerm">
        <TermField source="intakeTerm" />
      </DataTable.Col>
      <DataTable.Col source="opensOn" />
      <DataTable.Col source="closesOn" />
      <DataTable.NumberCol source="plannedPlaces" />
      <DataTable.Col source="processAmountFen" field={MoneyField} align="right" disableSort />
      <DataTable.Col source="resultAmountFen" field={MoneyField} align="right" disableSort />
      <DataTable.Col source="graduationDeadline" />
    </DataTable>
  </AppList>
);
