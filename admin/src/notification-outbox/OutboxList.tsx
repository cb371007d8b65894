import { Button } from '@mui/material';
import { DataTable, FunctionField, ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import { AppList, DateTimeField, EnumField, enumFilter, useApiAction } from '../common';

const filters = [enumFilter('smsState', 'smsState', true)];

const RetryButton = () => {
  const t = useTranslate();
  const record = useRecordContext<{ id: number; smsState: string }>();
  const retry = useApiAction((dp, id: number) => dp.retrySms(id), { success: 'app.notifications.retried' });
  if (record?.smsState !== 'dead') return null;
  return (
    <Button size="small" disabled={retry.isPending} onClick={() => retry.mutate(record.id)}>
      {t('app.notifications.retry')}
    </Button>
  );
};

/** The city admin's view of the outbox: each message's SMS state; dead letters may be sent again. */
export const OutboxList = () => (
  <AppList filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="createdAt" field={DateTimeField} />
      <DataTable.Col source="userId">
        <ReferenceField source="userId" reference="users" link={false} />
      </DataTable.Col>
      <DataTable.Col source="template" />
      <DataTable.Col source="text" disableSort>
        <FunctionField<{ text: { zh: string } }> render={(m) => m.text.zh} />
      </DataTable.Col>
      <DataTable.Col source="smsState">
        <EnumField source="smsState" enumName="smsState" />
      </DataTable.Col>
      <DataTable.Col source="smsTries" />
      <DataTable.Col source="smsError" disableSort />
      <DataTable.Col label="app.actions" disableSort align="right">
        <RetryButton />
      </DataTable.Col>
    </DataTable>
  </AppList>
);
