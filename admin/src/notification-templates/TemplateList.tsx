import { BooleanField, DataTable, TextField } from 'react-admin';
import { AppList } from '../common';

/** The message texts as data (the city admin): each template's code, texts and channels. */
export const TemplateList = () => (
  <AppList exporter={false} pagination={false}>
    <DataTable bulkActionButtons={false} rowClick="edit">
      <DataTable.Col source="id" />
      <DataTable.Col source="zh" disableSort field={TextField} />
      <DataTable.Col source="en" disableSort field={TextField} />
      <DataTable.Col source="sms" disableSort field={BooleanField} />
      <DataTable.Col source="urgent" disableSort field={BooleanField} />
    </DataTable>
  </AppList>
);
