import { Typography } from '@mui/material';
import { ArrayField, DataTable, ListButton, ReferenceField, Show, TextField, TopToolbar } from 'react-admin';
import { DateTimeField, EnumField, FieldGrid, MoneyField, Section, StatusChip } from '../common';
import { ConfirmFundReturnButton } from './ConfirmFundReturnButton';

const Actions = () => (
  <TopToolbar>
    <ConfirmFundReturnButton />
    <ListButton />
  </TopToolbar>
);

/** R4: the return with its report (返还情况报告) and the applications it covers. */
export const FundReturnShow = () => (
  <Show component="div" actions={<Actions />}>
    <Section title="resources.fund-returns.name">
      <FieldGrid>
        <TextField source="id" />
        <ReferenceField source="roundId" reference="rounds" link={false} />
        <ReferenceField source="organizationId" reference="organizations" link={false} />
        <EnumField source="stage" enumName="stage" />
        <MoneyField source="amountFen" />
        <StatusChip source="status" enumName="fundReturnStatus" />
        <DateTimeField source="createdAt" />
        <DateTimeField source="confirmedAt" />
      </FieldGrid>
    </Section>
    <Section title="resources.fund-returns.fields.report">
      <TextField source="report" component="div" sx={{ whiteSpace: 'pre-wrap' }} />
    </Section>
    <Section title="resources.fund-returns.fields.items">
      <ArrayField source="items">
        <DataTable
          bulkActionButtons={false}
          rowClick={false}
          empty={<Typography variant="body2">—</Typography>}
        >
          <DataTable.Col source="applicationId" label="resources.payments.fields.applicationId">
            <ReferenceField source="applicationId" reference="applications" link="show" />
          </DataTable.Col>
          <DataTable.Col source="workerName" label="resources.payments.fields.workerName" />
          <DataTable.Col source="paymentId" label="resources.refunds.fields.paymentId" />
          <DataTable.Col
            source="amountFen"
            label="resources.fund-returns.fields.amountFen"
            field={MoneyField}
            align="right"
          />
        </DataTable>
      </ArrayField>
    </Section>
  </Show>
);
