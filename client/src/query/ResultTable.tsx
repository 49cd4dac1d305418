import { useCallback, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunResult } from '../api/types';
import { formatValue } from '../components/format';
import './results.css';

/** Text beyond this is cut in the cell (the title attribute still holds all of it). */
const MAX_CELL = 600;
const MIN_WIDTH = 56;
const MAX_WIDTH = 900;
const STEP = 24;

function isGraphNode(v: unknown): v is { id?: unknown; labels: string[]; properties: Record<string, unknown> } {
  return !!v && typeof v === 'object' && !Array.isArray(v) && 'labels' in v && 'properties' in v;
}

function isGraphEdge(v: unknown): v is { type: unknown; source: unknown; target: unknown } {
  return !!v && typeof v === 'object' && !Array.isArray(v) && 'type' in v && 'source' in v && 'target' in v;
}

/** A cell's full text: graph values read by their name or type, everything else as plain text. */
export function cellText(v: unknown): string {
  if (isGraphNode(v)) {
    const p = v.properties;
    return `(${v.labels.filter((l) => l !== 'Entity').join(':')} ${String(p.name ?? p.title ?? v.id ?? '')})`;
  }
  if (isGraphEdge(v)) return `[:${String(v.type)}]`;
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  // Numbers as written, without grouping: a year (2017) or an offset must not read "2 017".
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' ? v : formatValue(v);
}

/** A column holds numbers when every value that is not null is one; those are right-aligned. */
function numericColumns(result: RunResult): Set<string> {
  const out = new Set<string>();
  for (const c of result.columns) {
    let seen = false;
    let numeric = true;
    for (const row of result.rows) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      seen = true;
      if (typeof v !== 'number') {
        numeric = false;
        break;
      }
    }
    if (seen && numeric) out.add(c);
  }
  return out;
}

/** A first width from the header and the first rows' text: short columns stay narrow, long ones start at 360 px. */
function initialWidth(column: string, texts: string[]): number {
  // About 8 px a character at 13 px (capitals and digits are wider than the average), plus the cell padding.
  const longest = Math.max(column.length + 1, ...texts.map((t) => Math.min(t.length, 60)));
  return Math.round(Math.min(360, Math.max(72, longest * 8.2 + 24)));
}

/**
 * A query's rows as a table, one column per RETURN column: sticky header, columns resizable by drag or
 * keyboard (the handle is a focusable separator), numbers right-aligned, long text wrapped to a few lines with
 * the full text on hover.
 */
export function ResultTable({ result }: { result: RunResult }) {
  const { t } = useTranslation('query');
  const texts = useMemo(() => result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c, cellText(row[c])]))), [result]);
  const numeric = useMemo(() => numericColumns(result), [result]);
  const initial = useMemo(
    () => Object.fromEntries(result.columns.map((c) => [c, numeric.has(c) ? Math.max(72, c.length * 8 + 28) : initialWidth(c, texts.slice(0, 50).map((r) => r[c] ?? ''))])),
    [result, texts, numeric],
  );
  const [widths, setWidths] = useState<Record<string, number>>({});
  const width = (c: string) => widths[c] ?? initial[c] ?? 160;
  const setWidth = useCallback((c: string, w: number) => setWidths((ws) => ({ ...ws, [c]: Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w))) })), []);
  const total = 44 + result.columns.reduce((sum, c) => sum + width(c), 0);

  return (
    <div className="result-table-wrap" tabIndex={0} role="region" aria-label={t('results.tableLabel')}>
      <table className="result-table resizable" data-testid="result-table" style={{ width: total }}>
        <colgroup>
          <col style={{ width: 44 }} />
          {result.columns.map((c) => (
            <col key={c} style={{ width: width(c) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="rownum">
              <span aria-hidden="true">#</span>
              <span className="visually-hidden">{t('results.rowNumber')}</span>
            </th>
            {result.columns.map((c) => (
              <th key={c} scope="col" className={numeric.has(c) ? 'num' : undefined} title={c}>
                <span className="th-text">{c}</span>
                <ColumnHandle column={c} width={width(c)} label={t('results.columnResize', { column: c })} onWidth={(w) => setWidth(c, w)} onReset={() => setWidths(({ [c]: _gone, ...rest }) => rest)} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, i) => (
            <tr key={i}>
              <td className="rownum">{i + 1}</td>
              {result.columns.map((c) => {
                const full = texts[i]?.[c] ?? '';
                return (
                  <td key={c} className={numeric.has(c) ? 'num' : undefined} title={full || undefined}>
                    <span className="cell">{full.length > MAX_CELL ? `${full.slice(0, MAX_CELL)} …` : full}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface HandleProps {
  column: string;
  width: number;
  label: string;
  onWidth(width: number): void;
  onReset(): void;
}

/** The drag handle on a header's right edge: pointer drag, arrow keys (Shift for bigger steps), double-click resets. */
function ColumnHandle({ width, label, onWidth, onReset }: HandleProps) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.stopPropagation();
    drag.current = { x: e.clientX, width };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (drag.current) onWidth(drag.current.width + e.clientX - drag.current.x);
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? STEP * 4 : STEP;
    if (e.key === 'ArrowLeft') onWidth(width - step);
    else if (e.key === 'ArrowRight') onWidth(width + step);
    else if (e.key === 'Home') onWidth(MIN_WIDTH);
    else if (e.key === 'End') onWidth(MAX_WIDTH);
    else if (e.key === 'Enter' || e.key === 'Escape') onReset();
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="col-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      aria-valuenow={width}
      tabIndex={0}
      data-testid="column-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={onReset}
      onKeyDown={onKeyDown}
    />
  );
}
