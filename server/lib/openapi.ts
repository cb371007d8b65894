import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../db/schema/common';
import type { Hono, ValidationTargets } from 'hono';
import { SESSION_COOKIE } from './auth';
import {
  describeRoute,
  generateSpecs,
  resolver,
  uniqueSymbol,
  type ContentWithResolver,
  type DescribeRouteOptions,
  type GenerateSpecOptions,
  type ResponsesWithResolver,
} from 'hono-openapi';
import type { z } from 'zod';
import type { AppEnv } from './context';
import { valid } from './validate';

/**
 * The OpenAPI 3.1 document is read off the routes themselves: every validator lends its zod schema,
 * every handler carries its description, and `openApiDocument` walks the app's routes. A route without
 * a description is missing from the document, and test/api/openapi.test.ts says which.
 */
type Schema = NonNullable<ContentWithResolver[string]['schema']>;
type Parameter = NonNullable<DescribeRouteOptions['parameters']>[number];
type Components = NonNullable<GenerateSpecOptions['documentation']['components']>;
/** A JSON Schema as the document holds it. */
export type DocSchema = NonNullable<Components['schemas']>[string];
type Operation = DescribeRouteOptions;
type Ref = { $ref: string };

export type Refusal = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 422 | 429 | 503;
const REFUSALS: Record<Refusal, [name: string, description: string]> = {
  400: ['BadRequest', 'Input refused; `errors` maps each field to its message'],
  401: ['Unauthorized', 'No session: sign in first'],
  403: ['Forbidden', "The role may not do this, or the user's initial password must be changed first"],
  404: ['NotFound', "No such record within the caller's scope"],
  405: ['MethodNotAllowed', 'Not offered: this resource changes only through its actions'],
  409: ['Conflict', "The record's state does not allow this now"],
  413: ['PayloadTooLarge', 'Body over the limit (a 10 MB file plus its envelope)'],
  422: ['Unprocessable', 'A program rule refuses (`rule` names it), or an Idempotency-Key was reused'],
  429: ['TooManyRequests', 'Too many sign-in attempts from this address'],
  503: ['Unavailable', 'The database is busy or unavailable: retry'],
};

/** A route's description: the operation, and the refusals it may answer besides 401/403 (none on `open` routes). */
export type RouteDoc = Operation & { refusals?: Refusal[]; open?: boolean };

export const schemaRef = (name: string): Ref => ({ $ref: `#/components/schemas/${name}` });
export const json = (description: string, schema: Schema) => ({
  description,
  content: { 'application/json': { schema } },
});
// Inline, not a `$ref`: hono-openapi adds a path parameter it cannot find by name.
export const idParam: Parameter = {
  in: 'path',
  name: 'id',
  required: true,
  schema: { type: 'integer', minimum: 1 },
};
export const idempotencyKey: Parameter = { $ref: '#/components/parameters/IdempotencyKey' };

/** Every route but sign-in, health and these docs needs a session, and an unchanged initial password opens none. */
function withRefusals(spec: RouteDoc): Operation {
  const { refusals = [], open, ...rest } = spec;
  const codes = new Set<Refusal>(open ? refusals : [401, 403, ...refusals]);
  const responses: ResponsesWithResolver = { ...rest.responses };
  for (const code of [...codes].sort())
    responses[code] = { $ref: `#/components/responses/${REFUSALS[code][0]}` };
  return { ...rest, responses, ...(open ? { security: [] } : {}) };
}

/** A pass-through middleware that describes the route it precedes. */
export const describe = (spec: RouteDoc) => describeRoute(withRefusals(spec));

/** The same description carried by the handler itself: no extra middleware on the hot paths. */
export function documented<H extends object>(spec: RouteDoc, handler: H): H {
  return Object.assign(handler, { [uniqueSymbol]: { spec: withRefusals(spec) } });
}

/** `valid` whose schema also describes the route's body or query in the document. */
export const validated = <T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) =>
  Object.assign(valid(target, schema), { [uniqueSymbol]: { target, ...resolver(schema) } });

/** A zod schema as a document schema (request bodies of handlers that read the body themselves). */
export const fromZod = (schema: z.ZodType): Schema => resolver(schema);

/** Never leaves the server: ciphertexts, keyed hashes, password hashes (`stripSecrets` drops the same). */
const isSecret = (k: string) => k.endsWith('Enc') || k.endsWith('Hash');

/** The records of each resource, as their table stores them; registered as the routes are built. */
const records = new Map<string, DocSchema>();

/** `fund-returns` → `FundReturn`, `matching-policies` → `MatchingPolicy`. */
export function recordName(resource: string): string {
  const pascal = resource.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase());
  return pascal.endsWith('ies') ? `${pascal.slice(0, -3)}y` : pascal.replace(/s$/, '');
}

/** A `$ref` to the record schema of `resource`, built from its Drizzle table once. */
export function recordSchema(resource: string, table: SQLiteTable): Ref {
  const name = recordName(resource);
  if (!records.has(name)) {
    const properties: Record<string, DocSchema> = {};
    for (const [key, col] of Object.entries(getTableColumns(table))) {
      if (isSecret(key)) continue;
      const type =
        col.columnType === 'SQLiteBoolean'
          ? 'boolean'
          : col.columnType === 'SQLiteReal'
            ? 'number'
            : col.dataType === 'number'
              ? 'integer'
              : col.dataType === 'json'
                ? undefined
                : 'string';
      const enumValues = col.enumValues?.length ? col.enumValues : undefined;
      properties[key] = {
        ...(type ? { type: col.notNull ? type : [type, 'null'] } : {}),
        ...(enumValues ? { enum: col.notNull ? enumValues : [...enumValues, null] } : {}),
        ...(key.endsWith('Fen') ? { description: 'money in integer fen' } : {}),
      };
    }
    records.set(name, {
      type: 'object',
      description: `One of ${resource}, as its table keeps it; personal data masked for roles that may not see it in full`,
      properties,
      required: ['id'],
      additionalProperties: true,
    });
  }
  return schemaRef(name);
}

const errorSchema: DocSchema = {
  type: 'object',
  required: ['message'],
  properties: {
    message: { type: 'string', description: 'For people (zh-CN); a broken rule starts with its number' },
    errors: { type: 'object', additionalProperties: { type: 'string' }, description: 'field → message' },
    rule: { type: 'string', description: 'The program rule refused, e.g. `R9e`' },
  },
};

const nullableInt: DocSchema = { type: ['integer', 'null'] };
const sessionUserSchema: DocSchema = {
  type: 'object',
  description: 'The user signed in, with what the scope of their data follows from',
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: [...ROLES] },
    organizationId: nullableInt,
    institutionId: nullableInt,
    workerId: nullableInt,
    orgLevel: {
      ...nullableInt,
      description: '1 the city, 2 a district or industry union, 3 a grassroots union',
    },
    orgPath: { type: ['string', 'null'] },
    level2Id: nullableInt,
    mustChangePassword: { type: 'boolean' },
  },
};

const listParams = (): Record<string, Parameter> => ({
  Sort: {
    in: 'query',
    name: 'sort',
    description: 'JSON `["field","ASC"|"DESC"]`, a field of the list',
    schema: { type: 'string' },
    example: '["id","DESC"]',
  },
  Range: {
    in: 'query',
    name: 'range',
    description: 'JSON `[first, last]`, zero-based and inclusive; at most 500 records a page',
    schema: { type: 'string' },
    example: '[0,24]',
  },
  Filter: {
    in: 'query',
    name: 'filter',
    description:
      'JSON object: `field: value` (an array means any of), `field_gte` / `field_lte`, `q` for text search',
    schema: { type: 'string' },
    example: '{"status":"submitted"}',
  },
  IdempotencyKey: {
    in: 'header',
    name: 'Idempotency-Key',
    description: 'Money actions: a retry with the same key and body gets the first answer back',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
  },
});

/** The whole document, from the routes registered on `app` (paths as the app serves them). */
export async function openApiDocument(app: Hono<AppEnv>) {
  const responses = Object.fromEntries(
    Object.values(REFUSALS).map(([name, description]) => [name, json(description, schemaRef('Error'))]),
  );
  const doc = await generateSpecs(app, {
    excludeStaticFile: false,
    defaultValidationErrorResponse: false,
    documentation: {
      info: {
        title: '学历提升资助 API',
        version: '0.1.0',
        description:
          'The API behind the panel and the portal (react-admin simple-rest). Money is integer fen in `…Fen` ' +
          'fields; statuses, actions and kinds travel as codes. State-changing requests must come from the same origin.',
      },
      components: {
        schemas: { Error: errorSchema, SessionUser: sessionUserSchema, ...Object.fromEntries(records) },
        responses,
        parameters: listParams(),
        headers: {
          ContentRange: {
            description: '`{resource} {first}-{last}/{total}`',
            schema: { type: 'string' },
            example: 'applications 0-24/319',
          },
        },
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
      security: [{ session: [] }],
    },
  });
  // Where a resource offers its own create (allocations, documents, fund-returns), the generic 405 route
  // behind it is merged into its description, but it is never reached.
  for (const ops of Object.values(doc.paths))
    for (const op of Object.values(ops ?? {}))
      if (op && typeof op === 'object' && 'responses' in op && op.responses) {
        const codes = Object.keys(op.responses);
        if (!codes.includes('405')) continue;
        if (codes.some((c) => c.startsWith('2'))) delete op.responses['405'];
        else op.summary ??= 'Not offered (405)';
      }
  return doc;
}
