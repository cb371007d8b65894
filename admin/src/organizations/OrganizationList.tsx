import AccountTreeIcon from '@mui/icons-material/AccountTree';
import TableRowsIcon from '@mui/icons-material/TableRows';
import { ToggleButton, ToggleButtonGroup, Tooltip } from '@mui/material';
import {
  AutocompleteInput,
  BooleanField,
  DataTable,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  Title,
  useStore,
  useTranslate,
} from 'react-admin';
import { AppList, CHOICES, EnumField } from '../common';
import { OrganizationTreeView } from './OrganizationTreeView';

const organizationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={CHOICES.orgKind} alwaysOn />,
  <SelectInput key="level" source="level" choices={CHOICES.orgLevel} />,
  <ReferenceInput key="parentId" source="parentId" reference="organizations" filter={{ level: [1, 2] }}>
    <AutocompleteInput />
  </ReferenceInput>,
];

type View = 'tree' | 'table';

const ViewToggle = ({ view, setView }: { view: View; setView: (v: View) => void }) => {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup size="small" exclusive value={view} onChange={(_e, v: View | null) => v && setView(v)}>
      <Tooltip title={translate('app.org_tree.tree')}>
        <ToggleButton value="tree" aria-label={translate('app.org_tree.tree')}>
          <AccountTreeIcon fontSize="small" />
        </ToggleButton>
      </Tooltip>
      <Tooltip title={translate('app.org_tree.table')}>
        <ToggleButton value="table" aria-label={translate('app.org_tree.table')}>
          <TableRowsIcon fontSize="small" />
        </ToggleButton>
      </Tooltip>
    </ToggleButtonGroup>
  );
};

/** The tree by default (how staff think of the unions), the searchable table on demand. */
export const OrganizationList = () => {
  const translate = useTranslate();
  const [view, setView] = useStore<View>('organizations.view', 'tree');
  const toggle = <ViewToggle view={view} setView={setView} />;
  if (view === 'tree') {
    return (
      <>
        <Title title={translate('resources.organizations.name', { smart_count: 2 })} />
        <OrganizationTreeView toggle={toggle} />
      </>
    );
  }
  return (
    <AppList filters={organizationFilters} sort={{ field: 'id', order: 'ASC' }} extraActions={toggle}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <EnumField source="kind" enumName="orgKind" />
        </DataTable.Col>
        <DataTable.Col source="level">
          <EnumField source="level" enumName="orgLevel" />
        </DataTable.Col>
        <DataTable.Col source="parentId">
          <ReferenceField source="parentId" reference="organizations" link={false} />
        </DataTable.Col>
        <DataTable.Col source="unitName" />
        <DataTable.Col source="duesPaid">
          <BooleanField source="duesPaid" />
        </DataTable.Col>
        <DataTable.Col source="code" />
      </DataTable>
    </AppList>
  );
};
