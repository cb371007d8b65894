import { and, type SQL } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { tx, type Db } from '../../db/client';
import { canAccess } from '../domain/permissions';
import { audit } from './audit';
import type { Actor, AppEnv, Deps, SessionUser } from './context';
import { ApiError, forbidden, methodNotAllowed, notFound } from './errors';
import { documented, fromZod, idParam, json, recordSchema, type RouteDoc } from './openapi';
import { parseListQuery, rowById, runList, setContentRange, type ListSpec } from './ra-list';
import { scopeFor } from './scope';
import { redactPersonal } from './redact';
import { parse } from './validate';

type AnyRow = Record<string, unknown> & { id: number };

type Fields = z.ZodType<Record<string, unknown>>;

/** A resource's list and, where offered, its create/update/delete; `C` and `U` are the bodies' schemas. */
export interface ResourceDef<
  Row extends AnyRow = AnyRow,
  C extends Fields = Fields,
  U extends Fields = Fields,
> {
  list: ListSpec;
  /** The API view of a row for this user: drops secrets, masks personal data. */
  serialize?: (
    row: Row,
    user: SessionUser,
    db: Db,
    mode: 'list' | 'one',
    now: Date,
  ) => Record<string, unknown>;
  create?: { schema: C; run: (db: Db, actor: Actor, data: z.output<C>, deps: Deps) => number };
  /** Only the fields sent reach `run`: a partial update leaves the others as they are. */
  update?: {
    schema: U;
    run: (db: Db, actor: Actor, before: Row, data: Partial<z.output<U>>, deps: Deps) => void;
  };
  remove?: (db: Db, actor: Actor, before: Row) => void;
}

/** Drops the keys a partial update leaves undefined: nothing to write is not an error. */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Never leaves the server, whoever asks: ciphertexts, keyed hashes, password hashes. */
const isSecret = (k: string) => k.endsWith('Enc') || k.endsWith('Hash') || k === 'passwordHash';
export function stripSecrets(row: Record<string, unknown>): Record<string, unknown> {
  let any = false;
  for (const k in row)
    if (isSecret(k)) {
      any = true;
      break;
    }
  if (!any) return row; // most rows: nothing to drop, nothing to copy
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (isSecret(k)) continue;
    out[k] = v;
  }
  return out;
}

/** Found and in scope, or 404; a record that exists out of scope is a refusal worth auditing. */
export class OutOfScope extends ApiError {
  constructor(
    readonly resource: string,
    readonly recordId: number,
  ) {
    super(404, '记录不存在');
  }
}

export function parseId(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
}

export function findScoped<Row extends AnyRow>(db: Db, spec: ListSpec, user: SessionUser, id: number): Row {
  const row = rowById<Row>(db, spec, id, scopeFor(spec.resource, user));
  if (row) return row;
  if (rowById(db, spec, id, undefined)) throw new OutOfScope(spec.resource, id);
  throw notFound();
}

export function requireAccess(user: SessionUser, resource: string, action: string): void {
  if (!canAccess(user.role, { resource, action })) throw forbidden();
}

/** react-admin's simple-rest protocol for one resource, scoped and permission-checked. */
export function crud<Row extends AnyRow, C extends Fields = Fields, U extends Fields = Fields>(
  def: ResourceDef<Row, C, U>,
  extraScope?: (u: SessionUser) => SQL | undefined,
): Hono<AppEnv> {
  const { resource } = def.list;
  const app = new Hono<AppEnv>();
  const doc = crudDocs(def);
  const view = (row: Row, u: SessionUser, db: Db, mode: 'list' | 'one' = 'one', now = new Date()) =>
    stripSecrets(def.serialize ? def.serialize(row, u, db, mode, now) : row);
  // The append-only log keeps no more personal data than a list row shows (server/lib/redact.ts).
  const logged = (row: Row, u: SessionUser, db: Db) => redactPersonal(view(row, u, db));

  app.get(
    '/',
    documented(doc.list, (c: Context<AppEnv>) => {
      const u = c.get('user')!;
      requireAccess(u, resource, 'list');
      const q = parseListQuery(c, def.list);
      const now = c.get('deps').clock();
      const result = runList<Row>(
        c.get('deps').db,
        def.list,
        q,
        and(scopeFor(resource, u), extraScope?.(u)),
        now,
      );
      setContentRange(c, resource, result);
      return c.json(result.rows.map((r) => view(r, u, c.get('deps').db, 'list', now)));
    }),
  );

  app.get(
    '/:id{[0-9]+}',
    documented(doc.show, (c: Context<AppEnv, '/:id'>) => {
      const u = c.get('user')!;
      requireAccess(u, resource, 'show');
      const row = findScoped<Row>(c.get('deps').db, def.list, u, parseId(c.req.param('id')));
      return c.json(view(row, u, c.get('deps').db, 'one', c.get('deps').clock()));
    }),
  );

  app.post(
    '/',
    documented(doc.create, async (c: Context<AppEnv>) => {
      if (!def.create) throw methodNotAllowed();
      const u = c.get('user')!;
      requireAccess(u, resource, 'create');
      const data = parse(def.create.schema, await c.req.json().catch(() => null));
      const { db } = c.get('deps');
      const row = tx(db, (t) => {
        const id = def.create!.run(t, c.get('actor'), data, c.get('deps'));
        const created = findScoped<Row>(t, def.list, u, id);
        audit(t, c.get('actor'), { action: 'create', resource, recordId: id, after: logged(created, u, t) });
        return created;
      });
      return c.json(view(row, u, db), 201);
    }),
  );

  app.put(
    '/:id{[0-9]+}',
    documented(doc.update, async (c: Context<AppEnv, '/:id'>) => {
      if (!def.update) throw methodNotAllowed();
      const u = c.get('user')!;
      requireAccess(u, resource, 'edit');
      const id = parseId(c.req.param('id'));
      const body = await c.req.json().catch(() => null);
      const { db } = c.get('deps');
      const row = tx(db, (t) => {
        const before = findScoped<Row>(t, def.list, u, id);
        const data = compact(parse(def.update!.schema, body));
        if (Object.keys(data).length) def.update!.run(t, c.get('actor'), before, data, c.get('deps'));
        const after = findScoped<Row>(t, def.list, u, id);
        audit(t, c.get('actor'), {
          action: 'update',
          resource,
          recordId: id,
          before: logged(before, u, t),
          after: logged(after, u, t),
        });
        return after;
      });
      return c.json(view(row, u, db));
    }),
  );

  app.delete(
    '/:id{[0-9]+}',
    documented(doc.remove, (c: Context<AppEnv, '/:id'>) => {
      if (!def.remove) throw methodNotAllowed();
      const u = c.get('user')!;
      requireAccess(u, resource, 'delete');
      const id = parseId(c.req.param('id'));
      const { db } = c.get('deps');
      const before = tx(db, (t) => {
        const row = findScoped<Row>(t, def.list, u, id);
        def.remove!(t, c.get('actor'), row);
        audit(t, c.get('actor'), { action: 'delete', resource, recordId: id, before: logged(row, u, t) });
        return row;
      });
      return c.json(view(before, u, db));
    }),
  );

  return app;
}

/** The five simple-rest routes of a resource as the OpenAPI document describes them. */
function crudDocs<Row extends AnyRow, C extends Fields, U extends Fields>(def: ResourceDef<Row, C, U>) {
  const { resource, table } = def.list;
  const record = recordSchema(resource, table);
  const tags = [resource];
  // No summary: where a resource offers its own create (allocations, documents…), that route's
  // description is merged with this one and must keep its words.
  const notOffered: RouteDoc = { tags, refusals: [405] };
  const body = (schema: Fields) => ({
    required: true,
    content: { 'application/json': { schema: fromZod(schema) } },
  });
  const list: RouteDoc = {
    tags,
    summary: `List ${resource}`,
    description: "react-admin simple-rest: scoped to the caller's organisation; a page and its total.",
    parameters: ['Sort', 'Range', 'Filter'].map((p) => ({ $ref: `#/components/parameters/${p}` })),
    responses: {
      200: {
        ...json('One page of records', { type: 'array', items: record }),
        headers: { 'Content-Range': { $ref: '#/components/headers/ContentRange' } },
      },
    },
    refusals: [400],
  };
  return {
    list,
    show: {
      tags,
      summary: `One of ${resource}`,
      parameters: [idParam],
      responses: { 200: json('The record', record) },
      refusals: [404],
    },
    create: def.create
      ? {
          tags,
          summary: `Create one of ${resource}`,
          requestBody: body(def.create.schema),
          responses: { 201: json('The record created', record) },
          refusals: [400, 404, 409, 413, 422],
        }
      : notOffered,
    update: def.update
      ? {
          tags,
          summary: `Update one of ${resource}`,
          description: 'Only the fields sent change.',
          parameters: [idParam],
          requestBody: body(def.update.schema),
          responses: { 200: json('The record updated', record) },
          refusals: [400, 404, 409, 413, 422],
        }
      : notOffered,
    remove: def.remove
      ? {
          tags,
          summary: `Delete one of ${resource}`,
          parameters: [idParam],
          responses: { 200: json('The record deleted', record) },
          refusals: [404, 409],
        }
      : notOffered,
  } satisfies Record<string, RouteDoc>;
}
