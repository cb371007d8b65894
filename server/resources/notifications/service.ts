import type { Db } from '../../../db/client';
import { render, statusTemplate, type Params } from '../../domain/notifications';
import type { Status } from '../../domain/lifecycle';
import type { Actor } from '../../lib/context';
import { prepared } from '../../lib/ra-list';
import { DEFAULT_TEMPLATES } from './templates';

export interface Message {
  template: string;
  params?: Params;
  applicationId?: number | null;
  /** One message per account and key: writing it again does nothing (a day's digest, a warning). */
  dedupeKey?: string;
}

const STAFF = `('city_admin','org_admin','unit_admin','agent','institution')`;

/** Whether a template goes by SMS too: the table's word, else the default (a seed before the table is filled). */
function smsWorthy(db: Db, code: string): boolean {
  const row = prepared(db, 'select sms from notification_templates where code = ?').get(code) as
    { sms: number } | undefined;
  if (row) return !!row.sms;
  const def = DEFAULT_TEMPLATES[code];
  if (!def) throw new Error(`no notification template ${code}`);
  return def.sms;
}

/**
 * The outbox's one writer: a message to each account in `to`, in the caller's transaction — it
 * commits with the change it tells of, or not at all. SMS-worthy ones wait for the dispatcher.
 */
export function notify(db: Db, actor: Actor, to: number | number[], m: Message): void {
  const ids = [...new Set(Array.isArray(to) ? to : [to])];
  if (!ids.length) return;
  const sms = smsWorthy(db, m.template);
  const now = actor.now().toISOString();
  const put = prepared(
    db,
    `insert into notifications (user_id, template, params, application_id, dedupe_key, sms_state, sms_next_at, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
  );
  for (const id of ids)
    put.run(
      id,
      m.template,
      JSON.stringify(m.params ?? {}),
      m.applicationId ?? null,
      m.dedupeKey ?? null,
      sms ? 'pending' : 'none',
      sms ? now : null,
      now,
    );
}

/** The worker's account of an application (none for a worker without one). */
export function workerAccount(db: Db, applicationId: number): number[] {
  return (
    prepared(
      db,
      `select u.id from users u join applications a on a.worker_id = u.worker_id where a.id = ? and u.active = 1`,
    ).all(applicationId) as { id: number }[]
  ).map((r) => r.id);
}

/** The active staff accounts of an organisation (or an institution's accounts). */
export function staffAccounts(db: Db, by: { organizationId?: number; institutionId?: number }): number[] {
  const [col, val] = by.organizationId
    ? ['organization_id', by.organizationId]
    : ['institution_id', by.institutionId];
  return (
    prepared(db, `select id from users where ${col} = ? and active = 1 and role in ${STAFF}`).all(val) as {
      id: number;
    }[]
  ).map((r) => r.id);
}

/** A message to the worker of an application. */
export function notifyWorker(
  db: Db,
  actor: Actor,
  applicationId: number,
  template: string,
  params: Params = {},
) {
  notify(db, actor, workerAccount(db, applicationId), {
    template,
    applicationId,
    params: { applicationId, ...params },
  });
}

/**
 * What a status move tells the worker (moveApplication calls it in the move's transaction): the
 * reviewer's comment for a return or a rejection, the audited reason otherwise.
 */
export function notifyMove(
  db: Db,
  actor: Actor,
  applicationId: number,
  to: Status,
  m: { action: string; after?: Record<string, unknown> },
): void {
  const template = statusTemplate(m.action, to);
  if (!template) return;
  const why = typeof m.after?.why === 'string' ? m.after.why : '';
  const params: Params = { why };
  if (to === 'returned' || to === 'rejected') {
    const r = prepared(
      db,
      'select comment from reviews where application_id = ? order by id desc limit 1',
    ).get(applicationId) as { comment: string } | undefined;
    params.comment = r?.comment || why;
  }
  notifyWorker(db, actor, applicationId, template, params);
}

export interface TemplateRow {
  code: string;
  zh: string;
  en: string;
  sms: boolean;
  urgent: boolean;
  updatedAt: string | null;
  updatedBy: number | null;
}

const cache = new WeakMap<object, Map<string, TemplateRow>>();

/** The templates as the table holds them (cached per connection; an edit clears it). */
export function templates(db: Db): Map<string, TemplateRow> {
  let map = cache.get(db.$client);
  if (!map) {
    const rows = prepared(
      db,
      'select code, zh, en, sms, urgent, updated_at updatedAt, updated_by updatedBy from notification_templates',
    ).all() as (Omit<TemplateRow, 'sms' | 'urgent'> & { sms: number; urgent: number })[];
    map = new Map(rows.map((r) => [r.code, { ...r, sms: !!r.sms, urgent: !!r.urgent }]));
    cache.set(db.$client, map);
  }
  return map;
}
export const forgetTemplates = (db: Db) => cache.delete(db.$client);

/** A message's text in both languages, from the template as it stands (a missing one shows its code). */
export function textOf(db: Db, code: string, params: Params): { zh: string; en: string } {
  const t = templates(db).get(code) ?? DEFAULT_TEMPLATES[code];
  if (!t) return { zh: code, en: code };
  return { zh: render(t.zh, params), en: render(t.en, params) };
}

const STAGE = { process: ['过程', 'process'], result: ['结果', 'result'] } as const;

/** A payment paid or failed, told to the worker: amount and stage; a failure's reason (redacted of numbers). */
export function notifyPayment(
  db: Db,
  actor: Actor,
  p: { applicationId: number; stage: 'process' | 'result'; amountFen: number },
  outcome: 'paid' | 'failed',
  reason = '',
): void {
  const [stageZh, stageEn] = STAGE[p.stage];
  notifyWorker(db, actor, p.applicationId, `payment.${outcome}`, {
    amountYuan: (p.amountFen / 100).toFixed(2),
    stageZh,
    stageEn,
    ...(outcome === 'failed' ? { reason } : {}),
  });
}
