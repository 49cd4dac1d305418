import { formatValue } from '../components/format';
import type { RunResult } from '../api/types';

const MAX_CELL = 160;

function cell(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    // Graph values (nodes, relationships) read best by their name or type.
    if ('labels' in o && 'properties' in o) {
      const p = o.properties as Record<string, unknown>;
      return `(${(o.labels as string[]).filter((l) => l !== 'Entity').join(':')} ${String(p.name ?? p.title ?? o.id ?? '')})`;
    }
    if ('type' in o && 'source' in o && 'target' in o) return `[:${String(o.type)}]`;
  }
  const s = typeof v === 'string' ? v : formatValue(v);
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL)} …` : s;
}

/** A query's rows as a table, one column per RETURN column. */
export function ResultTable({ result }: { result: RunResult }) {
  return (
    <div className="result-table-wrap" tabIndex={0} aria-label="Resultattabell">
      <table className="result-table" data-testid="result-table">
        <thead>
          <tr>
            <th scope="col" className="rownum">
              #
            </th>
            {result.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, i) => (
            <tr key={i}>
              <td className="rownum">{i + 1}</td>
              {result.columns.map((c) => (
                <td key={c} title={typeof row[c] === 'string' ? (row[c] as string) : undefined}>
                  {cell(row[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
