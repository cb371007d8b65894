import { BooleanField, BooleanInput, DataTable, ReferenceField } from 'react-admin';
import { AppList, EnumField, organizationFilter } from '../common';

const agreementFilters = [organizationFilter(), <BooleanInput key="active" source="active" defaultValue />];

/** R3 代发协议: the workers' school pays a union's workers who have a card on file. */
export const AgencyAgreementList = () => (
  <AppList filters={agreementFilters} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick="edit">
      <DataTable.Col source="agreementNo" />
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="agentOrganizationId">
        <ReferenceField source="agentOrganizationId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="startsOn" />
      <DataTable.Col source="endsOn" />
      <DataTable.Col source="stages" disableSort>
        <EnumField source="stages" enumName="stage" />
      </DataTable.Col>
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
    </DataTable>
  </AppList>
);
