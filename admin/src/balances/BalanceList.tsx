import { DataTable, ReferenceField, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import {
  AppList,
  EnumField,
  enumFilter,
  getManyChunked,
  MoneyField,
  nowrapSx,
  organizationFilter,
  roundFilter,
  type ExportSpec,
} from '../common';

const balanceFilters = [roundFilter(), enumFilter('stage', 'stage', true), organizationFilter()];

const MONEY = [
  'budgetedFen',
  'allocatedFen',
  'receivedFen',
  'paidFen',
  'pendingFen',
  'refundedFen',
  'returnedFen',
  'heldFen',
] as const;

/** The union, or — on the city's own rows — the city's totals. */
const BalanceUnion = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.organizationId === null) return <strong>{translate('app.balances.city_total')}</strong>;
  return <ReferenceField source="organizationId" reference="organizations" link={false} />;
};

const balanceExport: ExportSpec = {
  prepare: async (rows, dp) => {
    const [rounds, orgs] = await Promise.all([
      getManyChunked(
        dp,
        'rounds',
        rows.map((r) => r.roundId),
      ),
      getManyChunked(
        dp,
        'organizations',
        rows.map((r) => r.organizationId),
      ),
    ]);
    return rows.map((r) => ({
      ...r,
      roundName: rounds.get(r.roundId)?.name,
      unionName: r.organizationId ? orgs.get(r.organizationId)?.name : null,
    }));
  },
  columns: (t) => [
    { key: 'roundName', label: t('resources.balances.fields.roundId') },
    {
      key: 'unionName',
      label: t('resources.balances.fields.organizationId'),
      value: (r) => r.unionName ?? t('app.balances.city_total'),
    },
    { key: 'stage', label: t('resources.balances.fields.stage'), value: (r) => t(`enums.stage.${r.stage}`) },
    ...MONEY.map((key) => ({ key, label: t(`resources.balances.fields.${key}`) })),
  ],
};

/**
 * Where the money is, per round, union and stage (R3–R5): budgeted, allocated, received, paid,
 * refunded, returned and what is still held. The city's totals are the rows without a union.
 */
export const BalanceList = () => (
  <AppList
    filters={balanceFilters}
    sort={{ field: 'roundId', order: 'DESC' }}
    perPage={50}
    exportSpec={balanceExport}
  >
    <DataTable
      bulkActionButtons={false}
      rowClick={false}
      rowSx={(r: RaRecord) => (r.organizationId === null ? { bgcolor: 'action.hover' } : {})}
    >
      <DataTable.Col source="roundId" sx={nowrapSx}>
        <ReferenceField source="roundId" reference="rounds" link={false} />
      </DataTable.Col>
      <DataTable.Col source="organizationId" sx={nowrapSx}>
        <BalanceUnion />
      </DataTable.Col>
      <DataTable.Col source="stage" sx={nowrapSx}>
        <EnumField source="stage" enumName="stage" />
      </DataTable.Col>
      {MONEY.map((key) => (
        <DataTable.Col key={key} source={key} field={MoneyField} align="right" />
      ))}
    </DataTable>
  </AppList>
);
