import type { Db } from '../../../db/client';
import { eq } from 'drizzle-orm';
import { quotas } from '../../../db/schema';
import { PLACE_HOLDING_SQL } from '../../domain/lifecycle';
import { proposeQuotas, type ProposalFacts } from '../../domain/quota';
import { audit } from '../../lib/audit';
import type { Actor } from '../../lib/context';
import { badRequest, notFound } from '../../lib/errors';
import { adjustQuota, assertWithinPlan, placesUsed, quotaOf } from './service';

/**
 * R18: the city's split of a round's plan over the level-2 unions — proposed from attested members
 * (R9a) and the earlier rounds' applications and uptake — and its commit as the round's quotas.
 */
export interface ProposalRow extends ProposalFacts {
  name: string;
  proposed: number;
  /** The union's quota in this round now (null: none yet), and the places it already uses. */
  current: number | null;
  used: number;
}

export function quotaProposal(db: Db, roundId: number) {
  const c = db.$client;
  const round = c
    .prepare('select id, planned_places plannedPlaces, opens_on opensOn from rounds where id = ?')
    .get(roundId) as { id: number; plannedPlaces: number; opensOn: string } | undefined;
  if (!round) throw notFound('批次');
  const facts = c
    .prepare(
      `select o.id organizationId, o.name,
        (select count(*) from workers w where w.level2_id = o.id and w.is_union_member = 1 and w.attested_at is not null) members,
        (select count(*) from applications a join rounds r on r.id = a.round_id
          where a.level2_id = o.id and r.opens_on < ? and a.submitted_at is not null) applications,
        (select count(*) from applications a join rounds r on r.id = a.round_id
          where a.level2_id = o.id and r.opens_on < ? and a.status in ${PLACE_HOLDING_SQL}) uptake
       from organizations o where o.level = 2 order by o.id`,
    )
    .all(round.opensOn, round.opensOn) as (ProposalFacts & { name: string })[];
  const proposed = new Map(
    proposeQuotas(round.plannedPlaces, facts).map((p) => [p.organizationId, p.places]),
  );
  const rows: ProposalRow[] = facts.map((f) => ({
    ...f,
    proposed: proposed.get(f.organizationId) ?? 0,
    current: quotaOf(db, roundId, f.organizationId)?.places ?? null,
    used: placesUsed(db, roundId, f.organizationId),
  }));
  return { roundId, plannedPlaces: round.plannedPlaces, unions: rows };
}

/**
 * R18: the round's quotas set to the city's table in one transaction: places taken back first, then
 * given, so the plan cap (R18) and the places already used (R7) are checked as each quota moves; each
 * quota remembers what the proposal gave it. One audit row for the whole commit, beside the adjustments'.
 */
export function commitQuotas(
  db: Db,
  actor: Actor,
  roundId: number,
  list: { organizationId: number; places: number }[],
  reason: string,
) {
  const proposal = quotaProposal(db, roundId);
  const byOrg = new Map(proposal.unions.map((u) => [u.organizationId, u]));
  const seen = new Set<number>();
  list.forEach((q, i) => {
    if (!byOrg.has(q.organizationId))
      throw badRequest('名额分配给区县级、产业或直属工会', {
        [`quotas.${i}.organizationId`]: '请选择二级工会',
      });
    if (seen.has(q.organizationId))
      throw badRequest('同一工会只能出现一次', { [`quotas.${i}.organizationId`]: '重复' });
    seen.add(q.organizationId);
  });
  const delta = (q: { organizationId: number; places: number }) =>
    q.places - (byOrg.get(q.organizationId)!.current ?? 0);
  const ordered = [...list].sort((a, b) => delta(a) - delta(b));
  for (const q of ordered) {
    const u = byOrg.get(q.organizationId)!;
    const existing = quotaOf(db, roundId, q.organizationId);
    if (!existing) {
      assertWithinPlan(db, roundId, q.places, 'places');
      db.insert(quotas)
        .values({ roundId, organizationId: q.organizationId, places: q.places, proposedPlaces: u.proposed })
        .run();
      continue;
    }
    if (q.places !== existing.places) adjustQuota(db, actor, existing.id, q.places - existing.places, reason);
    db.update(quotas).set({ proposedPlaces: u.proposed }).where(eq(quotas.id, existing.id)).run();
  }
  const sum = list.reduce((s, q) => s + q.places, 0);
  audit(db, actor, {
    action: 'commit',
    resource: 'quotas',
    recordId: null,
    after: {
      roundId,
      reason,
      plannedPlaces: proposal.plannedPlaces,
      sum,
      quotas: list.map((q) => [q.organizationId, q.places, byOrg.get(q.organizationId)!.proposed]),
    },
  });
  return quotaProposal(db, roundId);
}
