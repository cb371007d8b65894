import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { allocations, quotas } from '../../../db/schema';
import { cityHeldFen, stageAmountFen, unionHeldFen, type Flows, type Stage } from '../../domain/money';
import type { AppEnv, SessionUser } from '../../lib/context';
import { requireAccess } from '../../lib/resource';
import { scopeFor } from '../../lib/scope';
import { describe, json, validated } from '../../lib/openapi';

/**
 * Where the money is, per round and stage: for the city and for each level-2 union. City money and
 * the unions' own matching money (R8) are kept apart; every figure is integer fen.
 */
type Key = `${number}:${number}:${Stage}`;
interface Row extends Flows {
  roundId: number;
  organizationId: number | null;
  stage: Stage;
  heldFen: number;
  refundsOutstandingFen: number;
  returnsOutstandingFen: number;
  matchingPaidFen: number;
  matchingPendingFen: number;
}

const STAGES: Stage[] = ['process', 'result'];
const zero = (): Omit<Row, 'roundId' | 'organizationId' | 'stage'> => ({
  budgetedFen: 0,
  allocatedFen: 0,
  transferredFen: 0,
  receivedFen: 0,
  paidFen: 0,
  pendingFen: 0,
  failedFen: 0,
  refundedFen: 0,
  returnedFen: 0,
  heldFen: 0,
  refundsOutstandingFen: 0,
  returnsOutstandingFen: 0,
  matchingPaidFen: 0,
  matchingPendingFen: 0,
});

/** Sums of one flow per (round, union, stage), for the visible unions only. */
function sums(
  db: Db,
  sqlText: string,
  roundId: number | null,
): { r: number; o: number; s: Stage; v: number }[] {
  return db.$client
    .prepare(`select * from (${sqlText}) where (? is null or r = ?)`)
    .all(roundId, roundId) as { r: number; o: number; s: Stage; v: number }[];
}

function visibleUnions(db: Db, u: SessionUser, roundId: number | null): Set<string> {
  const q = db
    .select({ r: quotas.roundId, o: quotas.organizationId })
    .from(quotas)
    .where(and(scopeFor('quotas', u), roundId ? eq(quotas.roundId, roundId) : undefined))
    .all();
  const a = db
    .select({ r: allocations.roundId, o: allocations.organizationId })
    .from(allocations)
    .where(and(scopeFor('allocations', u), roundId ? eq(allocations.roundId, roundId) : undefined))
    .all();
  return new Set([...q, ...a].map((x) => `${x.r}:${x.o}`));
}

export function balances(db: Db, u: SessionUser, roundId: number | null): Row[] {
  const unions = visibleUnions(db, u, roundId);
  const rounds = db.$client
    .prepare(
      'select id, planned_places places, process_amount_fen processAmountFen, result_amount_fen resultAmountFen from rounds where (? is null or id = ?) order by id',
    )
    .all(roundId, roundId) as {
    id: number;
    places: number;
    processAmountFen: number;
    resultAmountFen: number;
  }[];
  const byKey = new Map<Key, Row>();
  for (const k of unions) {
    const [r, o] = k.split(':').map(Number);
    for (const s of STAGES)
      byKey.set(`${r}:${o}:${s}`, { roundId: r, organizationId: o, stage: s, ...zero() });
  }
  const add = (field: keyof ReturnType<typeof zero>, sqlText: string) => {
    for (const x of sums(db, sqlText, roundId)) {
      const row = byKey.get(`${x.r}:${x.o}:${x.s}`);
      if (row) row[field] += x.v;
    }
  };
  const round = new Map(rounds.map((r) => [r.id, r]));
  for (const row of byKey.values()) {
    const r = round.get(row.roundId);
    const places =
      (
        db.$client
          .prepare('select places from quotas where round_id = ? and organization_id = ?')
          .get(row.roundId, row.organizationId) as { places: number } | undefined
      )?.places ?? 0;
    if (r) row.budgetedFen = places * stageAmountFen(r, row.stage);
  }
  const al = (where: string) =>
    `select round_id r, organization_id o, stage s, sum(amount_fen) v from allocations where ${where} group by 1, 2, 3`;
  add('allocatedFen', al('1'));
  add('transferredFen', al(`status in ('transferred','received')`));
  add('receivedFen', al(`status = 'received'`));
  const pay = (
    source: string,
    status: string,
  ) => `select a.round_id r, p.organization_id o, p.stage s, sum(p.amount_fen) v from payments p
    join applications a on a.id = p.application_id where p.source = '${source}' and p.status = '${status}' group by 1, 2, 3`;
  add('paidFen', pay('city', 'paid'));
  add('pendingFen', pay('city', 'pending'));
  add('failedFen', pay('city', 'failed'));
  add('matchingPaidFen', pay('matching', 'paid'));
  add('matchingPendingFen', pay('matching', 'pending'));
  const refund = (
    where: string,
  ) => `select a.round_id r, p.organization_id o, p.stage s, sum(f.amount_fen) v from refunds f
    join payments p on p.id = f.payment_id join applications a on a.id = f.application_id where ${where} group by 1, 2, 3`;
  add('refundedFen', refund(`f.status = 'confirmed'`));
  add('refundsOutstandingFen', refund(`f.status <> 'confirmed'`));
  add(
    'returnedFen',
    `select round_id r, organization_id o, stage s, sum(amount_fen) v from fund_returns group by 1, 2, 3`,
  );
  add(
    'returnsOutstandingFen',
    `select round_id r, organization_id o, stage s, sum(amount_fen) v from fund_returns where status = 'filed' group by 1, 2, 3`,
  );
  const out = [...byKey.values()].map((row) => ({ ...row, heldFen: unionHeldFen(row) }));

  if (scopeFor('allocations', u) === undefined) {
    for (const r of rounds) {
      for (const s of STAGES) {
        const mine = out.filter((x) => x.roundId === r.id && x.stage === s);
        const city: Row = { roundId: r.id, organizationId: null, stage: s, ...zero() };
        for (const x of mine)
          for (const k of Object.keys(zero()) as (keyof ReturnType<typeof zero>)[]) city[k] += x[k];
        city.budgetedFen = r.places * stageAmountFen(r, s);
        // A filed return is on its way; the city counts it once it confirms receipt.
        city.heldFen = cityHeldFen({ ...city, returnedFen: city.returnedFen - city.returnsOutstandingFen });
        out.push(city);
      }
    }
  }
  return out.sort(
    (a, b) =>
      a.roundId - b.roundId ||
      (a.organizationId ?? 0) - (b.organizationId ?? 0) ||
      a.stage.localeCompare(b.stage),
  );
}

export const balanceRoutes = () =>
  new Hono<AppEnv>().get(
    '/',
    describe({
      tags: ['balances'],
      summary: 'Where the money is, per round, union and stage (R8: matching money kept apart); integer fen',
      responses: {
        200: {
          ...json('One row per round, union and stage; `organizationId: null` is the city', {
            type: 'array',
            items: { type: 'object', properties: { id: { type: 'integer' }, roundId: { type: 'integer' } } },
          }),
          headers: { 'Content-Range': { $ref: '#/components/headers/ContentRange' } },
        },
      },
      refusals: [400],
    }),
    validated('query', z.object({ roundId: z.coerce.number().int().positive().optional() })),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'balances', 'list');
      const rows = balances(c.get('deps').db, u, c.req.valid('query').roundId ?? null).map((r, i) => ({
        id: i + 1,
        ...r,
      }));
      c.header('Content-Range', `balances 0-${Math.max(0, rows.length - 1)}/${rows.length}`);
      return c.json(rows);
    },
  );
