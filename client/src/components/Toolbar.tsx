import type { RefObject } from 'react';
import type { GraphViewHandle } from '../graph/GraphView';
import type { ViewGraph } from '../graph/elements';
import { download, edgesCsv, nodesCsv, viewToGraph } from '../graph/export';
import { LAYOUTS, LAYOUT_LABELS, type LayoutName } from '../graph/layouts';

interface Props {
  canUndo: boolean;
  onUndo(): void;
  layout: LayoutName;
  onLayout(l: LayoutName): void;
  onRelayout(): void;
  onFit(): void;
  onOverview(): void;
  pathActive: boolean;
  onClearPath(): void;
  hiddenCount: number;
  onShowHidden(): void;
  graphRef: RefObject<GraphViewHandle | null>;
  view: ViewGraph;
  isVisible(id: string): boolean;
}

const stamp = () => new Date().toISOString().slice(0, 10);

/** Actions on the whole view: undo, layout, fit, back to the overview, and export. */
export function Toolbar(p: Props) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Vyn">
      <button type="button" onClick={p.onUndo} disabled={!p.canUndo} title="Ångra senaste steget (Ctrl+Z)" data-testid="undo">
        ↶ Ångra
      </button>
      <label className="inline">
        <span className="visually-hidden">Layout</span>
        <select value={p.layout} onChange={(e) => p.onLayout(e.target.value as LayoutName)} data-testid="layout-select" title="Layout">
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {LAYOUT_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={p.onRelayout} title="Ordna om (kör layouten igen)" aria-label="Ordna om">
        ⟳
      </button>
      <button type="button" onClick={p.onFit} title="Anpassa vyn till fönstret" aria-label="Anpassa vyn till fönstret">
        ⤢
      </button>
      <button type="button" onClick={p.onOverview} data-testid="overview-button" title="Ersätt vyn med översikten">
        Översikt
      </button>
      {p.hiddenCount > 0 && (
        <button type="button" onClick={p.onShowHidden} data-testid="show-hidden">
          Visa dolda ({p.hiddenCount})
        </button>
      )}
      {p.pathActive && (
        <button type="button" onClick={p.onClearPath}>
          Släck väg
        </button>
      )}
      <span className="spacer" />
      <details className="export-menu">
        <summary data-testid="export-menu">Export</summary>
        <div className="export-items">
          <button
            type="button"
            data-testid="export-png"
            onClick={() => {
              const png = p.graphRef.current?.png();
              if (png) download(`graf-${stamp()}.png`, png);
            }}
          >
            Bild (PNG)
          </button>
          <button type="button" data-testid="export-json" onClick={() => download(`graf-${stamp()}.json`, JSON.stringify(viewToGraph(p.view, p.isVisible), null, 2), 'application/json')}>
            Data (JSON)
          </button>
          <button type="button" data-testid="export-csv-nodes" onClick={() => download(`noder-${stamp()}.csv`, nodesCsv(viewToGraph(p.view, p.isVisible)), 'text/csv')}>
            Noder (CSV)
          </button>
          <button type="button" data-testid="export-csv-edges" onClick={() => download(`relationer-${stamp()}.csv`, edgesCsv(viewToGraph(p.view, p.isVisible)), 'text/csv')}>
            Relationer (CSV)
          </button>
        </div>
      </details>
    </div>
  );
}
