import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPanel } from '../components/FilterPanel';
import { Legend } from '../components/Legend';
import { NodeList } from '../components/NodeList';
import { PathPanel } from '../components/PathPanel';
import { TimeDiffPanel } from '../components/TimeDiffPanel';
import { errorMessage } from '../i18n/errors';
import { selectDerived, selectView } from './selectors';
import { useExplorer, useExplorerStore } from './useExplorer';

// The query workspace (and its Cypher editor) is loaded when its tab is first opened.
const QueryWorkspace = lazy(() => import('../query/QueryWorkspace').then((m) => ({ default: m.QueryWorkspace })));

/** The left panel: explore (paths, filters, nodes in view, legend) or the query workspace. */
export function Sidebar() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  const tab = useExplorer((s) => s.tab);
  return (
    <aside className="sidebar" id="sidebar" aria-label={t('sidebar.label')}>
      <div role="tablist" className="tabs" aria-label={t('sidebar.label')}>
        <button type="button" role="tab" aria-selected={tab === 'explore'} aria-controls="tab-explore" id="tab-explore-btn" onClick={() => x.setTab('explore')} data-testid="tab-explore">
          {t('sidebar.explore')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'queries'} aria-controls="tab-queries" id="tab-queries-btn" onClick={() => x.setTab('queries')} data-testid="tab-queries">
          {t('sidebar.queries')}
        </button>
      </div>
      <div className="sidebar-scroll">{tab === 'explore' ? <ExploreTab /> : <QueriesTab />}</div>
    </aside>
  );
}

function ExploreTab() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  const path = useExplorer((s) => s.path);
  const view = useExplorer(selectView);
  const d = useExplorer(selectDerived);
  const articles = useExplorer((s) => s.articles);
  const selection = useExplorer((s) => s.selection);
  const legendOpen = useExplorer((s) => s.panels.legendOpen);
  return (
    <div role="tabpanel" id="tab-explore" aria-labelledby="tab-explore-btn">
      <details open className="side-section">
        <summary>{t('sidebar.path')}</summary>
        <PathPanel
          from={path.from}
          to={path.to}
          avoidArticles={path.avoidArticles}
          result={path.result}
          onFrom={x.setPathFrom}
          onTo={x.setPathTo}
          onAvoidArticles={x.setAvoidArticles}
          onFind={() => void x.findPath()}
          onClear={x.clearPath}
          onGoTo={x.goToEntity}
          onOpenEvidence={x.openEvidence}
        />
      </details>
      <CompareSection />
      <details open className="side-section">
        <summary>{t('sidebar.filters')}</summary>
        <FilterPanel filters={view.filters} onChange={x.setFilters} kindCounts={d.counts.kinds} typeCounts={d.counts.types} articles={articles} />
      </details>
      <details className="side-section" open>
        <summary>{t('sidebar.inView', { count: d.visibleNodes.length })}</summary>
        <NodeList nodes={d.visibleNodes} selectedId={selection?.kind === 'node' ? selection.id : null} onSelect={x.goToEntity} />
      </details>
      <div className="side-section legend-section">
        <Legend kinds={Object.keys(d.counts.kinds)} open={legendOpen} onToggle={(open) => open !== legendOpen && x.toggleLegend()} undated={view.asOf !== null} diff={d.diff !== null} />
      </div>
    </div>
  );
}

/** Compare two dates: listed here, drawn on the canvas. */
function CompareSection() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  const diff = useExplorer((s) => s.diff);
  const shown = useExplorer((s) => s.diffShown);
  const timeline = useExplorer((s) => s.timeline);
  return (
    <details className="side-section" open={!!diff}>
      <summary>{t('time.compare')}</summary>
      <TimeDiffPanel
        diff={diff?.result.state === 'ready' ? diff.result.data : null}
        loading={diff?.result.state === 'loading'}
        error={diff?.result.state === 'error' ? errorMessage(diff.result.error) : null}
        initialFrom={diff?.from ?? null}
        initialTo={diff?.to ?? null}
        range={timeline?.state === 'ready' ? timeline.data.range : null}
        shown={shown}
        onRun={(from, to) => void x.compare(from, to)}
        onFocusNode={x.goToEntity}
        onShow={(d) => x.showDiff(!!d)}
      />
    </details>
  );
}

function QueriesTab() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  const queries = useExplorer((s) => s.queries);
  const schema = useExplorer((s) => s.schema);
  const openName = useExplorer((s) => s.openQuery);
  const raw = useExplorer((s) => s.rawParams);
  const run = useExplorer((s) => s.run);
  return (
    <div role="tabpanel" id="tab-queries" aria-labelledby="tab-queries-btn">
      <Suspense fallback={<p className="muted">{t('sidebar.loadingQueries')}</p>}>
        <QueryWorkspace
          queries={queries}
          reloadQueries={x.reloadQueries}
          schema={schema}
          openName={openName}
          onOpen={x.openQuery}
          raw={raw}
          onRaw={x.setRawParams}
          run={run}
          onRunNamed={x.runNamed}
          onRunCypher={x.runCypher}
        />
      </Suspense>
    </div>
  );
}
