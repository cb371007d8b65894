/** The union tree: 昆明市总工会, its level-2 unions (districts, zones, industries, direct units, the school) and the grassroots. */
import * as N from '../names';
import { sectorOf } from '../units';
import type { Ctx } from './context';
import type { Org } from './model';

export interface Orgs {
  all: Org[];
  city: Org;
  level2: Org[];
  directs: Org[];
  /** The agent of the agency agreements (R3). */
  school: Org;
  grassroots: Org[];
  /** Unions with quotas and money (the school has none). */
  payUnions: Org[];
  byCode: Map<string, Org>;
  l2Of: (o: Org) => Org;
}

interface OrgDef {
  name: string;
  kind: string;
  level: number;
  code: string;
  unitName?: string | null;
  duesPaid?: boolean;
  area?: string;
}

const ORG_CREATED = '2019-05-24T02:00:00.000Z';
/** Grassroots unions behind with their dues: their workers are not eligible (R9a). */
const UNPAID_DUES = new Set(['dongchuan-003', 'xundian-002', 'feigong-005']);

function addOrg(ctx: Ctx, orgs: Org[], o: OrgDef, parent: Org | null): Org {
  const id = orgs.length + 1;
  const org: Org = {
    id,
    name: o.name,
    kind: o.kind,
    level: o.level,
    parentId: parent?.id ?? null,
    path: `${parent ? parent.path : '/'}${id}/`,
    level2Id: o.level === 1 ? null : o.level === 2 ? id : parent!.level2Id,
    code: o.code,
    unitName: o.unitName ?? null,
    duesPaid: o.duesPaid ?? true,
    contactPhone: `0871-6${ctx.rng.digits(7)}`,
    createdAt: ORG_CREATED,
    area: o.area ?? parent?.area ?? '530102',
    sector: o.unitName ? sectorOf(o.unitName) : null,
  };
  orgs.push(org);
  return org;
}

/** The grassroots unions of each level-2 union: named by the list, or made-up company names. */
function addGrassroots(ctx: Ctx, orgs: Org[], level2: Org[]): Org[] {
  const { rng } = ctx;
  const usedUnitNames = new Set<string>();
  const grassroots: Org[] = [];
  N.LEVEL2.forEach((d, i) => {
    for (let k = 1; k <= d.grassroots; k++) {
      let unitName: string;
      if (d.units) unitName = d.units[k - 1];
      else {
        do {
          unitName = `${rng.pick(N.UNIT_PREFIX)}${rng.pick(N.UNIT_CORE)}${rng.pick(N.UNIT_TRADE)}${rng.pick(N.UNIT_SUFFIX)}`;
        } while (usedUnitNames.has(unitName));
      }
      usedUnitNames.add(unitName);
      const code = `${d.code}-${String(k).padStart(3, '0')}`;
      grassroots.push(
        addOrg(
          ctx,
          orgs,
          {
            name: `${unitName}工会`,
            kind: 'grassroots',
            level: 3,
            code,
            unitName,
            duesPaid: !UNPAID_DUES.has(code),
          },
          level2[i],
        ),
      );
    }
  });
  return grassroots;
}

export function seedOrganizations(ctx: Ctx): Orgs {
  const orgs: Org[] = [];
  const city = addOrg(
    ctx,
    orgs,
    { name: '昆明市总工会', kind: 'city', level: 1, code: 'city', unitName: '昆明市总工会', area: '530102' },
    null,
  );
  const level2 = N.LEVEL2.map((d) =>
    addOrg(ctx, orgs, { name: d.name, kind: d.kind, level: 2, code: d.code, area: d.area }, city),
  );
  const directs = N.DIRECT_UNIONS.map((d) =>
    addOrg(
      ctx,
      orgs,
      { name: d.name, kind: 'direct', level: 2, code: d.code, unitName: d.unitName, area: d.area },
      city,
    ),
  );
  const school = addOrg(
    ctx,
    orgs,
    { name: N.SCHOOL.name, kind: 'direct', level: 2, code: N.SCHOOL.code, unitName: N.SCHOOL.unitName },
    city,
  );
  const grassroots = addGrassroots(ctx, orgs, level2);
  return {
    all: orgs,
    city,
    level2,
    directs,
    school,
    grassroots,
    payUnions: [...level2, ...directs],
    byCode: new Map(orgs.map((o) => [o.code, o])),
    l2Of: (o) => orgs[o.level2Id! - 1],
  };
}
