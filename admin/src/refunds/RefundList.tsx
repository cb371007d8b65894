import {
  AutocompleteInput,
  DataTable,
  ReferenceField,
  ReferenceInput,
  SimpleList,
  TextField,
} from 'react-admin';
import { formatFen } from '../common/money';
import { AppList, DateTimeField, enumFilter, MoneyField, StatusChip, statusRowSx } from '../common';
import { RefundRowButtons } from './RefundButtons';

const refundFilters = [
  enumFilter('status', 'refundStatus', true),
  <ReferenceInput key="institutionId" source="institutionId" reference="institutions">
    <AutocompleteInput />
  </ReferenceInput>,
];

/**
 * R5: the process subsidy an institution returns for a worker who dropped out. A refund is expected
 * when the dropout is recorded (application page); here it is received, then confirmed by the city.
 */
export const RefundList = () => (
  <AppList
    filters={refundFilters}
    sort={{ field: 'id', order: 'DESC' }}
    simple={
      <SimpleList
        primaryText={(r) => `${r.workerName ?? ''} · ${formatFen(r.amountFen)}`}
        secondaryText={(r) => `#${r.id}`}
        linkType={false}
      />
    }
  >
    <DataTable bulkActionButtons={false} rowClick={false} rowSx={statusRowSx}>
      <DataTable.Col source="id" />
      <DataTable.Col source="applicationId">
        <ReferenceField source="applicationId" reference="applications" link="show" />
      </DataTable.Col>
      <DataTable.Col source="workerName" disableSort field={TextField} />
      <DataTable.Col source="institutionId">
        <ReferenceField source="institutionId" reference="institutions" link={false} />
      </DataTable.Col>
      <DataTable.Col source="amountFen" field={MoneyField} align="right" />
      <DataTable.Col source="status">
        <StatusChip source="status" enumName="refundStatus" />
      </DataTable.Col>
      <DataTable.Col source="reference" disableSort />
      <DataTable.Col source="receivedAt" field={DateTimeField} />
      <DataTable.Col source="confirmedAt" field={DateTimeField} />
      <DataTable.Col label="app.actions" disableSort align="right">
        <RefundRowButtons />
      </DataTable.Col>
    </DataTable>
  </AppList>
);
