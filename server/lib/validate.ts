import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { z } from 'zod';
import { badRequest, type FieldErrors } from './errors';

z.config(z.locales.zhCN());

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Parse or throw 400 with per-field messages (react-admin shows them on the form). */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest('输入有误，请检查标出的字段', fieldErrors(result.error));
  return result.data;
}

export const valid = <T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) =>
  zValidator(target, schema, (result) => {
    if (!result.success)
      throw badRequest('输入有误，请检查标出的字段', fieldErrors(result.error as unknown as z.ZodError));
  });

/**
 * The body of a partial update (PUT of some fields): every field optional and none defaulted. Zod
 * applies a field's `.default()` even inside `.partial()`, so an update naming only `jobTitle` would
 * otherwise write the defaults of every other field over what the record holds.
 */
export function patchSchema<T extends z.ZodRawShape>(shape: T) {
  const bare = Object.fromEntries(
    Object.entries(shape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v]),
  );
  return z.object(bare).partial() as unknown as ReturnType<z.ZodObject<T>['partial']>;
}
