import type { AuditEntry } from '../../contract/auth';

/** The export's columns, in order; also its header row. */
export const AUDIT_CSV_COLUMNS = ['at', 'actor', 'role', 'action', 'target', 'detail'] as const;

/** Makes Excel read the file as UTF-8 (å, ä, ö) instead of the system's code page. */
export const UTF8_BOM = '\uFEFF';

/**
 * Characters a spreadsheet takes as the start of a formula (OWASP, "CSV injection"): a cell such as
 * `=HYPERLINK(…)` written by whoever named a query would otherwise run when an admin opens the export.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: a text that a spreadsheet would take as a formula gets a leading `'` (shown as text, not run),
 * then RFC 4180 quoting: in double quotes, with quotes doubled, when it holds a comma, a quote or a line break.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record, ended by CRLF as RFC 4180 asks. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The audit trail as CSV text, piece by piece: the BOM and the header row, then one record per event. */
export async function* auditCsv(entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>): AsyncIterable<string> {
  yield UTF8_BOM + csvRecord(AUDIT_CSV_COLUMNS);
  for await (const entry of entries) yield csvRecord(AUDIT_CSV_COLUMNS.map((column) => entry[column]));
}

/** The export's file name, dated (UTC): `audit-2025-03-01.csv`. */
export function auditCsvFileName(now: Date = new Date()): string {
  return `audit-${now.toISOString().slice(0, 10)}.csv`;
}
