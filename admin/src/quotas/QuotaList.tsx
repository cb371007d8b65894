import { DataTable, ReferenceField } from 'react-admin';
import { AppList, organizationFilter, roundFilter } from '../common';

const quotaFilters = [roundFilter(), organizationFilter()];

/** R7/R18: each level-2 union's places in a round, with what is used and waiting. */
export const QuotaList = () => (
  <AppList filters={quotaFilters} sort={{ field: 'id', order: 'ASC' }}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="roundId"><ReferenceField source="roundId" reference="rounds" link={false} /></DataTable.Col>
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link="show" />
      </DataTable.Col>
      <DataTable.NumberCol source="places" />
      <DataTable.NumberCol source="used" disableSort />
      <DataTable.NumberCol source="waitlisted" disableSort />
      <DataTable.NumberCol source="free" disableSort />
    </DataTable>
  </AppList>
);
