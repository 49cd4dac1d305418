import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, auditCsv, auditCsvFileName, csvCell, csvRecord, UTF8_BOM } from '../../../server/audit/csv';
import type { AuditEntry } from '../../../contract/auth';

async function text(entries: AuditEntry[]): Promise<string> {
  let out = '';
  for await (const chunk of auditCsv(entries)) out += chunk;
  return out;
}

/** A minimal RFC 4180 reader: records of cells, quoted cells unescaped. */
function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let cell = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || record.length) records.push([...record, cell]);
  return records;
}

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 'e1',
  at: '2025-03-01T09:30:00.123456Z',
  actor: 'anna',
  role: 'analyst',
  action: 'query.create',
  target: 'my-query',
  detail: '',
  ...over,
});

describe('the audit trail as CSV', () => {
  it('starts with a UTF-8 byte order mark and the header row at,actor,role,action,target,detail', async () => {
    const csv = await text([]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toBe(`${UTF8_BOM}at,actor,role,action,target,detail\r\n`);
    expect([...AUDIT_CSV_COLUMNS]).toEqual(['at', 'actor', 'role', 'action', 'target', 'detail']);
  });

  it('writes one CRLF-ended record per event, in the column order of the header', async () => {
    const csv = await text([entry({}), entry({ id: 'e2', actor: 'bo', role: 'curator', action: 'ingest.accept', target: 'article-042', detail: 'Ny lag om e-förvaltning' })]);
    const records = parseCsv(csv.slice(1));
    expect(records).toEqual([
      ['at', 'actor', 'role', 'action', 'target', 'detail'],
      ['2025-03-01T09:30:00.123456Z', 'anna', 'analyst', 'query.create', 'my-query', ''],
      ['2025-03-01T09:30:00.123456Z', 'bo', 'curator', 'ingest.accept', 'article-042', 'Ny lag om e-förvaltning'],
    ]);
  });

  it('keeps å, ä and ö as UTF-8 text', async () => {
    const csv = await text([entry({ detail: 'Sökning på Länsstyrelsen i Örebro' })]);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toContain('Sökning på Länsstyrelsen i Örebro');
  });

  it('quotes cells with commas, quotes and line breaks as RFC 4180 says, and reads back the same text', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hej"')).toBe('"say ""hej"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
    const record = csvRecord(['a, b', 'say "hej"', 'two\nlines', '']);
    expect(parseCsv(record)).toEqual([['a, b', 'say "hej"', 'two\nlines', '']]);
  });

  it('defuses cells a spreadsheet would run as a formula by prefixing a quote', () => {
    for (const formula of ['=HYPERLINK("http://evil.example","klicka")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1']) {
      const cell = parseCsv(csvRecord([formula]))[0]![0]!;
      expect(cell, JSON.stringify(formula)).toBe(`'${formula}`);
    }
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell("it's fine")).toBe("it's fine");
  });

  it('names the download after the day it was made', () => {
    expect(auditCsvFileName(new Date('2025-03-01T23:59:59Z'))).toBe('audit-2025-03-01.csv');
  });
});
