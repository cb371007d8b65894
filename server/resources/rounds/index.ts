import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { rounds } from '../../../db/schema';
import { tx } from '../../../db/client';
import { conflict } from '../../lib/errors';
import { commitQuotas, quotaProposal } from '../quotas/proposal';
import { createRound, raisePlan, updateRound } from './service';
import { crud, findScoped, parseId, requireAccess } from '../../lib/resource';
import { describe, idParam, json, recordSchema, validated } from '../../lib/openapi';
import { recordActions } from '../../lib/record-action';
import { MAX_PLAN_RAISE } from '../../domain/quota';
import type { ListSpec } from '../../lib/ra-list';

export const roundList: ListSpec = {
  resource: 'rounds',
  table: rounds,
  columns: {
    id: rounds.id,
    name: rounds.name,
    intakeTerm: rounds.intakeTerm,
    opensOn: rounds.opensOn,
    closesOn: rounds.closesOn,
    plannedPlaces: rounds.plannedPlaces,
    intakeFrom: rounds.intakeFrom,
    intakeTo: rounds.intakeTo,
    processPayBy: rounds.processPayBy,
    waitlistClosesOn: rounds.waitlistClosesOn,
    minStudyMonths: rounds.minStudyMonths,
    graduationDeadline: rounds.graduationDeadline,
  },
  search: [rounds.name],
  defaultSort: ['opensOn', 'DESC'],
};

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2019-11-11');
const fen = z.number().int('金额须为整数（分）').min(0, '金额不能为负').max(100_000_000);

const roundFields = z.object({
  name: z.string().trim().min(2).max(40),
  intakeTerm: z.string().regex(/^\d{4}-(spring|autumn)$/, '入学批次格式应为 2019-autumn'),
  opensOn: date,
  closesOn: date,
  intakeFrom: date,
  intakeTo: date,
  // Left out, these take the defaults (a year after the intake starts; 30 months).
  processPayBy: date.nullish(),
  waitlistClosesOn: date.nullish(),
  minStudyMonths: z.number().int().min(1).max(72).nullish(),
  processAmountFen: fen,
  resultAmountFen: fen,
  plannedPlaces: z.number().int().min(0).max(1_000_000),
});

type RoundRow = typeof rounds.$inferSelect;

export const roundRoutes = () => {
  const app = crud({
    list: roundList,
    create: { schema: roundFields, run: (db, actor, data) => createRound(db, actor, data) },
    update: {
      schema: roundFields.partial(),
      run: (db, actor, before: typeof rounds.$inferSelect, data) => updateRound(db, actor, before, data),
    },
    remove: (db, _a, before) => {
      if (
        db.$client
          .prepare(
            'select 1 from applications where round_id = ? union all select 1 from quotas where round_id = ? limit 1',
          )
          .get(before.id, before.id)
      ) {
        throw conflict('该批次已有名额或申请，不能删除');
      }
      db.delete(rounds).where(eq(rounds.id, before.id)).run();
    },
  });

  const action = recordActions(app, {
    resource: 'rounds',
    find: (t, u, id) => findScoped<RoundRow>(t, roundList, u, id),
    record: recordSchema('rounds', rounds),
  });
  action('raise-plan', {
    permission: 'raisePlan',
    summary: 'R18: 增加计划 — raise the planned places, with the reason; audited',
    body: z.object({
      delta: z
        .number()
        .int('增加数量须为整数')
        .positive('增加数量须为正数')
        .max(MAX_PLAN_RAISE, `一次最多增加 ${MAX_PLAN_RAISE} 个`),
      reason: z.string().trim().min(4, '请说明增加计划的原因（至少 4 个字）').max(500),
    }),
    refusals: [422],
    run: ({ db, actor, row, body }) => raisePlan(db, actor, row, body.delta, body.reason),
  });

  const proposalDoc = json(
    'The proposed split of the plan over the level-2 unions, beside their quotas now',
    {
      type: 'object',
      properties: {
        roundId: { type: 'integer' },
        plannedPlaces: { type: 'integer' },
        unions: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              organizationId: { type: 'integer' },
              name: { type: 'string' },
              members: { type: 'integer' },
              applications: { type: 'integer' },
              uptake: { type: 'integer' },
              proposed: { type: 'integer' },
              current: { type: ['integer', 'null'] },
              used: { type: 'integer' },
            },
          },
        },
      },
    },
  );
  app.get(
    '/:id{[0-9]+}/quota-proposal',
    describe({
      tags: ['rounds'],
      summary:
        "R18: the plan split over the level-2 unions by attested members and the earlier rounds' applications and uptake (largest remainder, sums to the plan)",
      parameters: [idParam],
      responses: { 200: proposalDoc },
      refusals: [404],
    }),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'quotas', 'commit');
      const { db } = c.get('deps');
      const round = findScoped<RoundRow>(db, roundList, u, parseId(c.req.param('id')));
      return c.json(quotaProposal(db, round.id));
    },
  );
  app.post(
    '/:id{[0-9]+}/quotas',
    describe({
      tags: ['rounds'],
      summary: "R18: commit the round's quotas (from the proposal, edited) in one audited action",
      parameters: [idParam],
      responses: { 200: proposalDoc },
      refusals: [400, 404, 422],
    }),
    validated(
      'json',
      z.object({
        quotas: z
          .array(
            z.object({
              organizationId: z.number().int().positive(),
              places: z.number().int().min(0).max(1_000_000),
            }),
          )
          .min(1)
          .max(500),
        reason: z.string().trim().min(4, '请说明分配依据（至少 4 个字）').max(500),
      }),
    ),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'quotas', 'commit');
      const { db } = c.get('deps');
      const body = c.req.valid('json');
      const id = parseId(c.req.param('id'));
      return c.json(
        tx(db, (t) => {
          const round = findScoped<RoundRow>(t, roundList, u, id);
          return commitQuotas(t, c.get('actor'), round.id, body.quotas, body.reason);
        }),
      );
    },
  );
  return app;
};
