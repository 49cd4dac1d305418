import { useTranslation } from 'react-i18next';
import { SearchBox } from '../components/SearchBox';
import { UserMenu } from '../auth/UserMenu';
import { useAuthPage } from '../auth/route';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { navigate, useIngestRoute } from '../ingest/route';
import { useExplorerStore } from './useExplorer';

/** The page header: the name, the search (the first Tab stop), skip links, the language, and who is signed in. */
export function Header() {
  const { t, i18n } = useTranslation('app');
  const x = useExplorerStore();
  // Away from the graph (ingest, audit log, users) a search leads back to it, and there is no graph to skip to.
  const ingestRoute = useIngestRoute();
  const authPage = useAuthPage();
  const away = ingestRoute !== null || authPage !== null;
  return (
    <>
      <header className="topbar">
        <h1 className="brand">
          {t('brand.name')} <span>{t('brand.tagline')}</span>
        </h1>
        <div className="topbar-search" id="search-box">
          <SearchBox
            label={t('search.label')}
            placeholder={t('search.placeholder')}
            testId="search"
            requestKey="search"
            onChoose={(hit) => {
              if (away) navigate(null);
              void x.focusNode(hit.id);
            }}
          />
        </div>
        {/* The search is the first stop; the skip links come right after it. */}
        {!away && (
          <nav className="skip-links" aria-label={t('skip.label')}>
            <a href="#graph" className="skip-link" data-testid="skip-to-graph" onClick={(e) => focusInside(e, 'graph', '[tabindex], .graph-canvas')}>
              {t('skip.graph')}
            </a>
            <a href="#details" className="skip-link" data-testid="skip-to-details" onClick={(e) => focusInside(e, 'details', 'h2, button, a')}>
              {t('skip.details')}
            </a>
          </nav>
        )}
        <span className="spacer" />
        <label className="inline language">
          <span className="visually-hidden">{t('language.label')}</span>
          <select value={i18n.language === 'en' ? 'en' : 'sv'} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language-select" title={t('language.label')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <UserMenu />
      </header>
    </>
  );
}

/** A skip link moves focus (not only the scroll position) to the first control of its target. */
function focusInside(e: { preventDefault(): void }, id: string, selector: string): void {
  const target = document.getElementById(id);
  const el = target?.querySelector<HTMLElement>(selector) ?? target;
  if (!el) return;
  e.preventDefault();
  if (!el.hasAttribute('tabindex') && !/^(INPUT|BUTTON|SELECT|TEXTAREA|A)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
  el.focus();
}
