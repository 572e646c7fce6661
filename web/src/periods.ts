// Timeline periods: parsing the server's period labels (day, ISO week or month) into date ranges, and filling gaps.

export type Interval = 'day' | 'week' | 'month';

const DAY = 86_400_000;

function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** The first day of a period label: "2025-03-14", "2025-03", or "2025-W11" (ISO week). */
export function periodStart(label: string): number | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(label);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3]);
  m = /^(\d{4})-W(\d{1,2})$/.exec(label);
  if (m) {
    // ISO week 1 is the week with 4 January in it; weeks start on Monday.
    const jan4 = Date.UTC(+m[1], 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
    return monday + (+m[2] - 1) * 7 * DAY;
  }
  m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return Date.UTC(+m[1], +m[2] - 1, 1);
  return null;
}

/** Start of the period an arbitrary day falls in. */
export function floorTo(t: number, interval: Interval): number {
  const d = new Date(t);
  if (interval === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (interval === 'week') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

export function nextPeriod(t: number, interval: Interval): number {
  const d = new Date(t);
  if (interval === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return t + (interval === 'week' ? 7 : 1) * DAY;
}

/** Inclusive YYYY-MM-DD range of the period starting at t. */
export function periodRange(t: number, interval: Interval): [string, string] {
  return [iso(t), iso(nextPeriod(t, interval) - DAY)];
}

export function periodLabel(t: number, interval: Interval): string {
  const s = iso(t);
  return interval === 'month' ? s.slice(0, 7) : s;
}

/**
 * Every period from the first to the last, so quiet days show as gaps instead of disappearing. A stray far-off
 * date (a misread year) would stretch that into thousands of empty bars, so past `max` only the busy periods are kept.
 */
export function fillPeriods(starts: number[], interval: Interval, max = 400): number[] {
  if (starts.length === 0) return [];
  const sorted = [...new Set(starts.map((t) => floorTo(t, interval)))].sort((a, b) => a - b);
  const out: number[] = [];
  for (let t = sorted[0]; t <= sorted[sorted.length - 1]; t = nextPeriod(t, interval)) {
    out.push(t);
    if (out.length > max) return sorted;
  }
  return out;
}

export { iso as isoDay };
