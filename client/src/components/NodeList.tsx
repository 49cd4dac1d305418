import { useMemo, useState } from 'react';
import type { GraphNode } from '../api/types';
import { displayName } from '../graph/elements';
import { kindStyle, primaryKind } from '../graph/kinds';
import { ShapeIcon } from './ShapeIcon';

const SHOWN = 200;

/** The nodes in view as a list: the keyboard's way into the graph, and a quick filter by name. */
export function NodeList({ nodes, selectedId, onSelect }: { nodes: GraphNode[]; selectedId: string | null; onSelect(id: string): void }) {
  const [filter, setFilter] = useState('');
  const sorted = useMemo(() => {
    const f = filter.trim().toLocaleLowerCase('sv');
    const list = nodes.map((n) => ({ id: n.id, name: displayName(n), kind: primaryKind(n.labels) }));
    return list.filter((n) => !f || n.name.toLocaleLowerCase('sv').includes(f)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }, [nodes, filter]);
  return (
    <div className="node-list-wrap">
      <label className="visually-hidden" htmlFor="node-list-filter">
        Filtrera noderna i vyn
      </label>
      <input id="node-list-filter" type="search" placeholder="Filtrera på namn …" value={filter} onChange={(e) => setFilter(e.target.value)} />
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
      {sorted.length > SHOWN && <p className="muted small">… och {sorted.length - SHOWN} till. Filtrera för att hitta dem.</p>}
    </div>
  );
}
