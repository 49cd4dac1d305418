import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode, TimeDiff } from '../api/types';
import { kindLabel, primaryKind, relationLabel } from '../graph/kinds';
import { formatDate, formatNumber } from '../i18n';
import { IsoDateInput } from './IsoDateInput';
import { dateProblem, todayIso } from './timeScale';
import './Timeline.css';

/** What the canvas marks for a diff; the `diff` option of `toElements`. Ids of nodes and of facts (edges). */
export interface DiffMarks {
  appeared: Set<string>;
  disappeared: Set<string>;
  /** Renamed actors: the label reads `${from} → ${to}` (short forms when both names have one: SKL → SKR). */
  renamed: Map<string, { from: string; to: string }>;
}

/**
 * A diff from /api/time/diff as canvas marks: entities and facts that appeared or disappeared (unchanged ends
 * of a changed fact, `properties.diff = "context"`, are not marked), and renamed actors with their two names.
 */
export function diffToMarks(diff: TimeDiff): DiffMarks {
  const changed = (nodes: GraphNode[], status: string) => nodes.filter((n) => n.properties['diff'] === status).map((n) => n.id);
  const renamed = new Map<string, { from: string; to: string }>();
  for (const r of diff.renamed) {
    const short = r.fromShort && r.toShort && r.fromShort !== r.toShort;
    const from = short ? r.fromShort : r.from;
    const to = short ? r.toShort : r.to;
    if (from && to) renamed.set(r.id, { from, to });
  }
  return {
    appeared: new Set([...changed(diff.added.nodes, 'added'), ...diff.added.edges.map((e) => e.id)]),
    disappeared: new Set([...changed(diff.removed.nodes, 'removed'), ...diff.removed.edges.map((e) => e.id)]),
    renamed,
  };
}

export type DiffChange = 'appeared' | 'disappeared' | 'renamed';

/** One line of the diff list; `focusId` is the node to show when it is chosen (a fact's start node). */
export interface DiffItem {
  key: string;
  change: DiffChange;
  focusId: string;
  /** An entity that appeared/disappeared, a fact, or a rename. */
  kind: 'node' | 'fact' | 'rename';
  /** Node: its name; fact: its two ends; rename: the two names. */
  node?: GraphNode;
  fact?: { source: string; type: string; target: string };
  rename?: { from: string; to: string; fromShort: string | null; toShort: string | null };
}

const nameOf = (n: GraphNode | undefined, fallback: string) => {
  const p = n?.properties ?? {};
  return String(p['name'] ?? p['title'] ?? p['value'] ?? fallback);
};

/** The diff as three lists (new, gone, renamed): changed entities first, then facts, each by name. */
export function diffItems(diff: TimeDiff): Record<DiffChange, DiffItem[]> {
  const side = (graph: TimeDiff['added'], change: 'appeared' | 'disappeared', status: string): DiffItem[] => {
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const nodes = graph.nodes
      .filter((n) => n.properties['diff'] === status)
      .map((n): DiffItem => ({ key: `n:${n.id}`, change, focusId: n.id, kind: 'node', node: n }))
      .sort((a, b) => nameOf(a.node, a.focusId).localeCompare(nameOf(b.node, b.focusId), 'sv'));
    const facts = graph.edges
      .map(
        (e): DiffItem => ({
          key: `e:${e.id}`,
          change,
          focusId: e.source,
          kind: 'fact',
          fact: { source: nameOf(byId.get(e.source), e.source), type: e.type, target: nameOf(byId.get(e.target), e.target) },
        }),
      )
      .sort((a, b) => a.fact!.source.localeCompare(b.fact!.source, 'sv') || a.fact!.target.localeCompare(b.fact!.target, 'sv'));
    return [...nodes, ...facts];
  };
  return {
    appeared: side(diff.added, 'appeared', 'added'),
    disappeared: side(diff.removed, 'disappeared', 'removed'),
    renamed: diff.renamed
      .filter((r) => r.from && r.to)
      .map((r) => ({
        key: `r:${r.id}`,
        change: 'renamed' as const,
        focusId: r.id,
        kind: 'rename' as const,
        rename: { from: r.from!, to: r.to!, fromShort: r.fromShort, toShort: r.toShort },
      })),
  };
}

export interface TimeDiffPanelProps {
  /** The answer of /api/time/diff for the last comparison, or null before the first. */
  diff: TimeDiff | null;
  loading?: boolean;
  /** A sentence to show when the comparison failed. */
  error?: string | null;
  /** Dates the inputs start with (e.g. from the URL); else the start of the data and today. */
  initialFrom?: string | null;
  initialTo?: string | null;
  /** The data's span, for the default "from" date. */
  range?: { min: string; max: string } | null;
  /** Whether the diff is drawn on the canvas now (the show button toggles). */
  shown?: boolean;
  /** Compare: the store calls /api/time/diff?from=&to=. */
  onRun(from: string, to: string): void;
  /** A listed entity, fact (its start node) or renamed actor was chosen. */
  onFocusNode(id: string): void;
  /** Draw the diff on the canvas (`diffToMarks(diff)` gives the marks), or null to stop drawing it. */
  onShow(diff: TimeDiff | null): void;
}

const GROUPS: DiffChange[] = ['renamed', 'appeared', 'disappeared'];
const FIRST_ITEMS = 25;

/** Compare two dates: what appeared, disappeared or was renamed in between, listed and drawn on request. */
export function TimeDiffPanel({ diff, loading = false, error = null, initialFrom, initialTo, range, shown = false, onRun, onFocusNode, onShow }: TimeDiffPanelProps) {
  const { t } = useTranslation('time');
  const id = useId();
  const [from, setFrom] = useState(initialFrom ?? diff?.from ?? range?.min ?? '');
  const [to, setTo] = useState(initialTo ?? diff?.to ?? todayIso());
  const [problem, setProblem] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<DiffChange>>(new Set());
  useEffect(() => {
    if (!from && range?.min) setFrom(range.min);
  }, [range?.min, from]);
  useEffect(() => setExpanded(new Set()), [diff]);

  const run = () => {
    const bad = [from, to].map((d) => (d.trim() === '' ? 'format' : dateProblem(d.trim())));
    const which = bad.findIndex(Boolean);
    if (which !== -1) {
      const value = [from, to][which]!.trim();
      setProblem(bad[which] === 'calendar' ? t('control.errorCalendar', { value }) : t('control.errorFormat'));
      return;
    }
    if (from.trim() > to.trim()) {
      setProblem(t('diff.orderError'));
      return;
    }
    setProblem(null);
    onRun(from.trim(), to.trim());
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      run();
    }
  };

  const items = diff ? diffItems(diff) : null;
  const total = items ? items.appeared.length + items.disappeared.length + items.renamed.length : 0;

  const itemText = (item: DiffItem) => {
    if (item.kind === 'rename') {
      const r = item.rename!;
      return (
        <>
          <span className="tdiff-rename-short">{r.fromShort && r.toShort ? `${r.fromShort} → ${r.toShort}` : `${r.from} → ${r.to}`}</span>
          {r.fromShort && r.toShort && <span className="tdiff-rename-full">{`${r.from} → ${r.to}`}</span>}
        </>
      );
    }
    if (item.kind === 'fact') {
      const f = item.fact!;
      return (
        <span>
          {f.source} <em className="tdiff-rel">{relationLabel(f.type)}</em> {f.target}
        </span>
      );
    }
    return (
      <>
        <span>{nameOf(item.node, item.focusId)}</span>
        <span className="tdiff-kind">{kindLabel(primaryKind(item.node!.labels))}</span>
      </>
    );
  };
  const itemLabel = (item: DiffItem) =>
    item.kind === 'rename'
      ? `${item.rename!.from} → ${item.rename!.to}`
      : item.kind === 'fact'
        ? t('diff.fact', { source: item.fact!.source, relation: relationLabel(item.fact!.type), target: item.fact!.target })
        : nameOf(item.node, item.focusId);

  return (
    <section className="tdiff" aria-labelledby={`${id}-title`} data-testid="time-diff">
      <h2 id={`${id}-title`} className="tdiff-title">
        {t('diff.title')}
      </h2>
      <div className="tdiff-form">
        <label>
          <span>{t('diff.from')}</span>
          <IsoDateInput value={from} onChange={(e) => setFrom(e.target.value)} onKeyDown={onKey} invalid={!!problem} data-testid="diff-from" />
        </label>
        <label>
          <span>{t('diff.to')}</span>
          <IsoDateInput value={to} onChange={(e) => setTo(e.target.value)} onKeyDown={onKey} invalid={!!problem} data-testid="diff-to" />
        </label>
        <button type="button" className="primary tdiff-run" onClick={run} disabled={loading} data-testid="diff-run">
          {loading ? t('diff.running') : t('diff.run')}
        </button>
      </div>
      {problem && (
        <p className="tc-error" role="alert" data-testid="diff-error">
          {problem}
        </p>
      )}
      {error && !problem && (
        <p className="tc-error" role="alert" data-testid="diff-error">
          {error}
        </p>
      )}
      {!diff && !error && !problem && <p className="tdiff-intro">{t('diff.intro')}</p>}
      {diff && items && (
        <div className="tdiff-result" aria-busy={loading || undefined}>
          <p className="tdiff-summary" role="status">
            {total === 0
              ? t('diff.empty', { from: formatDate(diff.from, 'long'), to: formatDate(diff.to, 'long') })
              : t('diff.summary', {
                  appeared: formatNumber(items.appeared.length),
                  disappeared: formatNumber(items.disappeared.length),
                  renamed: formatNumber(items.renamed.length),
                  from: formatDate(diff.from, 'long'),
                  to: formatDate(diff.to, 'long'),
                })}
          </p>
          {total > 0 && (
            <button type="button" className="tdiff-show" aria-pressed={shown} onClick={() => onShow(shown ? null : diff)} data-testid="diff-show">
              {shown ? t('diff.hide') : t('diff.show')}
            </button>
          )}
          <div className="tdiff-list" data-testid="diff-list">
            {GROUPS.map((change) => {
              const list = items[change];
              const open = expanded.has(change);
              const visible = open ? list : list.slice(0, FIRST_ITEMS);
              return (
                <section key={change} className={`tdiff-group tdiff-${change}`} aria-labelledby={`${id}-${change}`}>
                  <h3 id={`${id}-${change}`}>
                    <span className="tdiff-dot" aria-hidden="true" />
                    {t(`diff.${change}`)} <span className="tdiff-count">{formatNumber(list.length)}</span>
                  </h3>
                  {list.length === 0 ? (
                    <p className="tdiff-none">{t('diff.none')}</p>
                  ) : (
                    <ul>
                      {visible.map((item) => (
                        <li key={item.key}>
                          <button
                            type="button"
                            className={`tdiff-item tdiff-item-${item.kind}`}
                            data-testid="diff-item"
                            data-change={item.change}
                            data-id={item.focusId}
                            title={t('diff.focus', { name: itemLabel(item) })}
                            onClick={() => onFocusNode(item.focusId)}
                          >
                            {itemText(item)}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                  {list.length > FIRST_ITEMS && (
                    <button type="button" className="tdiff-more" onClick={() => setExpanded(new Set([...expanded, change]))} hidden={open}>
                      {t('diff.more', { count: list.length })}
                    </button>
                  )}
                </section>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
