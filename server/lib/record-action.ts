import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { tx, type Db } from '../../db/client';
import type { Actor, AppEnv, Deps, SessionUser } from './context';
import { moneyAction, moneyGate } from './idempotency';
import { documented, idempotencyKey, idParam, json, validated, type Refusal } from './openapi';
import { parseId, requireAccess } from './resource';

type Schema = Parameters<typeof json>[1];
type BodyOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What an action sees, inside its transaction. */
export interface ActionContext<Row, Body> {
  db: Db;
  actor: Actor;
  user: SessionUser;
  deps: Deps;
  /** The record as found in the caller's scope when the transaction began. */
  row: Row;
  body: Body;
}

export interface ActionSpec<Row, S extends z.ZodType | undefined, R> {
  /** The `canAccess` action; the path segment when not given. */
  permission?: string;
  /** The JSON body; an action without one reads no body. */
  body?: S;
  /** Money moves: the role is checked before the body is read, and an Idempotency-Key is honoured. */
  money?: boolean;
  summary: string;
  description?: string;
  /** Answers beyond 401/403/404 that the action may give. */
  refusals?: Refusal[];
  run: (x: ActionContext<Row, BodyOf<S>>) => R;
  /** The answer, inside the same transaction; the record read again when not given. */
  answer?: (x: ActionContext<Row, BodyOf<S>> & { result: R; reread: () => Row }) => unknown;
  /** The documented answer, when it is not the record. */
  answers?: { description: string; schema: Schema };
}

/**
 * `POST /{resource}/{id}/{action}`: the role is checked, the body validated against its zod schema, and
 * the service runs on the scoped record in one transaction with its audit rows; the answer is the
 * record as it now stands. Each route is described in the OpenAPI document by the same spec.
 */
export function recordActions<Row>(
  app: Hono<AppEnv>,
  opts: {
    resource: string;
    find: (db: Db, user: SessionUser, id: number) => Row;
    record: Schema;
  },
) {
  const { resource, find } = opts;
  return <S extends z.ZodType | undefined = undefined, R = unknown>(
    name: string,
    spec: ActionSpec<Row, S, R>,
  ): void => {
    const permission = spec.permission ?? name;
    const gate: MiddlewareHandler<AppEnv> = spec.money
      ? moneyGate(resource, permission)
      : async (c, next) => {
          requireAccess(c.get('user')!, resource, permission);
          await next();
        };

    const handler = (c: Context<AppEnv, '/:id', { out: { json: BodyOf<S> } }>) => {
      const user = c.get('user')!;
      const id = parseId(c.req.param('id'));
      // Undefined when the action takes no body: no validator ran.
      const body = c.req.valid('json');
      const act = (db: Db) => {
        const x = { db, actor: c.get('actor'), user, deps: c.get('deps'), row: find(db, user, id), body };
        const result = spec.run(x);
        const reread = () => find(db, user, id);
        return spec.answer ? spec.answer({ ...x, result, reread }) : reread();
      };
      return spec.money ? moneyAction(c, act) : c.json(tx(c.get('deps').db, act));
    };

    const doc = documented(
      {
        tags: [resource],
        summary: spec.summary,
        description: spec.description,
        parameters: spec.money ? [idParam, idempotencyKey] : [idParam],
        responses: {
          200: spec.answers
            ? json(spec.answers.description, spec.answers.schema)
            : json('The record after the action', opts.record),
        },
        refusals: [404, ...(spec.body ? [400 as const] : []), ...(spec.refusals ?? [])],
      },
      handler,
    );
    const path = `/:id{[0-9]+}/${name}`;
    if (spec.body) app.post(path, gate, validated('json', spec.body), doc);
    else app.post(path, gate, doc);
  };
}
