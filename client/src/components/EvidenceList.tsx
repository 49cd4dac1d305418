import { useTranslation } from 'react-i18next';
import type { Evidence } from '../api/types';
import { formatDate } from './format';

interface Props {
  evidence: Evidence[];
  onOpen(e: Evidence): void;
}

/** Quotes that support a fact; each opens its article with the passage highlighted. */
export function EvidenceList({ evidence, onOpen }: Props) {
  const { t } = useTranslation('components');
  if (!evidence.length) return <p className="muted small evidence-none">{t('evidence.none')}</p>;
  return (
    <ul className="evidence-list">
      {evidence.map((e, i) => (
        <li key={`${e.articleId}-${e.start}-${i}`}>
          <button type="button" className="quote" onClick={() => onOpen(e)} data-testid="evidence-quote" data-article-id={e.articleId} title={t('evidence.open')}>
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
