import type { QuotaProposal } from '../providers/apiTypes';

/** The table's column sums, and whether every edited figure is a whole number of places. */
export function planTotals(p: QuotaProposal, places: Record<number, string>) {
  const sum = (f: (u: QuotaProposal['unions'][number]) => number) => p.unions.reduce((s, u) => s + f(u), 0);
  const edited = p.unions.map((u) => Number(places[u.organizationId]));
  return {
    members: sum((u) => u.members),
    applications: sum((u) => u.applications),
    uptake: sum((u) => u.uptake),
    proposed: sum((u) => u.proposed),
    current: sum((u) => u.current ?? 0),
    used: sum((u) => u.used),
    final: edited.reduce((s, n) => s + (Number.isFinite(n) ? n : 0), 0),
    valid: edited.every((n) => Number.isInteger(n) && n >= 0),
  };
}
