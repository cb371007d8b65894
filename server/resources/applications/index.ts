import { z } from 'zod';
import { tx } from '../../../db/client';
import { EDUCATION_LEVELS, STUDY_MODES } from '../../../db/schema/common';
import { ApiError, badRequest } from '../../lib/errors';
import { crud, parseId, requireAccess } from '../../lib/resource';
import { valid } from '../../lib/validate';
import { applicationList } from './list';
import {
  createDraft,
  deleteDraft,
  otherApplications,
  review,
  scopedApplication,
  submit,
  updateDraft,
  withdraw,
  type AppRow,
  type DraftInput,
} from './service';
import { timeline } from './timeline';
import { progressRoutes } from './progress';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2019-11-11');
const draftFields = {
  institutionId: z.number().int().positive().nullish(),
  educationLevel: z.enum(EDUCATION_LEVELS).nullish(),
  major: z.string().trim().max(60).nullish(),
  studyMode: z.enum(STUDY_MODES).nullish(),
  enrolledOn: date.nullish(),
  admissionNo: z.string().trim().max(40).nullish(),
};
const reviewBody = z.object({
  decision: z.enum(['approve', 'reject', 'return']),
  comment: z.string().max(1000).default(''),
});

const BULK_BATCH = 250;

export const applicationRoutes = () => {
  const app = crud<AppRow>({
    list: applicationList,
    create: {
      schema: z.object({
        roundId: z.number().int().positive(),
        workerId: z.number().int().positive().optional(),
        ...draftFields,
      }),
      run: (db, actor, d: DraftInput) => createDraft(db, actor, d),
    },
    update: {
      schema: z.object({ roundId: z.number().int().positive().optional(), ...draftFields }),
      run: (db, actor, before, d: DraftInput) => updateDraft(db, actor, before, d),
    },
    remove: (db, _a, before) => deleteDraft(db, before),
  });

  const action = (
    name: string,
    perm: string,
    fn: (
      db: Parameters<typeof submit>[0],
      actor: Parameters<typeof submit>[1],
      a: AppRow,
      body: never,
    ) => unknown,
    schema?: z.ZodType,
  ) =>
    app.post(`/:id{[0-9]+}/${name}`, async (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'applications', perm);
      const id = parseId(c.req.param('id'));
      let body: unknown = {};
      if (schema) {
        const parsed = schema.safeParse(await c.req.json().catch(() => null));
        if (!parsed.success)
          throw badRequest(
            '输入有误',
            Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '_', i.message])),
          );
        body = parsed.data;
      }
      const { db } = c.get('deps');
      const out = tx(db, (t) => {
        fn(t, c.get('actor'), scopedApplication(t, u, id), body as never);
        return scopedApplication(t, u, id);
      });
      return c.json(out);
    });

  action('submit', 'submit', (db, actor, a) => submit(db, actor, a));
  action('withdraw', 'withdraw', (db, actor, a) => withdraw(db, actor, a));
  action(
    'review',
    'review',
    (db, actor, a, b: z.infer<typeof reviewBody>) => review(db, actor, a, b.decision, b.comment),
    reviewBody,
  );

  // A clerk's daily pile: each id decided on its own (a savepoint: one refused id undoes only itself),
  // the answer says which and why not. Ids go in batches of BULK_BATCH per transaction: one disk sync
  // a batch instead of one an id, and other writers wait for a batch, not the whole pile.
  app.post(
    '/review',
    valid('json', reviewBody.extend({ ids: z.array(z.number().int().positive()).min(1).max(1000) })),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'applications', 'review');
      const { ids, decision, comment } = c.req.valid('json');
      const { db } = c.get('deps');
      const unique = [...new Set(ids)];
      const results: (
        { id: number; ok: true; status: string } | { id: number; ok: false; status: number; message: string }
      )[] = [];
      for (let i = 0; i < unique.length; i += BULK_BATCH) {
        results.push(
          ...tx(db, (batch) =>
            unique.slice(i, i + BULK_BATCH).map((id) => {
              try {
                const status = tx(batch, (t) =>
                  review(t, c.get('actor'), scopedApplication(t, u, id), decision, comment),
                );
                return { id, ok: true as const, status };
              } catch (e) {
                if (e instanceof ApiError)
                  return { id, ok: false as const, status: e.status, message: e.message };
                throw e;
              }
            }),
          ),
        );
      }
      return c.json({
        succeeded: results.filter((r) => r.ok).length,
        failed: results.filter((r) => !r.ok).length,
        results,
      });
    },
  );

  app.get('/:id{[0-9]+}/timeline', (c) => {
    const u = c.get('user')!;
    requireAccess(u, 'applications', 'show');
    const { db } = c.get('deps');
    const a = scopedApplication(db, u, parseId(c.req.param('id')));
    return c.json(timeline(db, a, u));
  });

  app.get('/:id{[0-9]+}/others', (c) => {
    const u = c.get('user')!;
    requireAccess(u, 'applications', 'show');
    const { db } = c.get('deps');
    return c.json(otherApplications(db, scopedApplication(db, u, parseId(c.req.param('id'))), u));
  });
  progressRoutes(app);
  return app;
};
