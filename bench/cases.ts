/**
 * The read cases of the benchmark: each one a rotating stream of API paths and the same query as raw
 * prepared SQL in-process (the floor), for a level-2 admin (scoped to its union) and for the city.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/client';
import { loadSessionUser } from '../server/lib/auth';
import { bigrams } from '../server/lib/name-search';
import { overview } from '../server/resources/stats/service';

export type Who = 'org' | 'city';

export interface ReadCase {
  key: string;
  label: string;
  /** Targets at N = 1,000,000 (ms): p99 under load, and API ÷ floor at p50 for the list cases. */
  p99Target: number;
  ratioTarget?: number;
  /** Next API path (with query string) for this user. */
  api: (who: Who) => () => string;
  /** Prepared once; each call runs the same query once. */
  floor: (who: Who) => () => unknown;
}

export interface Fixture {
  unionA: number;
  openRound: number;
  rounds: number[];
  orgUser: number;
  cityUser: number;
}

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const cycle = <T>(xs: T[]) => {
  let i = 0;
  return () => xs[i++ % xs.length];
};
const PAGE = 25;
const STATUSES = [
  'completed',
  'process_paid',
  'rejected',
  'withdrawn',
  'unit_approved',
  'approved',
  'lapsed',
];

/** Deterministic pools of ids, names and id sets, in scope of each user. */
function pools(raw: Database.Database, f: Fixture) {
  let s = 12345;
  const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const maxId = (raw.prepare('select max(id) n from applications').get() as { n: number }).n;
  const orgIds = raw
    .prepare("select id from applications where level2_id = ? and status <> 'draft'")
    .pluck()
    .all(f.unionA) as number[];
  const notDraft = raw.prepare("select status <> 'draft' from applications where id = ?").pluck();
  const pick = (xs: number[], n: number) =>
    Array.from({ length: n }, () => xs[Math.floor(rand() * xs.length)]);
  const cityIds: number[] = [];
  while (cityIds.length < 400) {
    const id = 1 + Math.floor(rand() * maxId);
    if (notDraft.get(id)) cityIds.push(id);
  }
  const ids = { org: pick(orgIds, 400), city: cityIds };
  const nameOf = raw
    .prepare('select w.name from applications a join workers w on w.id = a.worker_id where a.id = ?')
    .pluck();
  const names = {
    org: ids.org.slice(0, 200).map((id) => nameOf.get(id) as string),
    city: ids.city.slice(0, 200).map((id) => nameOf.get(id) as string),
  };
  const sets = (xs: number[]) =>
    Array.from({ length: 40 }, (_, i) =>
      Array.from({ length: PAGE }, (_, k) => xs[(i * 7 + k * 13) % xs.length]),
    );
  return { ids, names, sets: { org: sets(ids.org), city: sets(ids.city) } };
}

export function readCases(db: Db, f: Fixture): ReadCase[] {
  const raw = db.$client;
  const p = pools(raw, f);
  // scope.ts: a level-2 union sees its own union, staff see no drafts (a draft is the worker's business)
  const scope = (who: Who) =>
    who === 'org' ? "level2_id = ? and status <> 'draft' and " : "status <> 'draft' and ";
  const scopeArgs = (who: Who) => (who === 'org' ? [f.unionA] : []);
  /** ra-list's rule: the count only when the first page is full. */
  const page = (rows: unknown[], count: () => unknown) => (rows.length === PAGE ? count() : rows.length);

  return [
    {
      key: 'list',
      label: 'list of one union by status, sorted by submittedAt, page 1',
      p99Target: 20,
      ratioTarget: 3,
      api: (who) => {
        const st = cycle(STATUSES);
        return () =>
          `/api/applications?filter=${q({ status: st(), ...(who === 'city' ? { level2Id: f.unionA } : {}) })}&sort=${q(['submittedAt', 'DESC'])}&range=${q([0, PAGE - 1])}`;
      },
      floor: () => {
        const st = cycle(STATUSES);
        const rows = raw.prepare(
          "select * from applications where level2_id = ? and status <> 'draft' and status = ? order by submitted_at desc, id desc limit 25",
        );
        // totals as the API takes them: from the trigger-kept counter (db/schema/counts.ts)
        const count = raw
          .prepare(
            "select coalesce(sum(n), 0) from application_counts where level2_id = ? and status <> 'draft' and status = ?",
          )
          .pluck();
        return () => {
          const s = st();
          return page(rows.all(f.unionA, s), () => count.get(f.unionA, s));
        };
      },
    },
    {
      key: 'deep',
      label: 'page 200 of all applications, sorted by id',
      p99Target: 60,
      ratioTarget: 3,
      api: () => () => `/api/applications?sort=${q(['id', 'ASC'])}&range=${q([199 * PAGE, 200 * PAGE - 1])}`,
      floor: (who) => {
        const rows = raw.prepare(
          `select * from applications where ${scope(who)} 1 order by id limit 25 offset ${199 * PAGE}`,
        );
        const count = raw
          .prepare(`select coalesce(sum(n), 0) from application_counts where ${scope(who)} 1`)
          .pluck();
        return () => [rows.all(...scopeArgs(who)), count.get(...scopeArgs(who))];
      },
    },
    {
      key: 'q',
      label: '`q` search on worker names',
      p99Target: 60,
      ratioTarget: 3,
      api: (who) => {
        const n = cycle(p.names[who]);
        return () =>
          `/api/applications?filter=${q({ q: n() })}&sort=${q(['id', 'DESC'])}&range=${q([0, PAGE - 1])}`;
      },
      floor: (who) => {
        const n = cycle(p.names[who]);
        // server/lib/name-search.ts: a name of one or two characters is a piece itself; a longer one is
        // looked up by its rarest two-character piece and checked with LIKE.
        const short = `worker_id in (select worker_id from worker_name_grams where gram = ?)`;
        const long = `worker_id in (select g.worker_id from worker_name_grams g join workers w on w.id = g.worker_id
          where g.gram = (select j.value from json_each(?) j order by (select count(*) from (select 1 from worker_name_grams c where c.gram = j.value limit 2000)), j.key limit 1)
          and w.name like ? escape '\\')`;
        const shape = (sub: string) => ({
          rows: raw.prepare(
            `select * from applications where ${scope(who)} ${sub} order by id desc limit 25`,
          ),
          count: raw.prepare(`select count(*) from applications where ${scope(who)} ${sub}`).pluck(),
        });
        const [s, l] = [shape(short), shape(long)];
        return () => {
          const name = n();
          const [st, args] =
            Array.from(name).length <= 2
              ? [s, [...scopeArgs(who), name]]
              : [l, [...scopeArgs(who), JSON.stringify(bigrams(name)), `%${name}%`]];
          return page(st.rows.all(...args), () => st.count.get(...args));
        };
      },
    },
    {
      key: 'getMany',
      label: 'getMany of 25 ids',
      p99Target: 10,
      api: (who) => {
        const set = cycle(p.sets[who]);
        return () => `/api/applications?filter=${q({ id: set() })}`;
      },
      floor: (who) => {
        const set = cycle(p.sets[who]);
        const rows = raw.prepare(
          `select * from applications where ${scope(who)} id in (${Array(PAGE).fill('?').join(',')}) order by id desc`,
        );
        return () => rows.all(...scopeArgs(who), ...set());
      },
    },
    {
      key: 'getOne',
      label: 'getOne',
      p99Target: 10,
      api: (who) => {
        const id = cycle(p.ids[who]);
        return () => `/api/applications/${id()}`;
      },
      floor: (who) => {
        const id = cycle(p.ids[who]);
        const row = raw.prepare(`select * from applications where ${scope(who)} id = ?`);
        return () => row.get(...scopeArgs(who), id());
      },
    },
    {
      key: 'timeline',
      label: 'timeline of an application',
      p99Target: 10,
      api: (who) => {
        const id = cycle(p.ids[who]);
        return () => `/api/applications/${id()}/timeline`;
      },
      floor: (who) => {
        const id = cycle(p.ids[who]);
        const app = raw.prepare(`select * from applications where ${scope(who)} id = ?`);
        const reviews = raw.prepare(
          'select r.*, u.display_name userName from reviews r left join users u on u.id = r.user_id where application_id = ? order by r.id',
        );
        const events =
          raw.prepare(`select at, action, organization_id, after from audit_log where resource = 'applications' and record_id = ?
          and action not like 'review:%' and action not like 'refused%' order by id`);
        const pays = raw.prepare(
          'select stage, source, amount_fen, status, paid_at, reference, created_at from payments where application_id = ? order by id',
        );
        const kinds = raw.prepare('select distinct kind from documents where application_id = ?');
        const org = raw.prepare('select name, kind from organizations where id = ?');
        return () => {
          const a = app.get(...scopeArgs(who), id()) as {
            id: number;
            organization_id: number;
            level2_id: number;
          };
          const rs = reviews.all(a.id) as { organization_id: number }[];
          for (const r of rs) org.get(r.organization_id);
          return [
            rs,
            events.all(a.id),
            pays.all(a.id),
            kinds.all(a.id),
            org.get(a.level2_id),
            org.get(a.organization_id),
          ];
        };
      },
    },
    {
      key: 'stats',
      label: 'performance view stats (per round)',
      p99Target: 150,
      api: () => {
        const r = cycle(f.rounds);
        return () => `/api/stats/overview?roundId=${r()}`;
      },
      // The statistics are the service's own SQL; in-process it runs without HTTP, session or JSON.
      floor: (who) => {
        const r = cycle(f.rounds);
        const user = loadSessionUser(db, who === 'org' ? f.orgUser : f.cityUser)!;
        return () => overview(db, user, r(), new Date());
      },
    },
  ];
}
