/** R3: the unions that pay through the school (agency agreements); R8: the unions' matching policies. */
import { addDays, iso, OPEN, utc, ymd, type Ctx } from './context';
import type { Agreement, MatchingPolicy, Org } from './model';
import type { Orgs } from './organizations';

export interface Terms {
  /** Level-2 union id → the stages the school pays for it ('process,result' or 'process'). */
  agencyStages: Map<number, string>;
  agreements: Agreement[];
  policies: MatchingPolicy[];
  policyOf: (round: number, org: Org) => MatchingPolicy | undefined;
}

const WUHUA_NOTE = '五华区总工会配套资助：过程资助 300 元、结果资助 300 元，随市总工会资助同步发放。';

export function seedTerms(ctx: Ctx, orgs: Orgs): Terms {
  const { byCode, school } = orgs;
  const year = ctx.now.getUTCFullYear();
  const agencyStages = new Map<number, string>([
    [byCode.get('guandu')!.id, 'process,result'],
    [byCode.get('xishan')!.id, 'process,result'],
    [byCode.get('gaoxin')!.id, 'process,result'],
    [byCode.get('jingkai')!.id, 'process'],
    [byCode.get('direct-002')!.id, 'process,result'],
  ]);
  const agreements = [...agencyStages.entries()].map(([orgId, stages], i) => ({
    id: i + 1,
    organizationId: orgId,
    agentOrganizationId: school.id,
    agreementNo: `KMZG-DF-2019-${String(i + 1).padStart(3, '0')}`,
    startsOn: '2019-10-15',
    endsOn: `${year + 2}-12-31`,
    stages,
    active: true,
    createdAt: iso(ctx.timeOfDay(utc('2019-10-15'))),
  }));
  const wuhua = byCode.get('wuhua')!;
  const policies = [
    {
      round: 0,
      org: wuhua,
      mode: 'two_stage',
      processAmountFen: 30000,
      resultAmountFen: 30000,
      note: WUHUA_NOTE,
    },
    {
      round: 1,
      org: wuhua,
      mode: 'two_stage',
      processAmountFen: 30000,
      resultAmountFen: 30000,
      note: WUHUA_NOTE,
    },
    {
      round: OPEN,
      org: wuhua,
      mode: 'two_stage',
      processAmountFen: 30000,
      resultAmountFen: 30000,
      // R8 增加资助人数: once its city quota is used up, 五华区 funds five more places itself.
      extraPlaces: 5,
      note: '五华区总工会配套资助延续执行：过程资助 300 元、结果资助 300 元；市总工会名额用完后，本会另出资增加 5 个资助名额。',
    },
    {
      round: 1,
      org: byCode.get('panlong')!,
      mode: 'process_only',
      processAmountFen: 20000,
      resultAmountFen: 0,
      note: '盘龙区总工会配套资助 200 元，全部作为过程资助发放。',
    },
    {
      round: 0,
      org: byCode.get('gaoxin')!,
      mode: 'result_only',
      processAmountFen: 0,
      resultAmountFen: 50000,
      note: '高新区总工会对按期取得毕业证书的职工一次性奖励 500 元（结果资助）。',
    },
  ].map((p, i) => ({
    id: i + 1,
    extraPlaces: 0,
    ...p,
    createdAt: iso(
      ctx.timeOfDay(
        utc(p.round === OPEN ? ymd(addDays(ctx.now, -12)) : p.round === 0 ? '2019-11-05' : '2020-05-06'),
      ),
    ),
  }));
  const policyOf = (round: number, org: Org) => policies.find((p) => p.round === round && p.org === org);
  return { agencyStages, agreements, policies, policyOf };
}
