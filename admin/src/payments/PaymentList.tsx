import { DataTable, ReferenceField } from 'react-admin';
import { AppList, DateTimeField, EnumField, enumFilter, MoneyField, organizationFilter, StatusChip, statusRowSx } from '../common';

const paymentFilters = [
  enumFilter('status', 'paymentStatus', true),
  enumFilter('stage', 'stage', true),
  enumFilter('source', 'paymentSource'),
  enumFilter('channel', 'paymentChannel'),
  organizationFilter({}),
];

/** R3 发放: one payment to a worker's account. */
export const PaymentList = () => (
  <AppList filters={paymentFilters} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick={false} rowSx={statusRowSx}>
      <DataTable.Col source="id" />
      <DataTable.Col source="applicationId">
        <ReferenceField source="applicationId" reference="applications" link="show" />
      </DataTable.Col>
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="stage"><EnumField source="stage" enumName="stage" /></DataTable.Col>
      <DataTable.Col source="source"><EnumField source="source" enumName="paymentSource" /></DataTable.Col>
      <DataTable.Col source="amountFen" field={MoneyField} align="right" />
      <DataTable.Col source="channel"><EnumField source="channel" enumName="paymentChannel" /></DataTable.Col>
      <DataTable.Col source="status"><StatusChip source="status" enumName="paymentStatus" /></DataTable.Col>
      <DataTable.Col source="reference" disableSort />
      <DataTable.Col source="paidAt" field={DateTimeField} />
    </DataTable>
  </AppList>
);
