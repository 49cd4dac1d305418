import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/store';
import { useExplorer, useExplorerStore } from '../explorer/useExplorer';
import { selectCanRedo, selectCanUndo, selectDerived, selectView } from '../explorer/selectors';
import type { ExportFormat } from '../graph/export';
import { kindLabel, kindStyle } from '../graph/kinds';
import { LAYOUTS, type LayoutName } from '../graph/layouts';

/**
 * Actions on the whole view: panels, undo/redo, clear, fit, layout, start view and whole network, share and
 * export. Export code is loaded on demand so it stays out of the main bundle.
 */
export function Toolbar() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  const canUndo = useExplorer(selectCanUndo);
  const canRedo = useExplorer(selectCanRedo);
  const view = useExplorer(selectView);
  const panels = useExplorer((s) => s.panels);
  const empty = Object.keys(view.graph.nodes).length === 0;
  // Adding articles writes to the graph: curators and admins only (the server refuses the rest).
  const mayAddArticles = useAuth().can('curator');

  const exportFile = async (kind: ExportFormat) => {
    const m = await import('../graph/export');
    const s = x.getState();
    const d = selectDerived(s);
    const kinds = Object.keys(d.counts.kinds).filter((k) => d.counts.kinds[k]);
    try {
      await m.exportView(kind, {
        cy: window.explorer?.cy ?? null,
        view: d.shown,
        isVisible: (id) => !d.out.has(id),
        asOf: s.history.present.asOf,
        title: t('brand.name'),
        legend: kinds.map((k) => ({ label: kindLabel(k), colour: kindStyle(k).colour, shape: kindStyle(k).shape })),
        background: getComputedStyle(document.documentElement).getPropertyValue('--graph-bg').trim() || '#ffffff',
      });
    } catch (err) {
      x.notify(t('toolbar.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} data-testid="toolbar">
      <button type="button" className="icon-button" onClick={x.toggleSidebar} aria-pressed={panels.sidebarOpen} aria-controls="sidebar" title={t('toolbar.toggleSidebar')} aria-label={t('toolbar.toggleSidebar')} data-testid="toggle-sidebar">
        <span aria-hidden="true">◧</span>
      </button>
      <span className="toolbar-group">
        <button type="button" onClick={x.undo} disabled={!canUndo} title={t('toolbar.undoTitle')} data-testid="undo">
          <span aria-hidden="true">↶</span> {t('toolbar.undo')}
        </button>
        <button type="button" onClick={x.redo} disabled={!canRedo} title={t('toolbar.redoTitle')} data-testid="redo">
          <span aria-hidden="true">↷</span> {t('toolbar.redo')}
        </button>
        <button type="button" onClick={x.clearView} disabled={empty} title={t('toolbar.clearTitle')} data-testid="clear-view">
          {t('toolbar.clear')}
        </button>
      </span>
      <span className="toolbar-group">
        <button type="button" className="icon-button" onClick={x.fit} title={t('toolbar.fit')} aria-label={t('toolbar.fit')} data-testid="fit-view">
          <span aria-hidden="true">⤢</span>
        </button>
        <label className="inline">
          <span className="visually-hidden">{t('toolbar.layout')}</span>
          <select value={view.layout} onChange={(e) => x.setLayout(e.target.value as LayoutName)} data-testid="layout-select" title={t('toolbar.layout')}>
            {LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {t(`layout.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon-button" onClick={x.relayout} title={t('toolbar.relayout')} aria-label={t('toolbar.relayout')} data-testid="relayout">
          <span aria-hidden="true">⟳</span>
        </button>
      </span>
      <span className="toolbar-group">
        <button type="button" onClick={x.showStart} aria-pressed={view.base === 'start'} title={t('toolbar.startTitle')} data-testid="start-button">
          {t('toolbar.start')}
        </button>
        <button type="button" onClick={x.showOverview} aria-pressed={view.base === 'overview'} title={t('toolbar.overviewTitle')} data-testid="overview-button">
          {t('toolbar.overview')}
        </button>
        {view.hidden.length > 0 && (
          <button type="button" onClick={x.showAll} data-testid="show-hidden">
            {t('toolbar.showHidden', { count: view.hidden.length })}
          </button>
        )}
        {view.path && (
          <button type="button" onClick={x.clearPath} data-testid="clear-path">
            {t('toolbar.clearPath')}
          </button>
        )}
      </span>
      <span className="spacer" />
      {/* The way into adding an article (client/src/ingest); in the toolbar, so the header keeps its few Tab stops. */}
      {mayAddArticles && (
        <a href="#/ingest" className="add-article-link" title={t('ingest:entry.add')} data-testid="add-article">
          <span aria-hidden="true">+</span>
          <span className="add-article-text">{t('ingest:entry.add')}</span>
        </a>
      )}
      <button type="button" onClick={() => void x.share()} title={t('toolbar.shareTitle')} data-testid="share-link">
        {t('toolbar.share')}
      </button>
      <details className="export-menu">
        <summary data-testid="export-menu">{t('toolbar.export')}</summary>
        <div className="export-items">
          <button type="button" data-testid="export-png" onClick={() => void exportFile('png')}>
            {t('toolbar.exportPng')}
          </button>
          <button type="button" data-testid="export-svg" onClick={() => void exportFile('svg')}>
            {t('toolbar.exportSvg')}
          </button>
          <button type="button" data-testid="export-json" onClick={() => void exportFile('json')}>
            {t('toolbar.exportJson')}
          </button>
          <button type="button" data-testid="export-csv-nodes" onClick={() => void exportFile('csv-nodes')}>
            {t('toolbar.exportNodes')}
          </button>
          <button type="button" data-testid="export-csv-edges" onClick={() => void exportFile('csv-edges')}>
            {t('toolbar.exportEdges')}
          </button>
        </div>
      </details>
      <button type="button" className="icon-button" onClick={x.toggleDetails} aria-pressed={panels.detailsOpen} aria-controls="details" title={t('toolbar.toggleDetails')} aria-label={t('toolbar.toggleDetails')} data-testid="toggle-details">
        <span aria-hidden="true">◨</span>
      </button>
    </div>
  );
}
