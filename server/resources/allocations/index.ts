import { Hono } from 'hono';
import { z } from 'zod';
import { allocations } from '../../../db/schema';
import { STAGES } from '../../../db/schema/common';
import { stageAmountFen } from '../../domain/money';
import { chinaDate } from '../../domain/eligibility';
import type { AppEnv } from '../../lib/context';
import { badRequest } from '../../lib/errors';
import { moneyAction, moneyGate } from '../../lib/idempotency';
import { describe, idempotencyKey, json, recordSchema, validated } from '../../lib/openapi';
import type { ListSpec } from '../../lib/ra-list';
import { recordActions } from '../../lib/record-action';
import { allocationItems, coveredApplications } from '../../lib/people-on-money';
import { crud, findScoped, requireAccess } from '../../lib/resource';
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
    describe({
      tags: ['allocations'],
      summary: 'What an allocation would cover now: its applications, count and amount (R3)',
      responses: {
        200: json('The allocation that would be created', {
          type: 'object',
          properties: {
            roundId: { type: 'integer' },
            organizationId: { type: 'integer' },
            stage: { type: 'string', enum: [...STAGES] },
            applicationCount: { type: 'integer' },
            amountFen: { type: 'integer' },
            applicationIds: { type: 'array', items: { type: 'integer' } },
            applications: {
              type: 'array',
              description: 'The same applications with their workers and grassroots unions',
              items: {
                type: 'object',
                properties: {
                  applicationId: { type: 'integer' },
                  workerName: { type: 'string' },
                  organizationId: { type: 'integer' },
                  organizationName: { type: 'string' },
                },
              },
            },
          },
        }),
      },
      refusals: [400],
    }),
    validated(
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
      const ids = dueApplications(
        c.get('deps').db,
        round,
        organizationId,
        stage,
        chinaDate(c.get('deps').clock()),
      );
      return c.json({
        roundId,
        organizationId,
        stage,
        applicationCount: ids.length,
        amountFen: ids.length * stageAmountFen(round, stage),
        applicationIds: ids,
        applications: coveredApplications(c.get('deps').db, ids),
      });
    },
  );

  app.post(
    '/',
    describe({
      tags: ['allocations'],
      summary: 'R3: allocate the due applications of a union, round and stage',
      parameters: [idempotencyKey],
      responses: { 201: json('The allocation created', recordSchema('allocations', allocations)) },
      refusals: [400, 409, 413, 422],
    }),
    moneyGate('allocations', 'create'),
    validated('json', target),
    (c) => {
      const u = c.get('user')!;
      const d = c.req.valid('json');
      return moneyAction(
        c,
        (t) => findScoped<AllocationRow>(t, allocationList, u, createAllocation(t, c.get('actor'), d)),
        201,
      );
    },
  );

  const action = recordActions(app, {
    resource: 'allocations',
    find: (t, u, id) => findScoped<AllocationRow>(t, allocationList, u, id),
    record: recordSchema('allocations', allocations),
  });
  // The record, and what the service reports when it has more to say (e.g. the payments it created).
  const withResult = ({ result, reread }: { result: unknown; reread: () => AllocationRow }) => ({
    ...reread(),
    ...(result && typeof result === 'object' ? { result } : {}),
  });
  action('transfer', {
    money: true,
    summary: 'R3: the city transfers the allocation to the union',
    refusals: [409, 422],
    run: ({ db, actor, row }) => transferAllocation(db, actor, row),
    answer: withResult,
  });
  action('receive', {
    money: true,
    summary: 'R3: the union confirms receipt; the payments to its workers are created',
    refusals: [409, 422],
    run: ({ db, actor, row }) => receiveAllocation(db, actor, row),
    answer: withResult,
  });

  // An allocation's show page lists the applications it covers, by worker and union (R3).
  app.route(
    '/',
    crud<AllocationRow>({
      list: allocationList,
      serialize: (row, _u, db, mode) =>
        mode === 'one' ? { ...row, items: allocationItems(db, row.id) } : row,
    }),
  );
  return app;
};
