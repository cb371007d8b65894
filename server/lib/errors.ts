import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../domain/problem';

export type FieldErrors = Record<string, string>;

/** Every refusal the API makes: turned into `{message, errors}` in one place (app.onError). */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly errors?: FieldErrors,
    readonly rule?: string,
  ) {
    super(message);
  }
}

/**
 * A broken program rule (422). The message is for the person; the rule number (e.g. `R9e`) travels
 * beside it in `rule`, for support — never inside a sentence a user reads.
 */
export class DomainError extends ApiError {
  constructor(rule: string, message: string, errors?: FieldErrors) {
    super(422, message, errors, rule);
  }
}

/** The 422 for broken rules: the first problem's rule and message, every field's message in `errors`. */
export function problemError(problems: Problem | readonly Problem[]): DomainError {
  const list = Array.isArray(problems) ? problems : [problems as Problem];
  const errors: FieldErrors = {};
  for (const p of list) if (p.field && !errors[p.field]) errors[p.field] = p.message;
  return new DomainError(
    list[0].rule,
    list.map((p) => p.message).join('；'),
    Object.keys(errors).length ? errors : undefined,
  );
}

export const badRequest = (message: string, errors?: FieldErrors) => new ApiError(400, message, errors);
export const notFound = (what = '记录') => new ApiError(404, `${what}不存在`);
export const forbidden = (message = '当前角色无权执行此操作') => new ApiError(403, message);
export const conflict = (message: string) => new ApiError(409, message);
export const unauthorized = (message = '请先登录') => new ApiError(401, message);
export const methodNotAllowed = (message = '该资源只能通过业务操作修改') => new ApiError(405, message);

export { HTTPException };
