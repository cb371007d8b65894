import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type organizations, users } from '../../../db/schema';
import { ROLES } from '../../../db/schema/common';
import { audit } from '../../lib/audit';
import { endUserSessions } from '../../lib/auth';
import type { SessionUser } from '../../lib/context';
import { badRequest, forbidden } from '../../lib/errors';
import { hashPassword, passwordProblem } from '../../lib/password';
import type { Pii } from '../../lib/pii';
import { passwordContext } from '../auth/service';
import { recordSchema } from '../../lib/openapi';
import type { ListSpec } from '../../lib/ra-list';
import { recordActions } from '../../lib/record-action';
import { crud, findScoped } from '../../lib/resource';
import { organizationList } from '../organizations';
import { workerList } from '../workers';

type UserRow = typeof users.$inferSelect;

export const userList: ListSpec = {
  resource: 'users',
  table: users,
  columns: {
    id: users.id,
    username: users.username,
    displayName: users.displayName,
    role: users.role,
    organizationId: users.organizationId,
    institutionId: users.institutionId,
    workerId: users.workerId,
    active: users.active,
    lastLoginAt: users.lastLoginAt,
    createdAt: users.createdAt,
  },
  search: [users.username, users.displayName],
};

const password = z
  .string()
  .max(128)
  .superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Who may create whom: the city anyone; a level-2 admin unit admins and workers below it; a unit admin its workers. */
const CREATABLE: Record<string, readonly string[]> = {
  city_admin: ROLES,
  org_admin: ['unit_admin', 'worker'],
  unit_admin: ['worker'],
};

/**
 * Whom a user may change at all — rename, disable, re-role, reset (OWASP API Security Top 10 API5,
 * function-level authorisation): the city anyone; others only the roles they may create. A peer
 * admin in the same subtree is visible, not theirs to change.
 */
export function mayManage(me: SessionUser, target: { role: string }): boolean {
  return me.role === 'city_admin' || !!CREATABLE[me.role]?.includes(target.role);
}

/** A password must not hold the account's own username, phone or ID number (server/lib/password.ts). */
function ownIdentifiers(
  db: Parameters<typeof findScoped>[0],
  pii: Pii,
  plain: string,
  user: { username: string; workerId: number | null },
): void {
  const problem = passwordProblem(plain, passwordContext(db, pii, user));
  if (problem) throw badRequest(problem, { password: problem });
}

function checkTarget(
  db: Parameters<typeof findScoped>[0],
  me: SessionUser,
  d: {
    role: string;
    organizationId?: number | null;
    workerId?: number | null;
    institutionId?: number | null;
  },
) {
  if (!CREATABLE[me.role]?.includes(d.role)) throw forbidden('无权设立该角色的账号');
  if (d.role === 'worker') {
    if (!d.workerId) throw badRequest('职工账号须关联职工', { workerId: '请选择职工' });
    findScoped(db, workerList, me, d.workerId);
    return { organizationId: null, institutionId: null };
  }
  if (d.role === 'institution') {
    if (!d.institutionId) throw badRequest('院校账号须关联院校', { institutionId: '请选择院校' });
    return { organizationId: null, workerId: null };
  }
  if (!d.organizationId) throw badRequest('工会账号须关联组织', { organizationId: '请选择组织' });
  const org = findScoped<typeof organizations.$inferSelect>(db, organizationList, me, d.organizationId);
  const levelOk =
    d.role === 'city_admin'
      ? org.level === 1
      : d.role === 'org_admin'
        ? org.level === 2
        : d.role === 'unit_admin'
          ? org.kind === 'grassroots' || org.kind === 'direct'
          : true;
  if (!levelOk) throw badRequest('角色与组织层级不符', { organizationId: '角色与组织层级不符' });
  return { workerId: null, institutionId: null };
}

export const userRoutes = () => {
  const app = crud({
    list: userList,
    create: {
      schema: z.object({
        username: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9_.-]{3,40}$/, '用户名为 3–40 位字母、数字或 _ . -'),
        displayName: z.string().trim().min(2).max(40),
        role: z.enum(ROLES),
        organizationId: z.number().int().positive().nullish(),
        institutionId: z.number().int().positive().nullish(),
        workerId: z.number().int().positive().nullish(),
        password,
      }),
      run: (db, actor, d, { pii }) => {
        const fixed = checkTarget(db, actor.user!, d);
        const { password: plain, ...rest } = d;
        ownIdentifiers(db, pii, plain, { username: d.username, workerId: d.workerId ?? null });
        if (db.select({ id: users.id }).from(users).where(eq(users.username, d.username)).get()) {
          throw badRequest('用户名已存在', { username: '用户名已存在' });
        }
        if (
          d.workerId &&
          db.select({ id: users.id }).from(users).where(eq(users.workerId, d.workerId)).get()
        ) {
          throw badRequest('该职工已有账号', { workerId: '该职工已有账号' });
        }
        // An initial password set by someone else must be changed at first sign-in.
        return db
          .insert(users)
          .values({ ...rest, ...fixed, passwordHash: hashPassword(plain), mustChangePassword: true })
          .returning({ id: users.id })
          .get().id;
      },
    },
    update: {
      schema: z
        .object({ displayName: z.string().trim().min(2).max(40), active: z.boolean(), role: z.enum(ROLES) })
        .partial(),
      run: (db, actor, before: UserRow, d) => {
        const me = actor.user!;
        // One's own name is one's own; anyone else's account only if it is one's to manage.
        if (before.id !== me.id && !mayManage(me, before)) throw forbidden('无权修改该账号');
        if (d.role !== undefined && d.role !== before.role && me.role !== 'city_admin')
          throw forbidden('只有市总工会可以更改角色');
        if (before.id === me.id && (d.active === false || (d.role && d.role !== before.role)))
          throw forbidden('不能停用自己或更改自己的角色');
        if (d.role && d.role !== before.role) checkTarget(db, me, { ...before, role: d.role });
        db.update(users).set(d).where(eq(users.id, before.id)).run();
        if ((d.role && d.role !== before.role) || d.active === false) endUserSessions(db, before.id);
      },
    },
  });

  const action = recordActions(app, {
    resource: 'users',
    find: (t, u, id) => findScoped<UserRow>(t, userList, u, id),
    record: recordSchema('users', users),
  });
  action('reset-password', {
    permission: 'resetPassword',
    summary: "Set a new initial password: the user's sessions end, and it must be changed at sign-in",
    // Hashed while the body is validated: the slow scrypt stays outside the write transaction.
    body: z.object({ password }).transform((b) => ({ plain: b.password, hash: hashPassword(b.password) })),
    run: ({ db, actor, deps, user: me, row: target, body }) => {
      if (!mayManage(me, target)) throw forbidden('无权重置该账号的密码');
      ownIdentifiers(db, deps.pii, body.plain, target);
      db.update(users)
        .set({ passwordHash: body.hash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
        .where(eq(users.id, target.id))
        .run();
      endUserSessions(db, target.id);
      audit(db, actor, { action: 'password:reset', resource: 'users', recordId: target.id });
    },
    answer: () => ({ ok: true }),
    answers: {
      description: 'Done',
      schema: { type: 'object', properties: { ok: { type: 'boolean', const: true } } },
    },
  });
  return app;
};
