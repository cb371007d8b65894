import { Button } from '@mui/material';
import { Link } from 'react-router';
import { DataTable, ReferenceField, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { AppList, DateTimeField, enumFilter, StatusChip, TermField } from '../common';
import { ChecksDue } from './ChecksDue';

const filters = [
  enumFilter('state', 'studyState', true),
  <TextInput key="term" source="term" alwaysOn />,
  <TextInput key="applicationId" source="applicationId" />,
];

/** R15: a withdrawn (退学) check moves nothing itself; the dropout is taken on the application. */
const NextStep = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.next !== 'dropout') return null;
  return (
    <Button component={Link} to={`/applications/${record.applicationId}/show`} size="small" color="warning">
      {translate('app.study_checks.dropout')}
    </Button>
  );
};

/** R15: each term's study checks of the funded workers in the caller's scope. */
export const StudyCheckList = () => (
  <>
    <ChecksDue />
    <AppList filters={filters} sort={{ field: 'id', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="applicationId">
          <ReferenceField source="applicationId" reference="applications" link="show" />
        </DataTable.Col>
        <DataTable.Col source="term">
          <TermField source="term" />
        </DataTable.Col>
        <DataTable.Col source="state">
          <StatusChip source="state" enumName="studyState" />
        </DataTable.Col>
        <DataTable.Col source="note" disableSort />
        <DataTable.Col source="createdAt" field={DateTimeField} />
        <DataTable.Col source="next" disableSort>
          <NextStep />
        </DataTable.Col>
      </DataTable>
    </AppList>
  </>
);
