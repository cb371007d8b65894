import { DataTable, NumberField, ReferenceField } from 'react-admin';
import { AppList, DateTimeField, EnumField, enumFilter } from '../common';

const documentFilters = [enumFilter('kind', 'documentKind', true)];

export const DocumentList = () => (
  <AppList filters={documentFilters} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="applicationId">
        <ReferenceField source="applicationId" reference="applications" link="show" />
      </DataTable.Col>
      <DataTable.Col source="kind">
        <EnumField source="kind" enumName="documentKind" />
      </DataTable.Col>
      <DataTable.Col source="fileName" />
      <DataTable.Col source="mimeType" />
      <DataTable.Col source="size" align="right">
        <NumberField
          source="size"
          options={{ style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }}
          transform={(bytes: number) => bytes / 1024}
        />
      </DataTable.Col>
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </AppList>
);
