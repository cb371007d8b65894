import { DataTable, ReferenceField } from 'react-admin';
import {
  AppList,
  DateTimeField,
  ellipsisSx,
  EnumField,
  enumFilter,
  organizationFilter,
  StatusChip,
} from '../common';

const reviewFilters = [
  enumFilter('step', 'reviewStep', true),
  enumFilter('decision', 'decision', true),
  organizationFilter({}),
];

export const ReviewList = () => (
  <AppList filters={reviewFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="createdAt" field={DateTimeField} />
      <DataTable.Col source="applicationId">
        <ReferenceField source="applicationId" reference="applications" link="show" />
      </DataTable.Col>
      <DataTable.Col source="step">
        <EnumField source="step" enumName="reviewStep" />
      </DataTable.Col>
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="decision">
        <StatusChip source="decision" enumName="decision" />
      </DataTable.Col>
      <DataTable.Col source="resultStatus">
        <StatusChip source="resultStatus" enumName="applicationStatus" />
      </DataTable.Col>
      <DataTable.Col source="comment" disableSort sx={ellipsisSx} />
    </DataTable>
  </AppList>
);
