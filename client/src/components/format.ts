/** Swedish formatting of dates and values shown in panels. */

const DATE = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** "6 december 2017" from an ISO date; anything else is shown as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return DATE.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** A period such as "2017-12-06 – 2019-11-27", "från 2018-09-01" or "". */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string {
  if (from && to) return `${from} – ${to}`;
  if (from) return `från ${from}`;
  if (to) return `till ${to}`;
  return '';
}

/** Any property value as short readable text. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map(formatValue).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 'ja' : 'nej';
  return String(v);
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
