import { useEffect, useMemo, useRef } from 'react';
import { LoadingState } from './LoadingState';
import { useTranslation } from 'react-i18next';
import type { ArticleResponse } from '../api/types';
import { kindLabel, kindStyle, primaryKind, relationLabel } from '../graph/kinds';
import { formatNumber } from '../i18n';
import { errorMessage } from '../i18n/errors';
import type { Loadable } from './DetailsPanel';
import { segmentText, type Span } from './articleSegments';
import { formatDate } from './format';

interface Props {
  article: Loadable<ArticleResponse>;
  focus: Span | null;
  onEntity(id: string): void;
  onBack: (() => void) | null;
  onClose(): void;
}

/** An article's full text with the passage in focus highlighted and scrolled to; entity mentions lead back into the graph. */
export function ArticleReader({ article, focus, onEntity, onBack, onClose }: Props) {
  const { t } = useTranslation('components');
  const focusRef = useRef<HTMLElement | null>(null);
  const data = article.state === 'ready' ? article.data : null;
  const segments = useMemo(() => (data ? segmentText(data.article.text, data.mentions, data.quotes, focus) : []), [data, focus]);

  // Scroll only the panel: scrollIntoView would also shift the whole page.
  useEffect(() => {
    const el = focusRef.current;
    const panel = el?.closest<HTMLElement>('.details');
    if (!el || !panel) return;
    const offset = el.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    panel.scrollTop += offset - panel.clientHeight / 2 + el.getBoundingClientRect().height / 2;
  }, [segments]);

  if (article.state === 'loading')
    return (
      <LoadingState className="panel-body panel-state" testId="reader-loading">
        {t('reader.loading')}
      </LoadingState>
    );
  if (article.state === 'error')
    return (
      <section className="panel-body panel-state" data-testid="reader-error">
        <ReaderHeader onBack={onBack} onClose={onClose} />
        <div className="error-box" role="alert">
          <p>{t('reader.failed')}</p>
          <p className="small">{errorMessage(article.error)}</p>
        </div>
      </section>
    );
  const a = article.data.article;
  let focusAssigned = false;
  return (
    <section className="panel-body reader" data-testid="article-reader" data-article-id={a.id} aria-labelledby="reader-title">
      <ReaderHeader onBack={onBack} onClose={onClose} badge />
      <h2 id="reader-title">{a.title}</h2>
      <p className="muted">
        {a.outlet ? `${a.outlet} · ` : ''}
        <time dateTime={a.published}>{formatDate(a.published)}</time> ·{' '}
        {t('reader.mentions', { count: article.data.mentions.length, formatted: formatNumber(article.data.mentions.length) })} ·{' '}
        {t('reader.quotes', { count: article.data.quotes.length, formatted: formatNumber(article.data.quotes.length) })}
      </p>
      <p className="reader-legend small" aria-label={t('reader.legend')}>
        <span className="mention sample">{t('reader.legendMention')}</span> <span className="quote-run sample">{t('reader.legendQuote')}</span>{' '}
        <mark className="sample">{t('reader.legendFocus')}</mark>
      </p>
      <div className="article-text" data-testid="article-text">
        {segments.map((s) => {
          let content: React.ReactNode = s.text;
          if (s.focus) {
            const first = !focusAssigned;
            focusAssigned = true;
            content = (
              <mark data-testid="quote-highlight" ref={first ? (el) => void (focusRef.current = el) : undefined}>
                {content}
              </mark>
            );
          }
          if (s.mention !== null) {
            const m = article.data.mentions[s.mention]!;
            const open = () => onEntity(m.entityId);
            // A span, not a <button>: a button is an inline block and would break the flow of a wrapped mention.
            return (
              <span
                key={s.start}
                role="button"
                tabIndex={0}
                className={`mention${s.quote ? ' quote-run' : ''}`}
                style={{ borderBottomColor: kindStyle(primaryKind(m.labels)).colour }}
                title={t('reader.mentionTitle', { name: m.name, kind: kindLabel(primaryKind(m.labels)) })}
                onClick={open}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    open();
                  }
                }}
                data-testid="mention"
                data-entity-id={m.entityId}
              >
                {content}
              </span>
            );
          }
          if (s.quote) {
            const q = article.data.quotes.find((x) => x.start <= s.start && x.end >= s.end);
            return (
              <span key={s.start} className="quote-run" title={q ? t('reader.quoteTitle', { from: q.from.name, relation: relationLabel(q.type), to: q.to.name }) : undefined}>
                {content}
              </span>
            );
          }
          return <span key={s.start}>{content}</span>;
        })}
      </div>
    </section>
  );
}

/** The reader's header: the kind badge (once an article is there), Back to the panel it came from, and Close. */
function ReaderHeader({ onBack, onClose, badge = false }: Pick<Props, 'onBack' | 'onClose'> & { badge?: boolean }) {
  const { t } = useTranslation('components');
  return (
    <header className="details-header">
      {badge && (
        <span className="kind-badge" style={{ background: kindStyle('Article').colour }}>
          {kindLabel('Article')}
        </span>
      )}
      <span className="spacer" />
      {onBack && (
        <button type="button" className="link-button" onClick={onBack} aria-label={t('reader.backLabel')} data-testid="reader-back">
          {t('reader.back')}
        </button>
      )}
      <button type="button" className="icon-button" onClick={onClose} aria-label={t('reader.close')} title={t('common.closeHint')}>
        ×
      </button>
    </header>
  );
}
