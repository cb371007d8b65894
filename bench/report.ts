/** The benchmark's table, for the terminal and for bench/results.md. */
import type { Sample } from './measure';
import type { WriteResult } from './writes';

export interface ReadRow {
  key: string;
  label: string;
  who: string;
  loaded: Sample;
  single: Sample;
  floor: Sample;
  p99Target: number;
  ratioTarget?: number;
  note?: string;
}

const ms = (x: number) =>
  Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '–';
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** API ÷ floor at p50, both unloaded (one connection against one in-process call). */
export const ratio = (r: ReadRow) => r.single.p50 / r.floor.p50;
const p99Ok = (r: ReadRow) => r.loaded.errors === 0 && r.loaded.p99 <= r.p99Target;
const ratioOk = (r: ReadRow) => !r.ratioTarget || ratio(r) <= r.ratioTarget;
export const readOk = (r: ReadRow) => p99Ok(r) && ratioOk(r);

export function table(reads: ReadRow[], writes: WriteResult[], skipped: string[]): string {
  const lines = [
    '| case | as | req/s (10 conn) | p50 ms | p99 ms | p50 ms, 1 conn | floor p50 ms | floor p99 ms | API ÷ floor (p50) | target | ok |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|---|:-:|',
  ];
  for (const r of reads) {
    const target = `p99 ≤ ${r.p99Target}${r.ratioTarget ? `, ÷ ≤ ${r.ratioTarget}` : ''}`;
    lines.push(
      `| ${r.label} | ${r.who} | ${int(r.loaded.perSec)} | ${ms(r.loaded.p50)} | ${ms(r.loaded.p99)} | ${ms(r.single.p50)} | ${ms(r.floor.p50)} | ${ms(r.floor.p99)} | ${ratio(r).toFixed(1)} | ${target} | ${r.ratioTarget ? `p99 ${mark(p99Ok(r))} · ÷ ${mark(ratioOk(r))}` : mark(p99Ok(r))}${r.loaded.errors ? ` (${r.loaded.errors} errors)` : ''}${r.note ? ` ${r.note}` : ''} |`,
    );
  }
  for (const w of writes) {
    lines.push(
      `| ${w.label} | ${w.who} | – | ${int(w.apiMs)} (one request) | – | – | ${int(w.floorMs)} (${w.floorCount.toLocaleString('en-US')}) | – | ${w.floorCount ? (w.apiMs / w.floorMs).toFixed(1) : '–'} | ≤ ${w.targetMs.toLocaleString('en-US')} ms | ${mark(w.apiMs <= w.targetMs)}${w.note ? ` ${w.note}` : ''} |`,
    );
  }
  for (const s of skipped) lines.push(`| ${s} | – | skipped | | | | | | | | |`);
  return lines.join('\n');
}
