import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunState } from './queryState';
import { ResultTable } from './ResultTable';
import './results.css';

export interface ResultDrawerProps {
  /** The last run; the drawer shows only for an answer (done, empty or truncated) and renders nothing otherwise. */
  run: RunState;
  /** Whether the table is shown; when hidden, a bar offers to show it again. */
  open: boolean;
  onOpenChange(open: boolean): void;
}

/** Share of the canvas column the table takes, kept between visits. */
const STORAGE_KEY = 'explorer.resultSplit';
const MIN = 0.15;
const MAX = 0.85;
const DEFAULT = 0.35;
const STEP = 0.05;

function storedSplit(): number {
  try {
    const v = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
    if (v >= MIN && v <= MAX) return v;
  } catch {
    // Storage may be disabled; the default it is.
  }
  return DEFAULT;
}

const clamp = (v: number) => Math.min(MAX, Math.max(MIN, v));

/**
 * The result of a query under the graph: title and counts, the table, and a drag handle (a focusable
 * separator: arrow keys, Home/End) that moves the border between graph and table. The graph above resizes
 * itself (GraphView observes its container).
 */
export function ResultDrawer({ run, open, onOpenChange }: ResultDrawerProps) {
  const { t } = useTranslation('query');
  const [split, setSplit] = useState(storedSplit);
  const section = useRef<HTMLElement>(null);
  const drag = useRef<{ top: number; height: number } | null>(null);

  useEffect(() => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, split.toFixed(3));
    } catch {
      // Not remembered; still applied.
    }
  }, [split]);

  const onPointerDown = useCallback((e: ReactPointerEvent<HTMLDivElement>) => {
    const parent = section.current?.parentElement;
    if (!parent) return;
    e.preventDefault();
    const rect = parent.getBoundingClientRect();
    drag.current = { top: rect.top, height: rect.height };
    e.currentTarget.setPointerCapture(e.pointerId);
  }, []);
  const onPointerMove = useCallback((e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d && d.height > 0) setSplit(clamp((d.top + d.height - e.clientY) / d.height));
  }, []);
  const onPointerUp = useCallback((e: ReactPointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  }, []);
  const onKeyDown = useCallback((e: ReactKeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowUp: (v: number) => v + STEP, ArrowDown: (v: number) => v - STEP, PageUp: (v: number) => v + 2 * STEP, PageDown: (v: number) => v - 2 * STEP, Home: () => MAX, End: () => MIN }[e.key];
    if (!next) return;
    e.preventDefault();
    setSplit((v) => clamp(next(v)));
  }, []);

  if (run.status !== 'done' && run.status !== 'empty' && run.status !== 'truncated') return null;
  const { result } = run;

  if (!open) {
    return (
      <button type="button" className="drawer-toggle" onClick={() => onOpenChange(true)} data-testid="result-drawer-open">
        {t('results.show', { count: result.rowCount })}
      </button>
    );
  }

  const percent = Math.round(split * 100);
  return (
    <section ref={section} className="result-drawer" data-testid="result-drawer" aria-label={t('results.drawerLabel')} style={{ height: `${percent}%`, flex: 'none' }}>
      <div
        className="split-handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label={t('results.splitter')}
        aria-valuemin={Math.round(MIN * 100)}
        aria-valuemax={Math.round(MAX * 100)}
        aria-valuenow={percent}
        tabIndex={0}
        data-testid="result-split"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onDoubleClick={() => setSplit(DEFAULT)}
        onKeyDown={onKeyDown}
      />
      <header>
        <strong className="drawer-title">{run.title}</strong>
        <span className="muted small">
          {t('results.summary', { count: result.rowCount, columns: result.columns.length, ms: result.timeMs })}
          {run.status === 'truncated' && <> · {t('results.truncated')}</>}
        </span>
        <span className="spacer" />
        <button type="button" className="icon-button" onClick={() => onOpenChange(false)} aria-label={t('results.hide')} title={t('results.hide')} data-testid="result-drawer-close">
          ×
        </button>
      </header>
      {run.status === 'empty' ? <p className="muted drawer-empty">{t('results.noRows')}</p> : <ResultTable result={result} />}
    </section>
  );
}
