import { DataTable, ReferenceField } from 'react-admin';
import { AppList, DateTimeField, ellipsisSx, EnumField, enumFilter, organizationFilter, StatusChip, statusRowSx } from '../common';

const appealFilters = [
  enumFilter('status', 'appealStatus', true),
  enumFilter('subject', 'appealSubject', true),
  organizationFilter({}),
];

/** R14: a worker's appeal against a review or payment result, answered by the union that decided. */
export const AppealList = () => (
  <AppList filters={appealFilters} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick={false} rowSx={statusRowSx}>
      <DataTable.Col source="createdAt" field={DateTimeField} />
      <DataTable.Col source="applicationId">
        <ReferenceField source="applicationId" reference="applications" link="show" />
      </DataTable.Col>
      <DataTable.Col source="subject"><EnumField source="subject" enumName="appealSubject" /></DataTable.Col>
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="content" disableSort sx={ellipsisSx} />
      <DataTable.Col source="status"><StatusChip source="status" enumName="appealStatus" /></DataTable.Col>
      <DataTable.Col source="dueOn" />
      <DataTable.Col source="respondedAt" field={DateTimeField} />
    </DataTable>
  </AppList>
);
