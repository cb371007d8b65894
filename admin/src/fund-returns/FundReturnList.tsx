import { DataTable, ReferenceField } from 'react-admin';
import { ConfirmFundReturnButton } from './ConfirmFundReturnButton';
import {
  AppList,
  DateTimeField,
  ellipsisSx,
  EnumField,
  enumFilter,
  MoneyField,
  organizationFilter,
  roundFilter,
  StatusChip,
  statusRowSx,
} from '../common';

const fundReturnFilters = [
  roundFilter(),
  enumFilter('status', 'fundReturnStatus', true),
  organizationFilter(),
];

/** R4: money a level-2 union could not pay out, returned to the city with a report. */
export const FundReturnList = () => (
  <AppList filters={fundReturnFilters} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick="show" rowSx={statusRowSx}>
      <DataTable.Col source="id" />
      <DataTable.Col source="roundId">
        <ReferenceField source="roundId" reference="rounds" link={false} />
      </DataTable.Col>
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="stage">
        <EnumField source="stage" enumName="stage" />
      </DataTable.Col>
      <DataTable.Col source="amountFen" field={MoneyField} align="right" />
      <DataTable.Col source="status">
        <StatusChip source="status" enumName="fundReturnStatus" />
      </DataTable.Col>
      <DataTable.Col source="report" disableSort sx={ellipsisSx} />
      <DataTable.Col source="createdAt" field={DateTimeField} />
      <DataTable.Col source="confirmedAt" field={DateTimeField} />
      <DataTable.Col label="app.actions" disableSort align="right">
        <ConfirmFundReturnButton />
      </DataTable.Col>
    </DataTable>
  </AppList>
);
