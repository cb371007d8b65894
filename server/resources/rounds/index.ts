import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { rounds } from '../../../db/schema';
import { conflict } from '../../lib/errors';
import { createRound, updateRound } from './service';
import { crud } from '../../lib/resource';
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
  // §3a: left out, these take the defaults (a year after the intake starts; 30 months).
  processPayBy: date.nullish(),
  waitlistClosesOn: date.nullish(),
  minStudyMonths: z.number().int().min(1).max(72).nullish(),
  processAmountFen: fen,
  resultAmountFen: fen,
  plannedPlaces: z.number().int().min(0).max(1_000_000),
});

export const roundRoutes = () =>
  crud({
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
