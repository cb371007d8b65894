import { DataTable, ReferenceField } from 'react-admin';
import { AppList, DateTimeField, EnumField, nowrapSx, StatusChip, statusRowSx } from '../common';
import { WorkerFlags } from '../workers/WorkerFlags';
import { applicationFilters } from './applicationFilters';

export const ApplicationList = () => (
  <AppList filters={applicationFilters} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable rowClick="show" rowSx={statusRowSx} bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="workerId" sx={nowrapSx}>
        <ReferenceField source="workerId" reference="workers" link="show" />
      </DataTable.Col>
      <DataTable.Col label="resources.workers.fields.flags" disableSort sx={{ minWidth: 110 }}>
        <ReferenceField source="workerId" reference="workers" link={false}><WorkerFlags /></ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="roundId" sx={nowrapSx}>
        <ReferenceField source="roundId" reference="rounds" link={false} />
      </DataTable.Col>
      <DataTable.Col source="institutionId">
        <ReferenceField source="institutionId" reference="institutions" link={false} />
      </DataTable.Col>
      <DataTable.Col source="educationLevel" sx={nowrapSx}>
        <EnumField source="educationLevel" enumName="educationLevel" />
      </DataTable.Col>
      <DataTable.Col source="major" />
      <DataTable.Col source="status" sx={nowrapSx}>
        <StatusChip source="status" enumName="applicationStatus" />
      </DataTable.Col>
      <DataTable.Col source="submittedAt" field={DateTimeField} />
    </DataTable>
  </AppList>
);
