import { z } from 'zod';
import { tx } from '../../../db/client';
import { EDUCATION_LEVELS, STUDY_MODES } from '../../../db/schema/common';
import { ApiError } from '../../lib/errors';
import { describe, idParam, json, recordSchema, validated } from '../../lib/openapi';
import { recordActions } from '../../lib/record-action';
import { crud, parseId, requireAccess } from '../../lib/resource';
import { unionNames } from '../../lib/people-on-money';
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
  /** R9a/b: the unit's attestation with its recommendation (step 1). */
  attest: z
    .object({ member: z.boolean(), frontline: z.boolean(), comment: z.string().max(500).optional() })
    .optional(),
});

const BULK_BATCH = 250;

export const applicationRoutes = () => {
  const app = crud({
    list: applicationList,
    // Every role that sees an application sees the same unions by name, whether or not it may open them.
    serialize: (row: AppRow, _u, db, mode) => (mode === 'one' ? { ...row, ...unionNames(db, row) } : row),
    create: {
      schema: z.object({
        roundId: z.number().int().positive(),
        workerId: z.number().int().positive().optional(),
        ...draftFields,
      }),
      run: (db, actor, d) => createDraft(db, actor, d),
    },
    update: {
      schema: z.object({ roundId: z.number().int().positive().optional(), ...draftFields }),
      run: (db, actor, before: AppRow, d) => updateDraft(db, actor, before, d),
    },
    remove: (db, _a, before) => deleteDraft(db, before),
  });

  const action = recordActions(app, {
    resource: 'applications',
    find: scopedApplication,
    record: recordSchema('applications', applicationList.table),
  });
  action('submit', {
    summary: 'Submit a draft or returned application for review (R9)',
    refusals: [409, 422],
    run: ({ db, actor, row }) => submit(db, actor, row),
  });
  action('withdraw', {
    summary: 'Withdraw an application before it is decided',
    refusals: [409],
    run: ({ db, actor, row }) => withdraw(db, actor, row),
  });
  action('review', {
    summary: "Decide the caller's review step: approve, reject or return (R10)",
    body: reviewBody,
    refusals: [409, 422],
    run: ({ db, actor, row, body }) => review(db, actor, row, body.decision, body.comment, body.attest),
  });

  // A clerk's daily pile: each id decided on its own (a savepoint: one refused id undoes only itself),
  // the answer says which and why not. Ids go in batches of BULK_BATCH per transaction: one disk sync
  // a batch instead of one an id, and other writers wait for a batch, not the whole pile.
  app.post(
    '/review',
    describe({
      tags: ['applications'],
      summary: 'Decide many applications at once; each id succeeds or fails on its own',
      responses: {
        200: json('Which ids were decided, and why the others were not', {
          type: 'object',
          properties: {
            succeeded: { type: 'integer' },
            failed: { type: 'integer' },
            results: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'ok', 'status'],
                properties: {
                  id: { type: 'integer' },
                  ok: { type: 'boolean' },
                  status: { type: ['string', 'integer'], description: 'the new status, or the refusal code' },
                  message: { type: 'string' },
                },
              },
            },
          },
        }),
      },
      refusals: [400, 413],
    }),
    validated('json', reviewBody.extend({ ids: z.array(z.number().int().positive()).min(1).max(1000) })),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'applications', 'review');
      const { ids, decision, comment, attest } = c.req.valid('json');
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
                  review(t, c.get('actor'), scopedApplication(t, u, id), decision, comment, attest),
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

  app.get(
    '/:id{[0-9]+}/timeline',
    describe({
      tags: ['applications'],
      summary: "An application's history: each step as a code with its parameters (who, when, why)",
      parameters: [idParam],
      responses: { 200: json('The entries, oldest first', { type: 'array', items: { type: 'object' } }) },
      refusals: [404],
    }),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'applications', 'show');
      const { db } = c.get('deps');
      const a = scopedApplication(db, u, parseId(c.req.param('id')));
      return c.json(timeline(db, a, u));
    },
  );

  app.get(
    '/:id{[0-9]+}/others',
    describe({
      tags: ['applications'],
      summary: "The same worker's other applications (R9e: one subsidy per education level)",
      parameters: [idParam],
      responses: { 200: json('Their other applications', { type: 'array', items: { type: 'object' } }) },
      refusals: [404],
    }),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'applications', 'show');
      const { db } = c.get('deps');
      return c.json(otherApplications(db, scopedApplication(db, u, parseId(c.req.param('id'))), u));
    },
  );
  progressRoutes(app);
  return app;
};
