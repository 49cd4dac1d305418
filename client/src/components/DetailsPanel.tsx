import { useMemo, useState } from 'react';
import type { ApiError, Evidence, NodeDetails, NodeFact } from '../api/types';
import { displayName } from '../graph/elements';
import { kindStyle, primaryKind, relationLabel } from '../graph/kinds';
import { EvidenceList } from './EvidenceList';
import { formatDate, formatPeriod, plural } from './format';
import { PropertyList } from './PropertyList';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; data: T };

export interface ExpansionInfo {
  nodeId: string;
  types: string[];
  total: number;
  loaded: number;
  hasMore: boolean;
  loading: boolean;
  /** Relationships to the loaded neighbours not drawn (the API brings at most 10 per neighbour). */
  leftOut: number;
}

interface Props {
  details: Loadable<NodeDetails>;
  pinned: boolean;
  inView: boolean;
  expansion: ExpansionInfo | null;
  onExpand(types: string[]): void;
  onMore(): void;
  onHide(): void;
  onPin(): void;
  onRemove(): void;
  onAdd(): void;
  onGoTo(id: string): void;
  onOpenEvidence(e: Evidence): void;
  onOpenArticle(articleId: string): void;
  onPathFrom(): void;
  onPathTo(): void;
  onClose(): void;
}

/** Hidden in the panel: shown elsewhere (names, kind) or internal to the search index. */
const SKIP_PROPERTIES = new Set(['id', 'name', 'aliases', 'searchText', 'kind', 'description', 'text']);

/** Everything known about one node: names over time, kind, properties, roles, facts with their evidence, mentions. */
export function DetailsPanel(props: Props) {
  const { details } = props;
  if (details.state === 'loading') return <section className="panel-body" aria-busy="true"><p className="muted">Hämtar uppgifter …</p></section>;
  if (details.state === 'error')
    return (
      <section className="panel-body">
        <p className="error-text" role="alert">
          {details.error.status === 404 ? 'Noden finns inte (längre) i grafen.' : `Kunde inte hämta noden: ${details.error.message}`}
        </p>
      </section>
    );
  return <NodeDetailsView {...props} data={details.data} />;
}

function NodeDetailsView({ data, pinned, inView, expansion, onExpand, onMore, onHide, onPin, onRemove, onAdd, onGoTo, onOpenEvidence, onOpenArticle, onPathFrom, onPathTo, onClose }: Props & { data: NodeDetails }) {
  const node = data.node;
  const kind = primaryKind(node.labels);
  const style = kindStyle(kind);
  const [type, setType] = useState('');
  const types = useMemo(() => [...new Set(data.degree.map((d) => d.type))].sort(), [data.degree]);
  const degreeTotal = data.degree.reduce((s, d) => s + d.count, 0);
  const grouped = useMemo(() => {
    const m = new Map<string, NodeFact[]>();
    for (const f of data.facts) {
      const key = `${f.direction === 'out' ? '→' : '←'} ${f.edge.type}`;
      m.set(key, [...(m.get(key) ?? []), f]);
    }
    return [...m.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  }, [data.facts]);
  const description = typeof node.properties.description === 'string' ? node.properties.description : null;
  const properties = Object.entries(node.properties).filter(([k]) => !SKIP_PROPERTIES.has(k));
  const expandedHere = expansion && expansion.nodeId === node.id ? expansion : null;

  return (
    <section className="panel-body" data-testid="details-panel" data-node-id={node.id} aria-labelledby="details-title">
      <header className="details-header">
        <span className="kind-badge" style={{ background: style.colour }}>
          {style.label}
          {typeof node.properties.kind === 'string' && node.properties.kind !== kind.toLowerCase() ? ` · ${node.properties.kind}` : ''}
        </span>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Stäng panelen" title="Stäng (Esc)">
          ×
        </button>
      </header>
      <h2 id="details-title" data-testid="details-name">
        {displayName(node)}
      </h2>
      {data.names.length > 1 && (
        <p className="aliases" data-testid="details-aliases">
          Även: {data.names.filter((n) => n !== displayName(node)).join(' · ')}
        </p>
      )}
      {data.nameHistory.length > 0 && (
        <div className="section">
          <h3>Namnhistorik</h3>
          <ol className="name-history" data-testid="name-history">
            {data.nameHistory.map((n) => (
              <li key={`${n.value}-${n.validFrom}`}>
                <strong>{n.short ?? n.value}</strong> {n.short && <span>{n.value}</span>} <span className="muted">{formatPeriod(n.validFrom, n.validTo)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      {description && <p className="description">{description}</p>}

      <div className="button-row" role="group" aria-label="Åtgärder för noden">
        {inView ? (
          <button type="button" onClick={() => onExpand(type ? [type] : [])} data-testid="expand-button" disabled={expandedHere?.loading}>
            Expandera
          </button>
        ) : (
          <button type="button" onClick={onAdd} data-testid="add-button">
            Lägg till i vyn
          </button>
        )}
        <label className="visually-hidden" htmlFor="expand-type">
          Relationstyp att expandera
        </label>
        <select id="expand-type" value={type} onChange={(e) => setType(e.target.value)} data-testid="expand-type">
          <option value="">alla relationer ({degreeTotal})</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t} ({data.degree.filter((d) => d.type === t).reduce((s, d) => s + d.count, 0)})
            </option>
          ))}
        </select>
      </div>
      {expandedHere && (
        <p className="expansion-status" data-testid="expansion-status" role="status">
          {expandedHere.loading ? 'Hämtar grannar …' : `Visar ${expandedHere.loaded} av ${expandedHere.total} grannar.`}
          {!expandedHere.loading && expandedHere.leftOut > 0 && ` ${expandedHere.leftOut.toLocaleString('sv-SE')} samband till samma grannar ritas inte (högst 10 per granne) – detaljerna listar alla.`}
          {expandedHere.hasMore && !expandedHere.loading && (
            <button type="button" className="link-button" onClick={onMore} data-testid="expand-more">
              {expandedHere.total - expandedHere.loaded} till – ladda fler
            </button>
          )}
        </p>
      )}
      <div className="button-row secondary" role="group" aria-label="Vyn">
        <button type="button" onClick={onPin} disabled={!inView} aria-pressed={pinned} data-testid="pin-button">
          {pinned ? 'Lossa' : 'Lås position'}
        </button>
        <button type="button" onClick={onHide} disabled={!inView} data-testid="hide-button">
          Dölj
        </button>
        <button type="button" onClick={onRemove} disabled={!inView} data-testid="remove-button">
          Ta bort
        </button>
        <button type="button" onClick={onPathFrom} data-testid="path-from-button" title="Använd som start för kortaste väg">
          Väg från
        </button>
        <button type="button" onClick={onPathTo} data-testid="path-to-button" title="Använd som mål för kortaste väg">
          Väg till
        </button>
      </div>

      {data.roles.length > 0 && (
        <div className="section">
          <h3>Roller över tid</h3>
          <Shown shown={data.roles.length} total={data.totals.roles} noun="roller" />
          <ul className="roles" data-testid="roles">
            {data.roles.map((r) => (
              <li key={r.roleId}>
                <div>
                  <button type="button" className="link-button" onClick={() => onGoTo(r.roleId)}>
                    {r.title}
                  </button>
                  {r.organisation && (
                    <>
                      {' vid '}
                      <button type="button" className="link-button" onClick={() => onGoTo(r.organisation!.id)}>
                        {r.organisation.name}
                      </button>
                    </>
                  )}
                  {r.person && r.person.id !== node.id && (
                    <>
                      {' – '}
                      <button type="button" className="link-button" onClick={() => onGoTo(r.person!.id)}>
                        {r.person.name}
                      </button>
                    </>
                  )}
                  <span className="muted"> {formatPeriod(r.validFrom, r.validTo)}</span>
                </div>
                <EvidenceList evidence={r.evidence} onOpen={onOpenEvidence} />
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="section">
        <h3>Fakta ({data.totals.facts.toLocaleString('sv-SE')})</h3>
        {data.facts.length === 0 && <p className="muted">Inga fakta om noden.</p>}
        <Shown shown={data.facts.length} total={data.totals.facts} noun="fakta" hint="Expandera noden för att bläddra bland alla grannar." />
        {grouped.map(([group, facts]) => (
          <div key={group} className="fact-group" data-testid="fact-group">
            <h4>
              {group} <span className="muted">{relationLabel(facts[0]!.edge.type)}</span>
            </h4>
            <ul className="facts">
              {facts.map((f) => (
                <li key={`${f.edge.id}-${f.direction}`} data-testid="fact" data-fact-id={f.edge.id}>
                  <button type="button" className="link-button fact-other" onClick={() => onGoTo(f.other.id)}>
                    {displayName(f.other)}
                  </button>
                  <span className="muted small"> {kindStyle(primaryKind(f.other.labels)).label}</span>
                  {Boolean(f.edge.properties.validFrom || f.edge.properties.validTo) && (
                    <span className="muted small"> · {formatPeriod(f.edge.properties.validFrom as string, f.edge.properties.validTo as string)}</span>
                  )}
                  <EvidenceList evidence={f.evidence} onOpen={onOpenEvidence} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>

      <PropertyList entries={properties} />

      {data.mentionedIn.length > 0 && (
        <div className="section">
          <h3>Nämns i</h3>
          <Shown shown={data.mentionedIn.length} total={data.totals.mentionedIn} noun="artiklar" hint="De äldsta visas först." />
          <ul className="mentioned-in">
            {data.mentionedIn.map((m) => (
              <li key={m.articleId}>
                <button type="button" className="link-button" onClick={() => onOpenArticle(m.articleId)}>
                  {m.title}
                </button>
                <span className="muted small">
                  {' '}
                  {m.outlet ? `${m.outlet} · ` : ''}
                  {formatDate(m.published)} · {plural(m.count, 'gång', 'gånger')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Says that a list stops short of all there is (a hub has thousands of facts), and what to do about it. */
function Shown({ shown, total, noun, hint }: { shown: number; total: number; noun: string; hint?: string }) {
  if (shown >= total) return null;
  return (
    <p className="muted small" data-testid="list-capped">
      Visar {shown.toLocaleString('sv-SE')} av {total.toLocaleString('sv-SE')} {noun}.{hint ? ` ${hint}` : ''}
    </p>
  );
}
