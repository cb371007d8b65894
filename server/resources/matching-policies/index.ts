import { patchSchema } from '../../lib/validate';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { matchingPolicies } from '../../../db/schema';
import { MATCHING_MODES } from '../../../db/schema/common';
import { matchingAmounts, unionPlacesPolicyProblem } from '../../domain/money';
import { extraPlacesProblem, MAX_PLACES } from '../../domain/quota';
import { placesUsed, promoteWaitlist } from '../quotas/service';
import { badRequest, conflict, forbidden, problemError } from '../../lib/errors';
import { crud } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';

export const matchingList: ListSpec = {
  resource: 'matching-policies',
  table: matchingPolicies,
  columns: {
    id: matchingPolicies.id,
    roundId: matchingPolicies.roundId,
    organizationId: matchingPolicies.organizationId,
    mode: matchingPolicies.mode,
  },
};

const fen = z.number().int('金额须为整数（分）').min(0, '金额不能为负').max(10_000_000);
const fields = {
  mode: z.enum(MATCHING_MODES),
  processAmountFen: fen,
  resultAmountFen: fen,
  extraPlaces: z.number().int('名额须为整数').min(0, '名额不能为负').max(MAX_PLACES).default(0),
  note: z.string().trim().max(2000).default(''),
};

/**
 * R8: the shape of the amounts must fit the mode (process only → no result amount, …), and places
 * the union funds itself are paid in two stages.
 */
function checkShape(d: {
  mode: (typeof MATCHING_MODES)[number];
  processAmountFen: number;
  resultAmountFen: number;
  extraPlaces: number;
}) {
  const problem = matchingAmounts(d.mode, d.processAmountFen, d.resultAmountFen);
  if (problem) throw badRequest(problem.message, { [problem.field]: problem.message });
  const places = unionPlacesPolicyProblem(d);
  if (places) throw problemError(places);
}

const hasPayments = (
  db: Parameters<NonNullable<Parameters<typeof crud>[0]['remove']>>[0],
  roundId: number,
  orgId: number,
) =>
  !!db.$client
    .prepare(
      `select 1 from payments p join applications a on a.id = p.application_id
    where p.source = 'matching' and a.round_id = ? and p.organization_id = ? limit 1`,
    )
    .get(roundId, orgId);

export const matchingRoutes = () =>
  crud({
    list: matchingList,
    create: {
      schema: z.object({ roundId: z.number().int().positive(), ...fields }),
      run: (db, actor, d) => {
        checkShape(d);
        const organizationId = actor.user!.level2Id!;
        if (actor.user!.orgLevel !== 2) throw forbidden('配套资助政策由区县级工会制定');
        const id = db
          .insert(matchingPolicies)
          .values({ ...d, organizationId })
          .returning({ id: matchingPolicies.id })
          .get().id;
        // R8/R7: places the union adds are filled from the waitlist, earliest first.
        if (d.extraPlaces > 0) promoteWaitlist(db, actor, d.roundId, organizationId, '本会增加资助名额');
        return id;
      },
    },
    update: {
      schema: patchSchema(fields),
      run: (db, actor, before: typeof matchingPolicies.$inferSelect, d) => {
        const merged = { ...before, ...d };
        checkShape(merged);
        const fewer = extraPlacesProblem(
          merged.extraPlaces,
          placesUsed(db, before.roundId, before.organizationId, 'union'),
        );
        if (fewer) throw problemError(fewer);
        if (
          hasPayments(db, before.roundId, before.organizationId) &&
          (merged.processAmountFen !== before.processAmountFen ||
            merged.resultAmountFen !== before.resultAmountFen ||
            merged.mode !== before.mode)
        ) {
          throw conflict('已按该政策发放配套资助，不能再修改金额或方式');
        }
        db.update(matchingPolicies).set(d).where(eq(matchingPolicies.id, before.id)).run();
        if (merged.extraPlaces > before.extraPlaces)
          promoteWaitlist(db, actor, before.roundId, before.organizationId, '本会增加资助名额');
      },
    },
    remove: (db, _a, before) => {
      if (hasPayments(db, before.roundId, before.organizationId))
        throw conflict('已按该政策发放配套资助，不能删除');
      const used = placesUsed(db, before.roundId, before.organizationId, 'union');
      if (used) throw conflict(`已有 ${used} 个申请使用本会出资名额，不能删除该政策`);
      db.delete(matchingPolicies).where(eq(matchingPolicies.id, before.id)).run();
    },
  });
