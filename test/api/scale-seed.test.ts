/**
 * The scale seed builds a history that the rules accept — the integrity check (I1–I7) passes,
 * R9e holds, the counter behind list totals matches the table — at a size a test can afford.
 */
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { Pii } from '../../server/lib/pii';
import { checkIntegrity } from '../../server/resources/integrity/service';
import { seedScale } from '../../seed/scale';

const NOW = new Date('2026-11-20T04:00:00.000Z');

describe('scale seed', () => {
  it('builds N applications of ~N/3 workers over twenty rounds, every money invariant (I1–I7) holding', () => {
    const db = openDb(':memory:');
    migrateDb(db);
    const summary = seedScale(db, new Pii(Buffer.alloc(32, 7)), NOW, { applications: 4000 });
    const one = <T>(sql: string) => db.$client.prepare(sql).pluck().get() as T;

    expect(summary.counts.applications).toBe(4000);
    expect(summary.counts.workers).toBeGreaterThan(1200);
    expect(summary.counts.workers).toBeLessThan(1400);
    expect(summary.rounds).toHaveLength(20);
    expect(summary.rounds.at(-1)!.intakeTerm).toBe('2026-autumn');
    expect(summary.rounds.find((r) => r.intakeTerm === '2019-autumn')).toMatchObject({
      opensOn: '2019-11-11',
      closesOn: '2019-11-30',
    });
    for (const s of [
      'submitted',
      'unit_approved',
      'org_approved',
      'approved',
      'process_paid',
      'graduated',
      'completed',
      'dropped_out',
      'lapsed',
      'rejected',
      'withdrawn',
    ]) {
      expect(summary.applicationsByStatus[s] ?? 0, s).toBeGreaterThan(0);
    }

    expect(checkIntegrity(db)).toEqual({ ok: true, problems: [] });
    // R9e: at most one application per worker and level that is not rejected or withdrawn
    expect(
      one(`select count(*) from (select 1 from applications where education_level is not null and status not in ('rejected','withdrawn')
      group by worker_id, education_level having count(*) > 1)`),
    ).toBe(0);
    // R13: every application past step 1 has its approvals; a direct union's skip step 2
    expect(
      one(`select count(*) from applications a where a.status in ('org_approved','approved','process_paid','completed')
      and not exists (select 1 from reviews r where r.application_id = a.id and r.step = 1 and r.decision = 'approve')`),
    ).toBe(0);
    expect(
      one(`select count(*) from reviews r join applications a on a.id = r.application_id join organizations o on o.id = a.level2_id
      where o.kind = 'direct' and r.step = 2`),
    ).toBe(0);
    // R12: a submitted application has its four scans
    expect(
      one(`select count(*) from applications a where a.submitted_at is not null
      and (select count(distinct kind) from documents d where d.application_id = a.id
        and kind in ('application_form','id_card','admission_notice','tuition_receipt')) < 4`),
    ).toBe(0);
    expect(
      one(`select count(*) from (select round_id, level2_id, status, current_step, count(*) n from applications group by 1, 2, 3, 4
      except select round_id, level2_id, status, current_step, n from application_counts)`),
    ).toBe(0);
  });
});
