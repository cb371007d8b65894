import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { matchingPolicies } from '../../../db/schema';
import { MATCHING_MODES } from '../../../db/schema/common';
import { matchingAmounts } from '../../domain/money';
import { badRequest, conflict, forbidden } from '../../lib/errors';
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
  note: z.string().trim().max(2000).default(''),
};

/** R8: the shape of the amounts must fit the mode (process only → no result amount, …). */
function checkShape(d: {
  mode: (typeof MATCHING_MODES)[number];
  processAmountFen: number;
  resultAmountFen: number;
}) {
  const problem = matchingAmounts(d.mode, d.processAmountFen, d.resultAmountFen);
  if (problem) throw badRequest(problem.message, { [problem.field]: problem.message });
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
        return db
          .insert(matchingPolicies)
          .values({ ...d, organizationId })
          .returning({ id: matchingPolicies.id })
          .get().id;
      },
    },
    update: {
      schema: z.object(fields).partial(),
      run: (db, _a, before: typeof matchingPolicies.$inferSelect, d) => {
        const merged = { ...before, ...d };
        checkShape(merged);
        if (
          hasPayments(db, before.roundId, before.organizationId) &&
          (merged.processAmountFen !== before.processAmountFen ||
            merged.resultAmountFen !== before.resultAmountFen ||
            merged.mode !== before.mode)
        ) {
          throw conflict('已按该政策发放配套资助，不能再修改金额或方式');
        }
        db.update(matchingPolicies).set(d).where(eq(matchingPolicies.id, before.id)).run();
      },
    },
    remove: (db, _a, before) => {
      if (hasPayments(db, before.roundId, before.organizationId))
        throw conflict('已按该政策发放配套资助，不能删除');
      db.delete(matchingPolicies).where(eq(matchingPolicies.id, before.id)).run();
    },
  });
