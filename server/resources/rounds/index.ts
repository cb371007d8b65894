import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { rounds } from '../../../db/schema';
import { conflict } from '../../lib/errors';
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
  graduationDeadline: date,
  processAmountFen: fen,
  resultAmountFen: fen,
  plannedPlaces: z.number().int().min(0).max(1_000_000),
});

const windowCheck = <T extends { opensOn?: string; closesOn?: string }>(s: z.ZodType<T>) =>
  s.refine((r) => !r.opensOn || !r.closesOn || r.opensOn <= r.closesOn, {
    message: '截止日期不能早于开始日期',
    path: ['closesOn'],
  });

export const roundRoutes = () =>
  crud({
    list: roundList,
    create: {
      schema: windowCheck(roundFields),
      run: (db, _a, data: typeof rounds.$inferInsert) =>
        db.insert(rounds).values(data).returning({ id: rounds.id }).get().id,
    },
    update: {
      schema: windowCheck(roundFields.partial()),
      run: (db, _a, before, data: Partial<typeof rounds.$inferInsert>) => {
        // R1: amounts belong to a round; once money moved in it, they are history.
        const moved = db.$client
          .prepare('select 1 from allocations where round_id = ? limit 1')
          .get(before.id);
        if (
          moved &&
          ((data.processAmountFen ?? before.processAmountFen) !== before.processAmountFen ||
            (data.resultAmountFen ?? before.resultAmountFen) !== before.resultAmountFen)
        ) {
          throw conflict('R1: 该批次已有拨付，不能再修改资助金额');
        }
        const opens = data.opensOn ?? (before.opensOn as string),
          closes = data.closesOn ?? (before.closesOn as string);
        if (opens > closes) throw conflict('截止日期不能早于开始日期');
        db.update(rounds).set(data).where(eq(rounds.id, before.id)).run();
      },
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
