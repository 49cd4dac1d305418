import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../api/types';
import type { Filters } from '../graph/elements';
import { KNOWN_KINDS, kindLabel, kindStyle, relationLabel } from '../graph/kinds';
import { formatDate, formatNumber } from '../i18n';
import { ShapeIcon } from './ShapeIcon';

interface Props {
  filters: Filters;
  onChange(f: Filters): void;
  kindCounts: Record<string, number>;
  typeCounts: Record<string, number>;
  articles: ArticleSummary[];
}

function toggle(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** Switches kinds and relationship types on and off and narrows the view to facts from chosen articles. */
export function FilterPanel({ filters, onChange, kindCounts, typeCounts, articles }: Props) {
  const { t, i18n } = useTranslation('components');
  const hint = useId();
  const kinds = [...KNOWN_KINDS.filter((k) => kindCounts[k]), ...Object.keys(kindCounts).filter((k) => !KNOWN_KINDS.includes(k as never))];
  // Listed by the words the user reads, in the current language's order.
  const types = Object.keys(typeCounts).sort((a, b) => relationLabel(a).localeCompare(relationLabel(b), i18n.language));
  return (
    <div className="filters" data-testid="filters">
      <fieldset>
        <legend>{t('filters.kinds')}</legend>
        {kinds.length === 0 && <p className="muted small">{t('filters.noNodes')}</p>}
        {kinds.map((k) => {
          const s = kindStyle(k);
          return (
            <label key={k} className="check">
              <input type="checkbox" checked={!filters.hiddenKinds.includes(k)} onChange={() => onChange({ ...filters, hiddenKinds: toggle(filters.hiddenKinds, k) })} data-testid={`filter-kind-${k}`} />
              <ShapeIcon shape={s.shape} colour={s.colour} size={14} />
              <span>{kindLabel(k)}</span>
              <span className="count">{formatNumber(kindCounts[k] ?? 0)}</span>
            </label>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('filters.types')}</legend>
        {types.length === 0 && <p className="muted small">{t('filters.noEdges')}</p>}
        {types.length > 1 && (
          <div className="mini-actions">
            <button type="button" className="link-button" onClick={() => onChange({ ...filters, hiddenTypes: [] })} title={t('filters.allTypes')} data-testid="filter-types-all">
              {t('filters.all')}
            </button>
            <button type="button" className="link-button" onClick={() => onChange({ ...filters, hiddenTypes: types })} title={t('filters.noTypes')} data-testid="filter-types-none">
              {t('filters.none')}
            </button>
          </div>
        )}
        <div className="type-list">
          {types.map((ty) => (
            <label key={ty} className="check" title={ty}>
              <input type="checkbox" checked={!filters.hiddenTypes.includes(ty)} onChange={() => onChange({ ...filters, hiddenTypes: toggle(filters.hiddenTypes, ty) })} data-testid={`filter-type-${ty}`} />
              <span>{relationLabel(ty)}</span>
              <span className="count">{formatNumber(typeCounts[ty] ?? 0)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset aria-describedby={hint}>
        <legend>{t('filters.articles')}</legend>
        <p className="muted small" id={hint}>
          {filters.articles.length ? t('filters.articlesChosen') : t('filters.articlesAll')}
        </p>
        {articles.map((a) => (
          <label key={a.id} className="check article-check">
            <input type="checkbox" checked={filters.articles.includes(a.id)} onChange={() => onChange({ ...filters, articles: toggle(filters.articles, a.id) })} data-testid={`filter-article-${a.id}`} />
            <span>
              {a.title}
              <span className="muted small">
                {' · '}
                <time dateTime={a.published}>{formatDate(a.published)}</time>
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
