import type { Db } from '../../db/client';

/**
 * R9a: `wuhua-001` has uploaded its member roster (会员名册) a week before `now`: its members are on it
 * with dues paid, attested by the upload; its workers who are not members are off it (flagged).
 */
export function seedRoster(db: Db, now: Date, code = 'wuhua-001'): void {
  const c = db.$client;
  const unit = c.prepare('select id from organizations where code = ?').get(code) as
    { id: number } | undefined;
  const admin = c.prepare('select id from users where username = ?').get(code) as { id: number } | undefined;
  if (!unit || !admin) return;
  const at = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  c.prepare(
    `update workers set on_roster = is_union_member, member_dues_paid = is_union_member,
     member_since = case when is_union_member = 1 then substr(created_at, 1, 10) end,
     attested_by = ?, attested_at = max(coalesce(attested_at, ''), ?) where organization_id = ?`,
  ).run(admin.id, at, unit.id);
  c.prepare('update organizations set roster_at = ?, roster_by = ? where id = ?').run(at, admin.id, unit.id);
}
