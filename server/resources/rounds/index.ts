import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { rounds } from '../../../db/schema';
import { conflict } from '../../lib/errors';
import { createRound, raisePlan, updateRound } from './service';
import { crud, findScoped } from '../../lib/resource';
import { recordSchema } from '../../lib/openapi';
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
  return app;
};
