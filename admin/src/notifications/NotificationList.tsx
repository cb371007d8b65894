import {
  BooleanField,
  DataTable,
  FunctionField,
  NullableBooleanInput,
  ReferenceField,
  useLocaleState,
} from 'react-admin';
import { AppList, DateTimeField } from '../common';
import type { NotificationRecord } from './types';

const filters = [<NullableBooleanInput key="read" source="read" alwaysOn />];

/** The account's own messages, newest first (the bell lists the unread). */
export const NotificationList = () => {
  const [locale] = useLocaleState();
  return (
    <AppList filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="createdAt" field={DateTimeField} />
        <DataTable.Col source="text" disableSort>
          <FunctionField<NotificationRecord> render={(m) => (locale === 'en' ? m.text.en : m.text.zh)} />
        </DataTable.Col>
        <DataTable.Col source="applicationId">
          <ReferenceField source="applicationId" reference="applications" link="show" />
        </DataTable.Col>
        <DataTable.Col source="read" disableSort field={BooleanField} />
      </DataTable>
    </AppList>
  );
};
