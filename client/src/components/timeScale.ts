/**
 * Dates on the time controls: ISO `yyyy-mm-dd` strings checked and converted to day numbers, the data's range
 * mapped onto a slider or an axis, and the axis ticks (years, or months on a short span). Pure, no DOM.
 */

export interface DateRange {
  min: string;
  max: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Why a typed date is refused: not written as yyyy-mm-dd, or no such day (2019-02-30). */
export type DateProblem = 'format' | 'calendar';

/** Checks a typed date: null when it is a real ISO calendar date, else what is wrong with it. */
export function dateProblem(text: string): DateProblem | null {
  const m = ISO.exec(text);
  if (!m) return 'format';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text ? null : 'calendar';
}

/** True for a real calendar date written as yyyy-mm-dd. */
export function isIsoDate(text: string): boolean {
  return dateProblem(text) === null;
}

/** Days since 1970-01-01 of an ISO date. */
export function toDay(iso: string): number {
  const m = ISO.exec(iso.slice(0, 10));
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** The ISO date of a day number. */
export function fromDay(day: number): string {
  return new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date where the analyst sits, as yyyy-mm-dd. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The same day `months` calendar months later (earlier when negative); the 31st becomes the month's last day. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The date moved into the range. */
export function clampDate(iso: string, range: DateRange): string {
  return iso < range.min ? range.min : iso > range.max ? range.max : iso;
}

/**
 * The range to draw: the data's span widened to whole years (so the axis starts and ends on a tick), and
 * never a single point. `extra` dates (the chosen "as of") widen it too, so the marker is never off the axis.
 */
export function paddedRange(range: DateRange, ...extra: (string | null | undefined)[]): DateRange {
  const dates = [range.min, range.max, ...extra.filter((d): d is string => !!d && isIsoDate(d))].sort();
  const min = `${dates[0]!.slice(0, 4)}-01-01`;
  const lastYear = Number(dates[dates.length - 1]!.slice(0, 4));
  return { min, max: `${lastYear}-12-31` };
}

/** A linear map between dates and pixels over `range`, `from` to `to` px. */
export interface DateScale {
  x(iso: string): number;
  date(x: number): string;
}

export function dateScale(range: DateRange, from: number, to: number): DateScale {
  const d0 = toDay(range.min);
  const span = Math.max(1, toDay(range.max) - d0);
  const width = to - from;
  return {
    x: (iso) => from + ((toDay(iso) - d0) / span) * width,
    date: (x) => fromDay(d0 + Math.max(0, Math.min(span, Math.round(((x - from) / width) * span)))),
  };
}

export interface Tick {
  date: string;
  /** Year ticks carry the year; month ticks their month number (1–12), named by the caller's language. */
  year: number;
  month: number;
  major: boolean;
}

/**
 * Axis ticks over a range: every year, and months as minor ticks when there is room (`pxPerYear` at least
 * 120: every month; at least 40: every quarter). Years that would be closer than 36 px are thinned.
 */
export function axisTicks(range: DateRange, pxPerYear: number): Tick[] {
  const first = Number(range.min.slice(0, 4));
  const last = Number(range.max.slice(0, 4));
  const yearStep = pxPerYear >= 36 ? 1 : Math.ceil(36 / Math.max(1, pxPerYear));
  const monthStep = pxPerYear >= 120 ? 1 : pxPerYear >= 40 ? 3 : 0;
  const ticks: Tick[] = [];
  for (let y = first; y <= last + 1; y++) {
    for (let m = 1; m <= 12; m++) {
      const date = `${y}-${String(m).padStart(2, '0')}-01`;
      if (date < range.min || date > range.max) continue;
      if (m === 1 && (y - first) % yearStep === 0) ticks.push({ date, year: y, month: 1, major: true });
      else if (m !== 1 && monthStep > 0 && (m - 1) % monthStep === 0) ticks.push({ date, year: y, month: m, major: false });
    }
  }
  return ticks;
}
