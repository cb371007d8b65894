import type { Db } from '../../../db/client';
import { audit } from '../../lib/audit';
import type { Actor, SessionUser } from '../../lib/context';
import { badRequest } from '../../lib/errors';

export interface Settings {
  smsOptOut: boolean;
  /** A staff account's phone for the digest; a worker's SMS go to the phone on its worker record. */
  phone: string | null;
}

export function readSettings(db: Db, u: Pick<SessionUser, 'id'>): Settings {
  const row = db.$client
    .prepare('select sms_opt_out smsOptOut, phone from notification_settings where user_id = ?')
    .get(u.id) as { smsOptOut: number; phone: string | null } | undefined;
  return { smsOptOut: !!row?.smsOptOut, phone: row?.phone ?? null };
}

/** A worker opts out of SMS in the portal's profile; staff may also leave a phone for the digest. Audited. */
export function writeSettings(
  db: Db,
  actor: Actor,
  u: SessionUser,
  d: { smsOptOut?: boolean; phone?: string },
): Settings {
  if (d.phone !== undefined && u.role === 'worker')
    throw badRequest('职工的短信发到登记的手机号', { phone: '职工不能另设手机号' });
  const before = readSettings(db, u);
  const after: Settings = {
    smsOptOut: d.smsOptOut ?? before.smsOptOut,
    phone: d.phone === undefined ? before.phone : d.phone || null,
  };
  db.$client
    .prepare(
      `insert into notification_settings (user_id, sms_opt_out, phone, updated_at) values (?, ?, ?, ?)
       on conflict (user_id) do update set sms_opt_out = excluded.sms_opt_out, phone = excluded.phone, updated_at = excluded.updated_at`,
    )
    .run(u.id, +after.smsOptOut, after.phone, actor.now().toISOString());
  audit(db, actor, {
    action: 'notification-settings',
    resource: 'users',
    recordId: u.id,
    before: { smsOptOut: before.smsOptOut, phone: !!before.phone },
    after: { smsOptOut: after.smsOptOut, phone: !!after.phone },
  });
  return after;
}
