import { describe, expect, it } from 'vitest';
import { exportCells, exportFileName, sheetName } from '../../admin/src/common/exportTable';
import { newIdempotencyKey } from '../../admin/src/common/idempotency';
import { buildOrgTree, matchingIds, unionFilter } from '../../admin/src/organizations/orgTree';
import { percent } from '../../admin/src/performance/performanceTables';
import { listLocally } from '../../admin/src/providers/listLocally';
import { quotaBarParts } from '../../admin/src/quotas/quotaBar';

const ORGS = [
  { id: 1, name: '昆明市总工会', kind: 'city', level: 1, parentId: null },
  { id: 2, name: '五华区总工会', kind: 'district', level: 2, parentId: 1 },
  { id: 3, name: '盘龙区总工会', kind: 'district', level: 2, parentId: 1 },
  { id: 31, name: '云南翠湖钢结构有限公司工会', kind: 'grassroots', level: 3, parentId: 2 },
  { id: 40, name: '市总直属某某工会', kind: 'direct', level: 2, parentId: 1 },
];

describe('the organisation tree', () => {
  it('nests grassroots unions under their level-2 union under the city', () => {
    const [city] = buildOrgTree(ORGS);
    expect(city.children.map((c) => c.id)).toEqual([2, 3, 40]);
    expect(city.children[0].children.map((c) => c.id)).toEqual([31]);
  });

  it('starts at the top of the user’s scope when the city is not visible', () => {
    expect(buildOrgTree(ORGS.filter((o) => o.id === 2 || o.id === 31)).map((r) => r.id)).toEqual([2]);
  });

  it('finds a union by name with the path to it', () => {
    expect([...matchingIds(buildOrgTree(ORGS), '钢结构')].sort()).toEqual([1, 2, 31]);
  });

  it('filters a level-2 union by its subtree and a grassroots union by itself', () => {
    expect(unionFilter({ id: 2, level: 2 })).toEqual({ level2Id: 2 });
    expect(unionFilter({ id: 40, level: 2 })).toEqual({ level2Id: 40 });
    expect(unionFilter({ id: 31, level: 3 })).toEqual({ organizationId: 31 });
    expect(unionFilter({ id: 1, level: 1 })).toEqual({});
  });
});

describe('quota bars (R7)', () => {
  it('show used and free places, and the waitlist beyond them', () => {
    expect(quotaBarParts({ places: 10, used: 10, waitlisted: 10 })).toEqual({
      used: 50,
      over: 0,
      free: 0,
      waitlisted: 50,
      usePercent: 100,
    });
    expect(quotaBarParts({ places: 20, used: 5, waitlisted: 0 })).toMatchObject({
      used: 25,
      free: 75,
      usePercent: 25,
    });
    expect(quotaBarParts({ places: 0, used: 0, waitlisted: 0 }).usePercent).toBeNull();
  });
});

describe('figures and exports', () => {
  it('R15: rates in percent with one decimal, none when nothing to divide by', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
    expect(percent(null, 5)).toBeNull();
  });

  it('reduces rows to the exported cells and names files and sheets safely', () => {
    expect(
      exportCells(
        [{ id: 1, a: 'x', amountFen: 50_000 }],
        [
          { key: 'id', label: '编号' },
          { key: 'b', label: 'B', value: (r) => `${r.a}!` },
        ],
      ),
    ).toEqual([{ id: 1, b: 'x!' }]);
    expect(exportFileName('申请/名单', '2019-11-11', 'xlsx')).toBe('申请_名单-2019-11-11.xlsx');
    expect(sheetName('资金情况: [2019]')).toBe('资金情况   2019 ');
  });

  it('pages, sorts and filters a set answered whole (balances)', () => {
    const rows = [
      { id: 1, roundId: 1, stage: 'process', heldFen: 5 },
      { id: 2, roundId: 2, stage: 'result', heldFen: 9 },
      { id: 3, roundId: 2, stage: 'process', heldFen: 1 },
    ];
    expect(
      listLocally(rows, {
        filter: { roundId: 2 },
        sort: { field: 'heldFen', order: 'DESC' },
        pagination: { page: 1, perPage: 10 },
      }),
    ).toEqual({ data: [rows[1], rows[2]], total: 2 });
    expect(listLocally(rows, { pagination: { page: 2, perPage: 2 } })).toEqual({ data: [rows[2]], total: 3 });
  });

  it('makes a fresh RFC 4122 key for every money click', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
