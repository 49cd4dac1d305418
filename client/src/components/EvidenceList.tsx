import type { Evidence } from '../api/types';
import { formatDate } from './format';

interface Props {
  evidence: Evidence[];
  onOpen(e: Evidence): void;
}

/** Quotes that support a fact; each opens its article with the passage highlighted. */
export function EvidenceList({ evidence, onOpen }: Props) {
  if (!evidence.length) return <p className="muted small">Inget citat – strukturell koppling.</p>;
  return (
    <ul className="evidence-list">
      {evidence.map((e, i) => (
        <li key={`${e.articleId}-${e.start}-${i}`}>
          <button type="button" className="quote" onClick={() => onOpen(e)} data-testid="evidence-quote" data-article-id={e.articleId} title="Öppna artikeln vid citatet">
            <q>{e.quote}</q>
            <span className="source">
              {e.articleTitle}
              {e.outlet ? ` · ${e.outlet}` : ''} · <time dateTime={e.published}>{formatDate(e.published)}</time>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
