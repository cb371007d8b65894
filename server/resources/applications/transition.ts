import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applications } from '../../../db/schema';
import { assertTransition, TransitionError, type Status } from '../../domain/lifecycle';
import { audit } from '../../lib/audit';
import type { Actor } from '../../lib/context';
import { conflict } from '../../lib/errors';
import { notifyMove } from '../notifications/service';

type AppRow = typeof applications.$inferSelect;

export interface Move {
  /** The audit action, e.g. `review:approve`, `lapse`, `promote`. */
  action: string;
  /** Other columns written with the status (dates, the waiting step…). */
  set?: Partial<Omit<AppRow, 'id' | 'status' | 'updatedAt'>>;
  /** What the audit row records besides the new status (the reason as `why`, dates…). */
  after?: Record<string, unknown>;
  /** A move onto the same status (a corrected graduation report) is allowed and audited. */
  allowSame?: boolean;
}

/**
 * The one writer of an application's status: the move is checked against the lifecycle's table
 * (a forbidden one answers 409 with the reason), written, audited and told to the worker (the outbox)
 * in the caller's transaction.
 */
export function moveApplication(
  db: Db,
  actor: Actor,
  app: { id: number; status: Status },
  to: Status,
  m: Move,
): void {
  if (!(m.allowSame && app.status === to)) {
    try {
      assertTransition(app.status, to);
    } catch (e) {
      if (e instanceof TransitionError) throw conflict(e.message);
      throw e;
    }
  }
  db.update(applications)
    .set({ ...m.set, status: to, updatedAt: actor.now().toISOString() })
    .where(eq(applications.id, app.id))
    .run();
  audit(db, actor, {
    action: m.action,
    resource: 'applications',
    recordId: app.id,
    before: { status: app.status },
    after: { status: to, ...m.after },
  });
  notifyMove(db, actor, app.id, to, m);
}
