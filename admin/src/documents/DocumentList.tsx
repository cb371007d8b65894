import { DataTable, ReferenceField, type RaRecord } from 'react-admin';
import { fileSize } from '../../../server/domain/glossary';
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
      <DataTable.Col source="mimeType">
        <EnumField source="mimeType" enumName="mime" />
      </DataTable.Col>
      <DataTable.Col source="size" align="right" render={(r: RaRecord) => fileSize(r.size)} />
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </AppList>
);
