import { Hono } from 'hono';
import { z } from 'zod';
import { allocations } from '../../../db/schema';
import { STAGES } from '../../../db/schema/common';
import { stageAmountFen } from '../../domain/money';
import type { AppEnv } from '../../lib/context';
import { badRequest } from '../../lib/errors';
import { moneyAction, moneyGate } from '../../lib/idempotency';
import { crud, findScoped, parseId, requireAccess } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';
import { valid } from '../../lib/validate';
import {
  createAllocation,
  dueApplications,
  receiveAllocation,
  roundOf,
  transferAllocation,
  type AllocationRow,
} from './service';

export const allocationList: ListSpec = {
  resource: 'allocations',
  table: allocations,
  columns: {
    id: allocations.id,
    roundId: allocations.roundId,
    organizationId: allocations.organizationId,
    stage: allocations.stage,
    amountFen: allocations.amountFen,
    applicationCount: allocations.applicationCount,
    status: allocations.status,
    createdAt: allocations.createdAt,
    transferredAt: allocations.transferredAt,
    receivedAt: allocations.receivedAt,
  },
  defaultSort: ['id', 'DESC'],
};

const target = z.object({
  roundId: z.number().int().positive(),
  organizationId: z.number().int().positive(),
  stage: z.enum(STAGES),
});

export const allocationRoutes = () => {
  const app = new Hono<AppEnv>();

  // What an allocation would cover now: the city sees the count and amount before it commits.
  app.get(
    '/due',
    valid(
      'query',
      z.object({
        roundId: z.coerce.number().int().positive(),
        organizationId: z.coerce.number().int().positive(),
        stage: z.enum(STAGES),
      }),
    ),
    (c) => {
      requireAccess(c.get('user')!, 'allocations', 'create');
      const { roundId, organizationId, stage } = c.req.valid('query');
      const round = roundOf(c.get('deps').db, roundId);
      if (!round) throw badRequest('批次不存在', { roundId: '批次不存在' });
      const ids = dueApplications(c.get('deps').db, round, organizationId, stage);
      return c.json({
        roundId,
        organizationId,
        stage,
        applicationCount: ids.length,
        amountFen: ids.length * stageAmountFen(round, stage),
        applicationIds: ids,
      });
    },
  );

  app.post('/', moneyGate('allocations', 'create'), valid('json', target), (c) => {
    const u = c.get('user')!;
    const d = c.req.valid('json');
    return moneyAction(
      c,
      (t) => findScoped<AllocationRow>(t, allocationList, u, createAllocation(t, c.get('actor'), d)),
      201,
    );
  });

  const action = (
    name: 'transfer' | 'receive',
    run: (
      t: Parameters<typeof transferAllocation>[0],
      a: AllocationRow,
      c: { var: AppEnv['Variables'] },
    ) => unknown,
  ) =>
    app.post(`/:id{[0-9]+}/${name}`, moneyGate('allocations', name), (c) => {
      const u = c.get('user')!;
      const id = parseId(c.req.param('id'));
      return moneyAction(c, (t) => {
        const result = run(t, findScoped<AllocationRow>(t, allocationList, u, id), c);
        return {
          ...findScoped<AllocationRow>(t, allocationList, u, id),
          ...(result && typeof result === 'object' ? { result } : {}),
        };
      });
    });
  action('transfer', (t, a, c) => transferAllocation(t, c.var.actor, a));
  action('receive', (t, a, c) => receiveAllocation(t, c.var.actor, a));

  app.route('/', crud<AllocationRow>({ list: allocationList }));
  return app;
};
