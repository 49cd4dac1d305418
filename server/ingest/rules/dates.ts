import type { PublishedHint } from '../../../contract/ingest';
import { MONTHS } from './lexicon';

/**
 * The publication date an article states about itself: "Publicerad: 6 december 2017", "Sidan publicerad:
 * 2017-06-14", "Publicerad 2020-03-05 kl 10.12". "Uppdaterad …" counts only when nothing says
 * "publicerad"; a bare date on the first lines ("Tor 25 jul / År 42 / Nr 3 2024") only when neither does.
 */

const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const DATE_BODY = `(?:den\\s+)?(?:(\\d{4})-(\\d{1,2})-(\\d{1,2})|(\\d{1,2})\\s+(${MONTH_RE})\\.?\\s+(\\d{4}))`;
const LABELLED = new RegExp(`(?<![\\p{L}])((?:[Ss]idan\\s+|[Aa]rtikeln\\s+)?(?:[Pp]ublicerad|[Pp]ublicerades|[Pp]ubl\\.)|[Dd]atum|[Uu]ppdaterad|[Ss]enast\\s+uppdaterad)(?::|\\s)\\s*${DATE_BODY}`, 'gu');
const DATELINE = new RegExp(`(?<![\\p{L}\\d])(?:(?:[Mm]ån|[Tt]is|[Oo]ns|[Tt]or|[Ff]re|[Ll]ör|[Ss]ön)\\p{Ll}*\\.?\\s+)?(\\d{1,2})\\s+(${MONTH_RE})\\.?(?:\\s+(\\d{4})|[^\\n]{0,30}?(?<!\\d)(\\d{4}))(?!\\d)`, 'gu');

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dateOf(g: (string | undefined)[]): string | null {
  if (g[0]) return iso(Number(g[0]), Number(g[1]), Number(g[2]));
  const month = MONTHS[(g[4] ?? '').toLowerCase()];
  return month ? iso(Number(g[5]), month, Number(g[3])) : null;
}

/** The publication date the text states, with the words that state it, or null. */
export function findPublishedHint(text: string): PublishedHint | null {
  let updated: PublishedHint | null = null;
  for (const m of text.matchAll(LABELLED)) {
    const date = dateOf(m.slice(2));
    if (!date) continue;
    const hint = { date, quote: m[0], start: m.index, end: m.index + m[0].length };
    if (/uppdaterad/i.test(m[1]!)) updated ??= hint;
    else return hint;
  }
  if (updated) return updated;
  // A dateline: a date among the first lines of the page.
  const head = text.slice(0, 300);
  for (const m of head.matchAll(DATELINE)) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const year = Number(m[3] ?? m[4]);
    const date = month ? iso(year, month, Number(m[1])) : null;
    if (date) return { date, quote: m[0], start: m.index, end: m.index + m[0].length };
  }
  return null;
}
