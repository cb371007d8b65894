/** The parts of a quota bar, as shares of its length (R7: used and free places, waitlist beyond). */
export interface QuotaFigures {
  places: number;
  used: number;
  waitlisted: number;
}

export function quotaBarParts({ places, used, waitlisted }: QuotaFigures) {
  const length = Math.max(places, used + waitlisted, 1);
  const share = (n: number) => Math.round((Math.max(0, n) / length) * 1000) / 10;
  return {
    used: share(Math.min(used, places)),
    over: share(used - places), // only after a quota was cut below what it had used
    free: share(places - used),
    waitlisted: share(waitlisted),
    usePercent: places ? Math.round((used / places) * 1000) / 10 : null,
  };
}
