import { DataTable, ReferenceField } from 'react-admin';
import {
  AppList,
  ellipsisSx,
  EnumField,
  enumFilter,
  MoneyField,
  organizationFilter,
  roundFilter,
} from '../common';

const matchingFilters = [roundFilter(), enumFilter('mode', 'matchingMode'), organizationFilter()];

/** R8: a level-2 union's own subsidy on top of the city's. */
export const MatchingPolicyList = () => (
  <AppList filters={matchingFilters} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick="edit">
      <DataTable.Col source="roundId">
        <ReferenceField source="roundId" reference="rounds" link={false} />
      </DataTable.Col>
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="mode">
        <EnumField source="mode" enumName="matchingMode" />
      </DataTable.Col>
      <DataTable.Col source="processAmountFen" field={MoneyField} align="right" disableSort />
      <DataTable.Col source="resultAmountFen" field={MoneyField} align="right" disableSort />
      <DataTable.NumberCol source="extraPlaces" disableSort />
      <DataTable.Col source="note" disableSort sx={ellipsisSx} />
    </DataTable>
  </AppList>
);
