import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../lib/context';
import { archiveLag } from '../../lib/archive';
import { lastBackup } from '../../lib/backup';
import { describe, json, type DocSchema } from '../../lib/openapi';

/**
 * `GET /api/health`, open to monitors without a session: the database takes a write lock and the
 * data folder takes a file (writable), the disk has room, and how old the last backup is. A failing
 * database or disk answers 503 (take the instance out); an old backup or an audit archive lagging
 * behind is `degraded` (page someone, keep serving). Figures only, never personal data.
 */
export const MIN_FREE_BYTES = 512 * 1024 * 1024;
export const BACKUP_MAX_AGE_HOURS = 26;
const startedAt = Date.now();
// How long requests wait for the one thread: the first thing to look at when latency climbs.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

function databaseCheck(deps: Deps) {
  const started = performance.now();
  try {
    const sqlite = deps.db.$client;
    if (sqlite.readonly) return { ok: false, writable: false, error: 'opened read-only' };
    // The write lock is taken and given back: no row is written, but a locked or read-only file fails
    // here — within 250 ms, not the services' 5 s, so a monitor never stalls the server.
    const busy = sqlite.pragma('busy_timeout', { simple: true }) as number;
    sqlite.pragma('busy_timeout = 250');
    try {
      sqlite.exec('begin immediate; rollback');
    } finally {
      sqlite.pragma(`busy_timeout = ${busy}`);
    }
    const probe = path.join(deps.dataDir, `.health-${process.pid}`);
    fs.writeFileSync(probe, String(Date.now()));
    fs.rmSync(probe);
    return { ok: true, writable: true, ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (e) {
    return { ok: false, writable: false, error: (e as NodeJS.ErrnoException).code ?? 'unavailable' };
  }
}

/** The database answers a read and is not read-only: enough to call the instance up. */
function readCheck(deps: Deps): boolean {
  try {
    const sqlite = deps.db.$client;
    return !sqlite.readonly && sqlite.prepare('select 1').pluck().get() === 1;
  } catch {
    return false;
  }
}

function diskCheck(dataDir: string) {
  try {
    const s = fs.statfsSync(dataDir);
    const freeBytes = s.bavail * s.bsize;
    return {
      ok: freeBytes >= MIN_FREE_BYTES,
      freeBytes,
      totalBytes: s.blocks * s.bsize,
      minFreeBytes: MIN_FREE_BYTES,
    };
  } catch (e) {
    return { ok: false, error: (e as NodeJS.ErrnoException).code ?? 'unavailable' };
  }
}

function backupCheck(dataDir: string, now: Date) {
  const last = lastBackup(dataDir);
  const ageHours = last ? Math.round(((now.getTime() - Date.parse(last.at)) / 3_600_000) * 10) / 10 : null;
  return {
    ok: ageHours !== null && ageHours <= BACKUP_MAX_AGE_HOURS,
    lastAt: last?.at ?? null,
    ageHours,
    bytes: last?.bytes ?? null,
    maxAgeHours: BACKUP_MAX_AGE_HOURS,
  };
}

function archiveCheck(deps: Deps, now: Date) {
  try {
    const lag = archiveLag(deps.db, deps.dataDir, now, deps.auditRetentionDays ?? 180);
    return { ok: lag.overdueRows === 0, retentionDays: deps.auditRetentionDays ?? 180, ...lag };
  } catch {
    return { ok: false, error: 'unreadable manifest' };
  }
}

const healthSchema: DocSchema = {
  type: 'object',
  // Without a city admin's session only `status` (up or down); with one, the rest too.
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['up', 'ok', 'degraded', 'down'] },
    ok: { type: 'boolean' },
    time: { type: 'string', format: 'date-time' },
    uptimeS: { type: 'integer' },
    checks: {
      type: 'object',
      properties: Object.fromEntries(
        ['database', 'disk', 'backup', 'auditArchive'].map((k) => [
          k,
          { type: 'object', properties: { ok: { type: 'boolean' } }, additionalProperties: true },
        ]),
      ),
    },
    memory: { type: 'object', additionalProperties: { type: 'integer' } },
    eventLoopDelayMs: { type: 'object', additionalProperties: { type: 'number' } },
  },
};

export const healthRoutes = () =>
  new Hono<AppEnv>().get(
    '/health',
    describe({
      tags: ['system'],
      summary:
        'For monitors, without a session: up or down; the city admin also gets database, disk, backup and archive',
      open: true,
      responses: {
        200: json('Up: `status` is `ok`, or `degraded` when the backup or the archive lags', healthSchema),
        503: json('Down: the database or the disk fails', healthSchema),
      },
    }),
    (c) => {
      const deps = c.get('deps');
      const now = deps.clock();
      const disk = diskCheck(deps.dataDir);
      // Anyone (a monitor) learns up or down, from a read: no write lock, no file written, nothing
      // about memory, disk or backups (OWASP ASVS 5.0 V13.4). The city admin gets the full picture.
      if (c.get('user')?.role !== 'city_admin') {
        const up = readCheck(deps) && disk.ok;
        return c.json({ status: up ? 'up' : 'down' }, up ? 200 : 503);
      }
      const database = databaseCheck(deps);
      const backup = backupCheck(deps.dataDir, now);
      const auditArchive = database.ok ? archiveCheck(deps, now) : { ok: false };
      const up = database.ok && disk.ok;
      const status = !up ? 'down' : backup.ok && auditArchive.ok ? 'ok' : 'degraded';
      return c.json(
        {
          status,
          ok: up,
          time: now.toISOString(),
          uptimeS: Math.round((Date.now() - startedAt) / 1000),
          checks: { database, disk, backup, auditArchive },
          memory: { rssBytes: process.memoryUsage.rss(), heapUsedBytes: process.memoryUsage().heapUsed },
          eventLoopDelayMs: {
            p50: ms(loopDelay.percentile(50)),
            p99: ms(loopDelay.percentile(99)),
            max: ms(loopDelay.max),
          },
        },
        up ? 200 : 503,
      );
    },
  );
