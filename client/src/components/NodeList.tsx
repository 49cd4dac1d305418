import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../api/types';
import { displayName } from '../graph/elements';
import { kindStyle, primaryKind } from '../graph/kinds';
import { ShapeIcon } from './ShapeIcon';

const SHOWN = 200;

/** The nodes in view as a list: the keyboard's way into the graph, and a quick filter by name. */
export function NodeList({ nodes, selectedId, onSelect }: { nodes: GraphNode[]; selectedId: string | null; onSelect(id: string): void }) {
  const { t, i18n } = useTranslation('app');
  const [filter, setFilter] = useState('');
  const sorted = useMemo(() => {
    const lng = i18n.language === 'en' ? 'en' : 'sv';
    const f = filter.trim().toLocaleLowerCase(lng);
    const list = nodes.map((n) => ({ id: n.id, name: displayName(n), kind: primaryKind(n.labels) }));
    return list.filter((n) => !f || n.name.toLocaleLowerCase(lng).includes(f)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }, [nodes, filter, i18n.language]);
  return (
    <div className="node-list-wrap">
      <label className="visually-hidden" htmlFor="node-list-filter">
        {t('nodeList.filterLabel')}
      </label>
      <input id="node-list-filter" type="search" placeholder={t('nodeList.filterPlaceholder')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ul className="node-list" data-testid="node-list">
        {sorted.slice(0, SHOWN).map((n) => {
          const s = kindStyle(n.kind);
          return (
            <li key={n.id}>
              <button type="button" className={n.id === selectedId ? 'active' : ''} aria-current={n.id === selectedId ? 'true' : undefined} onClick={() => onSelect(n.id)} data-node-id={n.id} data-testid="node-list-item">
                <ShapeIcon shape={s.shape} colour={s.colour} size={12} />
                <span>{n.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {sorted.length > SHOWN && <p className="muted small">{t('nodeList.more', { count: sorted.length - SHOWN })}</p>}
    </div>
  );
}
