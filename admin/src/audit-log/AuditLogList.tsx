import {
  DataTable,
  ReferenceField,
  SearchInput,
  SelectInput,
  TextInput,
  useTranslate,
  type SelectInputProps,
} from 'react-admin';
import { AppList, DateTimeField, EnumField } from '../common';
import { RESOURCES } from '../providers/canAccess';

const resourceChoices = RESOURCES.map((id) => ({ id }));

const ResourceInput = (props: SelectInputProps) => {
  const translate = useTranslate();
  return (
    <SelectInput
      {...props}
      choices={resourceChoices}
      optionText={(c: { id: string }) => translate(`resources.${c.id}.name`, { smart_count: 1, _: c.id })}
    />
  );
};

const auditFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ResourceInput key="resource" source="resource" alwaysOn />,
  <TextInput key="recordId" source="recordId" />,
];

/** I7: append-only, hash-chained; read here, verified by GET /api/integrity. */
export const AuditLogList = () => {
  const translate = useTranslate();
  return (
    <AppList filters={auditFilters} sort={{ field: 'id', order: 'DESC' }} exportSpec={false}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="at" field={DateTimeField} />
        <DataTable.Col source="userId">
          <ReferenceField source="userId" reference="users" link={false} />
        </DataTable.Col>
        <DataTable.Col source="role">
          <EnumField source="role" enumName="role" />
        </DataTable.Col>
        <DataTable.Col
          source="action"
          render={(r) =>
            translate(`enums.auditAction.${r.action}`, {
              _: translate(`enums.auditAction.${String(r.action).split(':')[0]}`, {
                _: translate('enums.auditAction.update'),
              }),
            })
          }
        />
        <DataTable.Col
          source="resource"
          render={(r) => translate(`resources.${r.resource}.name`, { smart_count: 1, _: r.resource })}
        />
        <DataTable.Col source="recordId" />
        <DataTable.Col source="ip" />
      </DataTable>
    </AppList>
  );
};
