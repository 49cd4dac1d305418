import type { ApiError, Evidence, PathsResponse } from '../api/types';
import { displayName } from '../graph/elements';
import { relationLabel } from '../graph/kinds';
import { EvidenceList } from './EvidenceList';
import { SearchBox } from './SearchBox';

export interface PathEnd {
  id: string;
  name: string;
}

export type PathResult = { state: 'idle' } | { state: 'running' } | { state: 'error'; error: ApiError } | { state: 'ready'; data: PathsResponse };

interface Props {
  from: PathEnd | null;
  to: PathEnd | null;
  avoidArticles: boolean;
  result: PathResult;
  onFrom(end: PathEnd | null): void;
  onTo(end: PathEnd | null): void;
  onAvoidArticles(v: boolean): void;
  onFind(): void;
  onClear(): void;
  onGoTo(id: string): void;
  onOpenEvidence(e: Evidence): void;
}

/** Shortest paths between two nodes, drawn in the graph and listed here with the evidence of every step. */
export function PathPanel({ from, to, avoidArticles, result, onFrom, onTo, onAvoidArticles, onFind, onClear, onGoTo, onOpenEvidence }: Props) {
  return (
    <div className="path-panel" data-testid="path-panel">
      <div className="field">
        <span className="field-label">Från</span>
        <SearchBox label="Startnod för vägen" placeholder="Sök startnod …" testId="path-from" requestKey="path-from" keepChoice initialValue={from?.name ?? ''} onChoose={(h) => onFrom({ id: h.id, name: h.name })} />
      </div>
      <div className="field">
        <span className="field-label">Till</span>
        <SearchBox label="Målnod för vägen" placeholder="Sök målnod …" testId="path-to" requestKey="path-to" keepChoice initialValue={to?.name ?? ''} onChoose={(h) => onTo({ id: h.id, name: h.name })} />
      </div>
      <label className="check">
        <input type="checkbox" checked={avoidArticles} onChange={(e) => onAvoidArticles(e.target.checked)} data-testid="path-avoid-articles" />
        Undvik vägar via artiklar
      </label>
      <div className="button-row">
        <button type="button" className="primary" disabled={!from || !to || result.state === 'running'} onClick={onFind} data-testid="path-find">
          Hitta kortaste väg
        </button>
        {result.state !== 'idle' && (
          <button type="button" onClick={onClear}>
            Rensa
          </button>
        )}
      </div>
      {result.state === 'running' && <p className="muted" role="status">Söker väg …</p>}
      {result.state === 'error' && (
        <p className="error-text" role="alert">
          {result.error.message}
        </p>
      )}
      {result.state === 'ready' && result.data.paths.length === 0 && (
        <p className="muted" role="status" data-testid="path-none">
          Ingen väg hittades{avoidArticles ? ' utan att gå via artiklar' : ''}.
        </p>
      )}
      {result.state === 'ready' && result.data.paths.length > 0 && (
        <ol className="paths" data-testid="path-result">
          {result.data.paths.map((p, i) => {
            const nodes = new Map(result.data.graph.nodes.map((n) => [n.id, n]));
            const edges = new Map(result.data.graph.edges.map((e) => [e.id, e]));
            return (
              <li key={i} className="path">
                <p className="path-length">{p.length} steg</p>
                <ol className="path-steps">
                  {p.nodeIds.map((id, j) => {
                    const node = nodes.get(id);
                    const edgeId = p.edgeIds[j];
                    const edge = edgeId ? edges.get(edgeId) : undefined;
                    return (
                      <li key={`${id}-${j}`} className="path-step">
                        <button type="button" className="link-button path-node" onClick={() => onGoTo(id)} data-testid="path-node" data-node-id={id}>
                          {node ? displayName(node) : id}
                        </button>
                        {edge && (
                          <div className="path-edge">
                            <span className="relation-type">
                              {edge.source === id ? '↓' : '↑'} {edge.type} <span className="muted">({relationLabel(edge.type)})</span>
                            </span>
                            <EvidenceList evidence={result.data.evidence[edge.id] ?? []} onOpen={onOpenEvidence} />
                          </div>
                        )}
                      </li>
                    );
                  })}
                </ol>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
