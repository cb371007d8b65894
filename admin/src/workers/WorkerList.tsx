import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import { Link } from 'react-router';
import {
  AutocompleteInput,
  BooleanInput,
  DataTable,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { AppList, DateTimeField, EnumField } from '../common';
import { WorkerFlags } from './WorkerFlags';

const workerFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="organizationId"
    source="organizationId"
    reference="organizations"
    filter={{ kind: ['grassroots', 'direct'] }}
    alwaysOn
  >
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput key="level2Id" source="level2Id" reference="organizations" filter={{ level: 2 }}>
    <AutocompleteInput />
  </ReferenceInput>,
  <BooleanInput key="isUnionMember" source="isUnionMember" defaultValue />,
  <BooleanInput key="isFrontline" source="isFrontline" defaultValue />,
  <BooleanInput key="isMigrant" source="isMigrant" defaultValue />,
  <BooleanInput key="isHardship" source="isHardship" defaultValue />,
  <BooleanInput key="isKeyIndustry" source="isKeyIndustry" defaultValue />,
];

/** R9a: the unit's member roster, imported in bulk (shown to the roles that may import one). */
const RosterImportButton = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'workers', action: 'import' });
  if (!canAccess) return null;
  return (
    <Button size="small" component={Link} to="/roster-import" startIcon={<UploadFileIcon />}>
      {translate('app.roster.menu')}
    </Button>
  );
};

export const WorkerList = () => (
  <AppList
    filters={workerFilters}
    sort={{ field: 'id', order: 'DESC' }}
    extraActions={<RosterImportButton />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="name" />
      <DataTable.Col source="gender">
        <EnumField source="gender" enumName="gender" />
      </DataTable.Col>
      <DataTable.Col source="idNumberMasked" disableSort />
      <DataTable.Col source="phone" disableSort />
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="jobTitle" />
      <DataTable.Col source="flags" disableSort>
        <WorkerFlags />
      </DataTable.Col>
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </AppList>
);
