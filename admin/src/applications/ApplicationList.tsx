import {
  DataTable,
  ReferenceField,
  SimpleList,
  useCanAccess,
  useGetIdentity,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { AppList, DateTimeField, EnumField, nowrapSx, StatusChip, statusRowSx } from '../common';
import type { Role } from '../providers/canAccess';
import { WorkerFlags } from '../workers/WorkerFlags';
import { applicationExport } from './applicationExport';
import { applicationFilters } from './applicationFilters';
import { BulkApproveButton } from './BulkApproveButton';
import { mayReviewNow } from './reviewRules';
import { UnionTreeButton } from './UnionTreeButton';

/** The reviewers' list: staff filters and saved queries (filter menu), rows edged by status, bulk 通过. */
export const ApplicationList = () => {
  const role = useGetIdentity().identity?.role as Role | undefined;
  const review = useCanAccess({ resource: 'applications', action: 'review' });
  const translate = useTranslate();
  return (
    <AppList
      filters={applicationFilters}
      sort={{ field: 'id', order: 'DESC' }}
      exportSpec={applicationExport}
      extraActions={<UnionTreeButton />}
      simple={
        <SimpleList
          primaryText={(r) => (
            <ReferenceField record={r} source="workerId" reference="workers" link={false} />
          )}
          secondaryText={(r) => translate(`enums.applicationStatus.${r.status}`)}
          tertiaryText={(r) => `#${r.id}`}
          linkType="show"
        />
      }
    >
      <DataTable
        rowClick="show"
        rowSx={statusRowSx}
        bulkActionButtons={review.canAccess ? <BulkApproveButton /> : false}
        isRowSelectable={(r: RaRecord) => mayReviewNow(role, r)}
      >
        <DataTable.Col source="id" />
        <DataTable.Col source="workerId" sx={nowrapSx}>
          <ReferenceField source="workerId" reference="workers" link={false} />
        </DataTable.Col>
        <DataTable.Col label="resources.workers.fields.flags" disableSort sx={{ minWidth: 110 }}>
          <ReferenceField source="workerId" reference="workers" link={false}>
            <WorkerFlags />
          </ReferenceField>
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
        <DataTable.Col source="currentStep" sx={nowrapSx}>
          <EnumField source="currentStep" enumName="reviewStep" />
        </DataTable.Col>
        <DataTable.Col source="submittedAt" field={DateTimeField} />
      </DataTable>
    </AppList>
  );
};
