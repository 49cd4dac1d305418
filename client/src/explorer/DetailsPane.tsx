import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ArticleReader } from '../components/ArticleReader';
import { DetailsPanel } from '../components/DetailsPanel';
import { EdgePanel } from '../components/EdgePanel';
import { edgeEvidence } from '../graph/evidence';
import { formatDate } from '../i18n';
import { selectDerived, selectView } from './selectors';
import { useExplorer, useExplorerStore } from './useExplorer';

/** The right panel: the selected node or relation, an article in the reader, or the article list when nothing is selected. */
export function DetailsPane() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  const panel = useExplorer((s) => s.panel);
  const selection = useExplorer((s) => s.selection);
  const details = useExplorer((s) => s.details);
  const article = useExplorer((s) => s.article);
  const articles = useExplorer((s) => s.articles);
  const expansion = useExplorer((s) => s.expansion);
  const view = useExplorer(selectView);
  const d = useExplorer(selectDerived);
  const ref = useRef<HTMLElement>(null);
  const articlesById = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles]);

  // A newly opened panel starts at its top; the reader scrolls itself to the passage in focus.
  const panelKey = panel.kind === 'article' ? `article:${panel.id}:${panel.focus?.start ?? ''}` : `${panel.kind}:${selection?.id ?? ''}`;
  useEffect(() => {
    if (panel.kind !== 'article' || !panel.focus) ref.current?.scrollTo?.({ top: 0 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [panelKey]);

  const nodeId = selection?.kind === 'node' ? selection.id : null;
  const edge = selection?.kind === 'edge' ? d.shown.edges[selection.id] : undefined;

  return (
    <aside ref={ref} className={`details ${panel.kind === 'none' ? 'empty' : ''}`} id="details" aria-label={t('details.label')} data-testid="details-pane">
      {panel.kind === 'none' && (
        <div className="panel-body placeholder">
          <h2>{t('details.title')}</h2>
          <p className="muted">{t('details.hint')}</p>
          {articles.length > 0 && (
            <>
              <h3>{t('details.articles')}</h3>
              <ul className="article-list">
                {articles.map((a) => (
                  <li key={a.id}>
                    <button type="button" className="link-button" onClick={() => x.openArticle(a.id)} data-testid="article-link">
                      {a.title}
                    </button>
                    <span className="muted small">
                      {' '}
                      {a.outlet ? `${a.outlet} · ` : ''}
                      {formatDate(a.published)} · {t('details.facts', { count: a.factCount })}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {panel.kind === 'details' && nodeId && (
        <DetailsPanel
          details={details}
          pinned={d.pinned.has(nodeId)}
          inView={!!view.graph.nodes[nodeId]}
          expansion={expansion}
          onExpand={(types) => void x.expand(nodeId, types)}
          onMore={x.expandMore}
          onHide={() => x.hide([nodeId])}
          onPin={() => x.togglePin(nodeId)}
          onRemove={() => x.remove([nodeId])}
          onAdd={() => void x.focusNode(nodeId)}
          onGoTo={x.goToEntity}
          onOpenEvidence={x.openEvidence}
          onOpenArticle={x.openArticle}
          onPathFrom={() => x.pathFromNode(nodeId)}
          onPathTo={() => x.pathToNode(nodeId)}
          onClose={x.closePanel}
        />
      )}
      {panel.kind === 'edge' && edge && (
        <EdgePanel
          edge={edge}
          source={d.shown.nodes[edge.source]}
          target={d.shown.nodes[edge.target]}
          evidence={edgeEvidence(edge, articlesById)}
          onGoTo={x.goToEntity}
          onOpenEvidence={x.openEvidence}
          onClose={x.closePanel}
        />
      )}
      {panel.kind === 'article' && (
        <ArticleReader article={article} focus={panel.focus} onEntity={x.goToEntity} onBack={selection ? x.backToSelection : null} onClose={x.closePanel} />
      )}
    </aside>
  );
}
