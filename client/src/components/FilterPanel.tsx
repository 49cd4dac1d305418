import type { ArticleSummary } from '../api/types';
import type { Filters } from '../graph/elements';
import { KNOWN_KINDS, kindStyle, relationLabel } from '../graph/kinds';
import { formatDate } from './format';
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
  const kinds = [...KNOWN_KINDS.filter((k) => kindCounts[k]), ...Object.keys(kindCounts).filter((k) => !KNOWN_KINDS.includes(k as never))];
  const types = Object.keys(typeCounts).sort();
  return (
    <div className="filters" data-testid="filters">
      <fieldset>
        <legend>Nodtyper</legend>
        {kinds.length === 0 && <p className="muted small">Inga noder i vyn.</p>}
        {kinds.map((k) => {
          const s = kindStyle(k);
          return (
            <label key={k} className="check">
              <input type="checkbox" checked={!filters.hiddenKinds.includes(k)} onChange={() => onChange({ ...filters, hiddenKinds: toggle(filters.hiddenKinds, k) })} data-testid={`filter-kind-${k}`} />
              <ShapeIcon shape={s.shape} colour={s.colour} size={14} />
              <span>{s.label}</span>
              <span className="count">{kindCounts[k]}</span>
            </label>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Relationstyper</legend>
        {types.length > 1 && (
          <div className="mini-actions">
            <button type="button" className="link-button" onClick={() => onChange({ ...filters, hiddenTypes: [] })}>
              alla
            </button>
            <button type="button" className="link-button" onClick={() => onChange({ ...filters, hiddenTypes: types })}>
              inga
            </button>
          </div>
        )}
        <div className="type-list">
          {types.map((t) => (
            <label key={t} className="check" title={relationLabel(t)}>
              <input type="checkbox" checked={!filters.hiddenTypes.includes(t)} onChange={() => onChange({ ...filters, hiddenTypes: toggle(filters.hiddenTypes, t) })} data-testid={`filter-type-${t}`} />
              <span className="mono">{t}</span>
              <span className="count">{typeCounts[t]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Källartiklar</legend>
        <p className="muted small">{filters.articles.length ? 'Visar bara fakta med belägg i de valda.' : 'Alla artiklar.'}</p>
        {articles.map((a) => (
          <label key={a.id} className="check article-check">
            <input type="checkbox" checked={filters.articles.includes(a.id)} onChange={() => onChange({ ...filters, articles: toggle(filters.articles, a.id) })} data-testid={`filter-article-${a.id}`} />
            <span>
              {a.title}
              <span className="muted small"> · {formatDate(a.published)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
