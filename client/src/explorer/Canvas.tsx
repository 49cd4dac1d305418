import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContextMenu } from '../components/ContextMenu';
import type { GraphViewHandle } from '../graph/GraphView';
import { displayName, toElements } from '../graph/elements';
import { errorMessage } from '../i18n/errors';
import { selectDerived, selectView } from './selectors';
import { useExplorer, useExplorerStore } from './useExplorer';

// Cytoscape is the largest part of the page: its chunk starts loading as soon as this module runs, in parallel
// with the first API calls, and the shell (header, search, panels) is usable before it arrives.
const graphModule = import('../graph/GraphView');
const GraphView = lazy(() => graphModule.then((m) => ({ default: m.GraphView })));

/** The network: the graph itself, its loading and error states, the start invitation, the menu and the selection bar. */
export function Canvas() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  const view = useExplorer(selectView);
  const d = useExplorer(selectDerived);
  const selection = useExplorer((s) => s.selection);
  const menu = useExplorer((s) => s.menu);
  const viewLoad = useExplorer((s) => s.viewLoad);
  const fitToken = useExplorer((s) => s.fitToken);
  const layoutToken = useExplorer((s) => s.layoutToken);
  const positions = useExplorer((s) => s.positions);
  const notice = useExplorer((s) => s.notice);
  const graphRef = useRef<GraphViewHandle>(null);

  useEffect(() => {
    x.attachCanvas({
      centre: (id) => graphRef.current?.centre(id),
      positions: () => graphRef.current?.positions() ?? {},
      png: () => graphRef.current?.png() ?? null,
    });
    return () => x.attachCanvas(null);
  }, [x]);

  const elements = useMemo(() => {
    const els = toElements(d.shown, { path: d.path, pinned: d.pinned, filtered: d.out, asOf: view.asOf, diff: d.diff });
    // A shared link carries where its nodes were drawn: they start there.
    return positions ? els.map((el) => (el.group === 'nodes' && positions[String(el.data.id)] ? { ...el, position: positions[String(el.data.id)] } : el)) : els;
  }, [d, view.asOf, positions]);

  return (
    <>
    {/* Above the canvas, not over it, so it never hides a node. */}
    {viewLoad.state === 'ready' && view.base === 'start' && d.nodeTotal > 0 && <StartInvitation />}
    <div className="canvas-wrap" id="graph">
      <Suspense fallback={<div className="canvas-overlay" role="status">{t('canvas.loading')}</div>}>
      <GraphView
        ref={graphRef}
        elements={elements}
        layout={view.layout}
        layoutToken={layoutToken}
        fitToken={fitToken}
        selectedId={selection?.id ?? null}
        pinned={d.pinned}
        onNodeTap={x.selectNode}
        onEdgeTap={x.selectEdge}
        onBackgroundTap={x.backgroundTap}
        onNodeDoubleTap={(id) => void x.expand(id)}
        onNodeContext={x.openMenu}
        onSelectionChange={x.setMultiSelection}
      />
      </Suspense>
      {menu && (
        <ContextMenu
          state={menu}
          name={d.shown.nodes[menu.id] ? displayName(d.shown.nodes[menu.id]!) : menu.id}
          pinned={d.pinned.has(menu.id)}
          actions={{
            expand: () => void x.expand(menu.id),
            pin: () => x.togglePin(menu.id),
            hide: () => x.hide([menu.id]),
            remove: () => x.remove([menu.id]),
            pathFrom: () => x.pathFromNode(menu.id),
            pathTo: () => x.pathToNode(menu.id),
          }}
          onClose={x.closeMenu}
        />
      )}
      <SelectionBar />
      {viewLoad.state === 'loading' && (
        <div className="canvas-overlay" role="status" data-testid="graph-loading">
          {t('canvas.loading')}
        </div>
      )}
      {viewLoad.state === 'error' && (
        <div className="canvas-overlay error" role="alert" data-testid="graph-error">
          {t('canvas.error', { message: errorMessage(viewLoad.error) })}{' '}
          <button type="button" onClick={() => void x.reloadBase()}>
            {t('canvas.retry')}
          </button>
        </div>
      )}
      {viewLoad.state === 'ready' && d.nodeTotal === 0 && (
        <div className="canvas-overlay" role="status" data-testid="graph-empty">
          {t('canvas.empty')}{' '}
          <button type="button" className="link-button" onClick={x.showStart}>
            {t('canvas.backToStart')}
          </button>
        </div>
      )}
      {notice && (
        <div className="toast" role="status" data-testid="notice">
          {notice}
          <button type="button" className="icon-button" onClick={x.dismissNotice} aria-label={t('canvas.dismiss')}>
            ×
          </button>
        </div>
      )}
    </div>
    </>
  );
}

/** A calm, non-blocking invitation on the start view: search for someone, or see the whole network. */
function StartInvitation() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  const [dismissed, setDismissed] = useState(false);
  const selected = useExplorer((s) => s.selection !== null || s.multi.length > 0);
  if (dismissed || selected) return null;
  return (
    <div className="start-invitation" role="note" data-testid="start-invitation">
      <p>{t('start.invitation')}</p>
      <div className="start-actions">
        <button type="button" className="primary" onClick={() => document.querySelector<HTMLInputElement>('#search-box input')?.focus()} data-testid="start-search">
          {t('start.search')}
        </button>
        <button type="button" onClick={x.showOverview} data-testid="start-whole-network">
          {t('start.whole')}
        </button>
        <button type="button" className="icon-button" onClick={() => setDismissed(true)} aria-label={t('start.dismiss')} title={t('start.dismiss')}>
          ×
        </button>
      </div>
    </div>
  );
}

/** "N valda" with what can be done to the set: expand, hide, remove. */
function SelectionBar() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  const multi = useExplorer((s) => s.multi);
  if (multi.length < 2) return null;
  return (
    <div className="selection-bar" role="region" aria-label={t('selection.label')} data-testid="selection-bar">
      <strong data-testid="selection-count">{t('selection.count', { count: multi.length })}</strong>
      <button type="button" onClick={() => void x.expandSelected()} data-testid="selection-expand">
        {t('selection.expand')}
      </button>
      <button type="button" onClick={() => x.hide(multi)} data-testid="selection-hide">
        {t('selection.hide')}
      </button>
      <button type="button" onClick={() => x.remove(multi)} data-testid="selection-remove">
        {t('selection.remove')}
      </button>
      <button type="button" className="icon-button" onClick={x.clearSelection} aria-label={t('selection.clear')} title={t('selection.clear')}>
        ×
      </button>
    </div>
  );
}
