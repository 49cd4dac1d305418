import { lazy, Suspense, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Toolbar } from './components/Toolbar';
import { Canvas } from './explorer/Canvas';
import { DetailsPane } from './explorer/DetailsPane';
import { Header } from './explorer/Header';
import { ResultDrawer } from './explorer/ResultDrawer';
import { Sidebar } from './explorer/Sidebar';
import { Splitter } from './explorer/Splitter';
import { StatusBar } from './explorer/StatusBar';
import { TimeBar } from './explorer/TimeBar';
import { useExplorer, useExplorerStore } from './explorer/useExplorer';
import { useShortcuts } from './explorer/useShortcuts';
import { useIngestRoute } from './ingest/route';

// The ingest screens (and the model and schemas they bring) load only when an analyst opens them.
const IngestScreen = lazy(() => import('./ingest/IngestScreen'));

/** The page: the explorer, or (at `#/ingest…`) adding and reviewing an article, under the same header. */
export function App() {
  const { t } = useTranslation('app');
  const route = useIngestRoute();
  if (route)
    return (
      <div className="app ingest-app">
        <Header />
        <Banner />
        <Suspense
          fallback={
            <p className="muted ingest-page" role="status">
              {t('canvas.loading')}
            </p>
          }
        >
          <IngestScreen route={route} />
        </Suspense>
        <Announcer />
      </div>
    );
  return <Explorer />;
}

/** The explorer's layout: header, toolbar, the sidebar, canvas and details panel side by side, and the live region. State lives in the explorer store. */
function Explorer() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  useShortcuts(x);
  const tab = useExplorer((s) => s.tab);
  const panels = useExplorer((s) => s.panels);
  // The article reader needs a readable line length, so the panel widens while an article is open.
  const reading = useExplorer((s) => s.panel.kind === 'article');
  const detailsWidth = reading ? `max(${panels.detailsWidth}px, min(36vw, 620px))` : `${panels.detailsWidth}px`;
  const style = { '--sidebar-w': `${panels.sidebarWidth}px`, '--details-w': detailsWidth } as CSSProperties;
  return (
    <div className={`app tab-${tab} ${panels.sidebarOpen ? 'with-sidebar' : 'no-sidebar'} ${panels.detailsOpen ? 'with-details' : 'no-details'}`} style={style}>
      <Header />
      <Banner />
      <Toolbar />
      <div className="workspace">
        {panels.sidebarOpen && (
          <>
            <Sidebar />
            <Splitter which="sidebar" width={panels.sidebarWidth} onResize={(w) => x.resizePanel('sidebar', w)} />
          </>
        )}
        <main className="centre" aria-label={t('canvas.label')}>
          <Canvas />
          <TimeBar />
          <StatusBar />
          <ResultDrawer />
        </main>
        {panels.detailsOpen && (
          <>
            <Splitter which="details" width={panels.detailsWidth} onResize={(w) => x.resizePanel('details', w)} />
            <DetailsPane />
          </>
        )}
      </div>
      <Announcer />
    </div>
  );
}

function Banner() {
  const { t } = useTranslation('app');
  const banner = useExplorer((s) => s.banner);
  if (banner.kind === 'down')
    return (
      <div className="banner error" role="alert" data-testid="db-banner">
        <strong>{t('banner.title')}</strong> {banner.message} {t('banner.retrying')}
      </div>
    );
  if (banner.kind === 'recovered')
    return (
      <div className="banner ok" role="status" data-testid="db-banner-recovered">
        {t('banner.recovered')}
      </div>
    );
  return null;
}

/** What a screen reader hears when the selection changes. */
function Announcer() {
  const text = useExplorer((s) => s.announcement);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text}
    </div>
  );
}
