import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { seedDemo } from '../../seed/demo';
import { createSession } from '../../server/lib/auth';
import { Pii } from '../../server/lib/pii';

/** The key the harnesses run their servers with (PII_KEY), so a restore or a copy reads the same data. */
export const HARNESS_KEY = '5a'.repeat(32);

export interface Account {
  id: number;
  username: string;
  role: string;
  organizationId: number | null;
  institutionId: number | null;
  orgLevel: number | null;
  orgKind: string | null;
  token: string;
}

export interface DemoDir {
  dataDir: string;
  accounts: Account[];
}

export const tmpDir = (label: string) => fs.mkdtempSync(path.join(os.tmpdir(), `subsidy-${label}-`));

/**
 * A data folder with the demo city, seeded in-process, and a session for every staff, agent and
 * institution account (and worker1): the harnesses drive dozens of sessions, more than the login
 * throttle allows from one address, so they are opened here the way a login opens them.
 */
export function demoDataDir(dataDir = tmpDir('demo'), now = new Date()): DemoDir {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDb(path.join(dataDir, 'app.db'));
  migrateDb(db);
  seedDemo(db, new Pii(Buffer.from(HARNESS_KEY, 'hex')), now, { dataDir });
  const rows = db.$client
    .prepare(
      `select u.id, u.username, u.role, u.organization_id organizationId, u.institution_id institutionId,
      o.level orgLevel, o.kind orgKind from users u left join organizations o on o.id = u.organization_id
    where u.active = 1 and u.must_change_password = 0 order by u.id`,
    )
    .all() as Omit<Account, 'token'>[];
  const accounts = rows.map((r) => ({ ...r, token: createSession(db, r.id, now, '127.0.0.1') }));
  db.$client.close();
  return { dataDir, accounts };
}

/** A copy of a stopped instance's folder (database without WAL, documents, archive). */
export function copyDataDir(from: string, to = tmpDir('copy')): string {
  fs.cpSync(from, to, { recursive: true });
  for (const f of ['server.pid']) fs.rmSync(path.join(to, f), { force: true });
  return to;
}
