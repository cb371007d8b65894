import {
  BooleanInput,
  DataTable,
  ReferenceField,
  SearchInput,
  SimpleList,
  TextField,
  type RaRecord,
} from 'react-admin';
import {
  AppList,
  DateTimeField,
  ellipsisSx,
  EnumField,
  enumFilter,
  organizationFilter,
  StatusChip,
  statusRowSx,
} from '../common';
import { AppealRowButtons } from './AppealButtons';

const appealFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  enumFilter('status', 'appealStatus', true),
  enumFilter('subject', 'appealSubject', true),
  <BooleanInput key="overdue" source="overdue" defaultValue />,
  organizationFilter({}),
];

/** Overdue appeals (open past their 15 days) stand out in red. */
const appealRowSx = (r: RaRecord) =>
  r.overdue
    ? { ...statusRowSx(r), borderLeftColor: 'error.main', bgcolor: 'rgba(211,47,47,0.04)' }
    : statusRowSx(r);

/** R14: a worker's appeal against a review or payment result, answered by the union that decided. */
export const AppealList = () => (
  <AppList
    filters={appealFilters}
    sort={{ field: 'dueOn', order: 'ASC' }}
    simple={
      <SimpleList
        primaryText={(r) => r.workerName ?? ''}
        secondaryText={(r) => r.content}
        tertiaryText={(r) => r.dueOn}
        linkType="show"
      />
    }
  >
    <DataTable bulkActionButtons={false} rowClick="show" rowSx={appealRowSx}>
      <DataTable.Col source="createdAt" field={DateTimeField} />
      <DataTable.Col source="applicationId">
        <ReferenceField source="applicationId" reference="applications" link="show" />
      </DataTable.Col>
      <DataTable.Col source="workerName" disableSort field={TextField} />
      <DataTable.Col source="subject">
        <EnumField source="subject" enumName="appealSubject" />
      </DataTable.Col>
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="content" disableSort sx={ellipsisSx} />
      <DataTable.Col source="status">
        <StatusChip source="status" enumName="appealStatus" />
      </DataTable.Col>
      <DataTable.Col source="dueOn" />
      <DataTable.Col label="app.actions" disableSort align="right">
        <AppealRowButtons />
      </DataTable.Col>
    </DataTable>
  </AppList>
);
