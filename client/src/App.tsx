import { lazy, Suspense, useEffect, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleRequired } from './auth/RoleRequired';
import { goToHash, signInHash, useAuthPage, useHash } from './auth/route';
import { SignInScreen } from './auth/SignInScreen';
import { useAuth } from './auth/store';
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

// The ingest screens (and the model and schemas they bring) load only when an analyst opens them; so do the admins' pages.
const IngestScreen = lazy(() => import('./ingest/IngestScreen'));
const AuditScreen = lazy(() => import('./auth/AuditScreen'));
const UsersScreen = lazy(() => import('./auth/UsersScreen'));

/**
 * The page: the explorer; at `#/ingest…` adding and reviewing an article (curators); at `#/audit` and `#/users`
 * the audit log and the accounts (admins) — all under the same header. In the signin mode with nobody signed
 * in, only the sign-in page (`#/signin`), which then returns to the address asked for.
 */
export function App() {
  const auth = useAuth();
  const page = useAuthPage();
  const route = useIngestRoute();
  const hash = useHash();
  const mustSignIn = auth.status === 'ready' && auth.mode === 'signin' && !auth.user;

  useEffect(() => {
    // Nobody signed in: the address says so, and remembers where the user was going.
    if (mustSignIn && page?.page !== 'signin') goToHash(signInHash(hash), { quiet: true });
    // Signed in (or no sign-in needed) at the sign-in address: on to where the user was going.
    else if (auth.status === 'ready' && !mustSignIn && page?.page === 'signin') goToHash(page.next);
  }, [mustSignIn, auth.status, page, hash]);

  if (auth.status === 'loading') return <div className="app" aria-busy="true" />;
  if (mustSignIn) return <SignInScreen next={page?.page === 'signin' ? page.next : hash} ssoError={page?.page === 'signin' ? page.error : null} />;
  if (page?.page === 'signin') return <div className="app" aria-busy="true" />;
  if (page) return <Screen>{!auth.can('admin') ? <RoleRequired required="admin" /> : page.page === 'audit' ? <AuditScreen /> : <UsersScreen />}</Screen>;
  if (route) return <Screen className="ingest-app">{auth.can('curator') ? <IngestScreen route={route} /> : <RoleRequired required="curator" />}</Screen>;
  return <Explorer />;
}

/** A screen away from the graph under the same header: the ingest screens, the audit log, the users. */
function Screen({ className = '', children }: { className?: string; children: ReactNode }) {
  const { t } = useTranslation('app');
  return (
    <div className={`app ${className}`}>
      <Header />
      <Banner />
      <Suspense
        fallback={
          <p className="muted ingest-page" role="status">
            {t('canvas.loading')}
          </p>
        }
      >
        {children}
      </Suspense>
      <Announcer />
    </div>
  );
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
