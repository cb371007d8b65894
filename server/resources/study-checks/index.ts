import { z } from 'zod';
import { studyChecks } from '../../../db/schema';
import { STUDY_STATES } from '../../../db/schema/common';
import { nextStep, TERM_PATTERN } from '../../domain/study';
import type { ListSpec } from '../../lib/ra-list';
import { crud } from '../../lib/resource';
import { scopedApplication } from '../applications/service';
import { recordCheck, type StudyCheckRow } from './service';

export const studyCheckList: ListSpec = {
  resource: 'study-checks',
  table: studyChecks,
  columns: {
    id: studyChecks.id,
    applicationId: studyChecks.applicationId,
    term: studyChecks.term,
    state: studyChecks.state,
    userId: studyChecks.userId,
    createdAt: studyChecks.createdAt,
  },
  search: [studyChecks.note],
  defaultSort: ['id', 'DESC'],
};

/**
 * R15 学业检查: each term the institution (or the unit union) records how a funded worker's studies go.
 * A `withdrawn` (退学) check answers `next: 'dropout'`: the dropout action on the application drops the
 * worker out (and expects the refund, R5); the check alone moves nothing.
 */
export const studyCheckRoutes = () =>
  crud({
    list: studyCheckList,
    serialize: (row: StudyCheckRow) => ({ ...row, next: nextStep(row.state) }),
    create: {
      schema: z.object({
        applicationId: z.number().int().positive(),
        term: z.string().regex(TERM_PATTERN, '学期格式应为 2026-autumn'),
        state: z.enum(STUDY_STATES),
        note: z.string().trim().max(500).default(''),
      }),
      run: (db, actor, d) => recordCheck(db, actor, scopedApplication(db, actor.user!, d.applicationId), d),
    },
  });
