import CalculateIcon from '@mui/icons-material/Calculate';
import { Button } from '@mui/material';
import { Link } from 'react-router';
import { DataTable, ReferenceField, useCanAccess, useTranslate, type RaRecord } from 'react-admin';
import { AppList, organizationFilter, roundFilter } from '../common';
import { AdjustQuotaButton } from './AdjustQuotaButton';
import { QuotaBar } from './QuotaBar';
import { QuotaWaitlist } from './QuotaWaitlist';

const quotaFilters = [roundFilter(), organizationFilter()];

/** R7/R18: each level-2 union's places in a round as a bar; a row with a waitlist opens to show it in order. */
/** R18: the proposed split of a round's plan, to edit and commit (the city). */
const QuotaPlanButton = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'quotas', action: 'commit' });
  if (!canAccess) return null;
  return (
    <Button size="small" component={Link} to="/quota-plan" startIcon={<CalculateIcon />}>
      {translate('app.quota_plan.title')}
    </Button>
  );
};

export const QuotaList = () => {
  const adjust = useCanAccess({ resource: 'quotas', action: 'adjust' });
  return (
    <AppList filters={quotaFilters} sort={{ field: 'id', order: 'DESC' }} extraActions={<QuotaPlanButton />}>
      <DataTable
        bulkActionButtons={false}
        rowClick="expand"
        expand={<QuotaWaitlist />}
        isRowExpandable={(r: RaRecord) => r.waitlisted > 0}
      >
        <DataTable.Col source="roundId">
          <ReferenceField source="roundId" reference="rounds" link={false} />
        </DataTable.Col>
        <DataTable.Col source="organizationId">
          <ReferenceField source="organizationId" reference="organizations" link={false} />
        </DataTable.Col>
        <DataTable.Col label="app.quotas.use" disableSort sx={{ width: '30%' }}>
          <QuotaBar />
        </DataTable.Col>
        <DataTable.NumberCol source="places" />
        <DataTable.NumberCol source="used" disableSort />
        <DataTable.NumberCol source="waitlisted" disableSort />
        <DataTable.NumberCol source="free" disableSort />
        <DataTable.NumberCol source="unionPlaces" disableSort />
        <DataTable.NumberCol source="unionUsed" disableSort />
        {adjust.canAccess && (
          <DataTable.Col label="app.actions" disableSort align="right">
            <AdjustQuotaButton />
          </DataTable.Col>
        )}
      </DataTable>
    </AppList>
  );
};
