import {
  DataTable,
  ReferenceField,
  SearchInput,
  SimpleList,
  TextField,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import {
  AppList,
  DateTimeField,
  EnumField,
  enumFilter,
  MoneyField,
  nowrapSx,
  organizationFilter,
  StatusChip,
  statusRowSx,
} from '../common';
import { BankFileButtons } from './BankFileButtons';
import { PaymentRowButtons } from './PaymentButtons';
import { PaymentFailure } from './PaymentFailure';
import { formatFen } from '../common/money';

const paymentFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  enumFilter('status', 'paymentStatus', true),
  enumFilter('stage', 'stage', true),
  enumFilter('source', 'paymentSource'),
  enumFilter('channel', 'paymentChannel'),
  organizationFilter(),
  organizationFilter({ level: 2 }, 'payerOrganizationId'),
];

/** R3 发放: one payment to a worker's account; its payer marks it paid or failed, or works through the bank sheet. */
export const PaymentList = () => {
  const pay = useCanAccess({ resource: 'payments', action: 'pay' });
  const translate = useTranslate();
  return (
    <AppList
      filters={paymentFilters}
      sort={{ field: 'id', order: 'DESC' }}
      extraActions={<BankFileButtons />}
      simple={
        <SimpleList
          primaryText={(r) => `${r.workerName ?? ''} · ${formatFen(r.amountFen)}`}
          secondaryText={(r) =>
            `${translate(`enums.paymentStatus.${r.status}`)} · ${translate(`enums.stage.${r.stage}`)}${r.cardMasked ? ` · ${r.cardMasked}` : ''}`
          }
          tertiaryText={(r) => `#${r.id}`}
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
        <DataTable.Col source="cardMasked" disableSort field={TextField} sx={nowrapSx} />
        <DataTable.Col source="organizationId">
          <ReferenceField source="organizationId" reference="organizations" link={false} />
        </DataTable.Col>
        <DataTable.Col source="stage">
          <EnumField source="stage" enumName="stage" />
        </DataTable.Col>
        <DataTable.Col source="source">
          <EnumField source="source" enumName="paymentSource" />
        </DataTable.Col>
        <DataTable.Col source="amountFen" field={MoneyField} align="right" />
        <DataTable.Col source="channel">
          <EnumField source="channel" enumName="paymentChannel" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <StatusChip source="status" enumName="paymentStatus" />
        </DataTable.Col>
        <DataTable.Col source="reference" disableSort />
        <DataTable.Col source="failureReason" disableSort>
          <PaymentFailure />
        </DataTable.Col>
        <DataTable.Col source="paidAt" field={DateTimeField} />
        {pay.canAccess && (
          <DataTable.Col label="app.actions" disableSort align="right">
            <PaymentRowButtons />
          </DataTable.Col>
        )}
      </DataTable>
    </AppList>
  );
};
