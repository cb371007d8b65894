import { DataTable, ReferenceField, ShowButton } from 'react-admin';
import {
  AppList,
  DateTimeField,
  EnumField,
  enumFilter,
  MoneyField,
  organizationFilter,
  roundFilter,
  StatusChip,
  statusRowSx,
} from '../common';
import { AllocationRowButtons } from './AllocationButtons';

const allocationFilters = [
  roundFilter(),
  enumFilter('stage', 'stage', true),
  enumFilter('status', 'allocationStatus', true),
  organizationFilter(),
];

/** R3 拨付: city → level-2 union, per round and stage; each row offers the caller's next step. */
export const AllocationList = () => (
  <AppList filters={allocationFilters} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick={false} rowSx={statusRowSx}>
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
      <DataTable.NumberCol source="applicationCount" />
      <DataTable.Col source="status">
        <StatusChip source="status" enumName="allocationStatus" />
      </DataTable.Col>
      <DataTable.Col source="transferredAt" field={DateTimeField} />
      <DataTable.Col source="receivedAt" field={DateTimeField} />
      <DataTable.Col label="app.actions" disableSort align="right">
        <AllocationRowButtons />
        {/* Not a row click: the row's money buttons open dialogs that a navigation would close. */}
        <ShowButton />
      </DataTable.Col>
    </DataTable>
  </AppList>
);
