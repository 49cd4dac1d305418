/** Formatting of dates, periods and values shown in panels, in the current UI language (never the browser's locale). */
import { formatDate as formatIsoDate, formatNumber, i18n } from '../i18n';

/** "6 december 2017" (Swedish) / "6 December 2017" (English) from an ISO date; anything else is shown as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return formatIsoDate(iso, 'long');
}

/** A period such as "2017-12-06 – 2019-11-27", "från 2018-09-01" / "from 2018-09-01", or "". */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string {
  const t = i18n.getFixedT(null, 'components');
  if (from && to) return t('common.period.fromTo', { from: formatIsoDate(from), to: formatIsoDate(to) });
  if (from) return t('common.period.from', { from: formatIsoDate(from) });
  if (to) return t('common.period.to', { to: formatIsoDate(to) });
  return '';
}

/** Any property value as short readable text. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map(formatValue).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'boolean') return i18n.t(v ? 'components:common.yes' : 'components:common.no');
  return String(v);
}

/**
 * "3 gånger": a count with the word that fits it. Prefer a translation key with `_one`/`_other` forms and
 * `t(key, { count })`; this remains for callers that pass their own (Swedish) words.
 */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
