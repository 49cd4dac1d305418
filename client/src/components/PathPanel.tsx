import { useTranslation } from 'react-i18next';
import type { ApiError, Evidence, PathsResponse } from '../api/types';
import { displayName } from '../graph/elements';
import { relationLabel } from '../graph/kinds';
import { errorMessage } from '../i18n/errors';
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
  const { t } = useTranslation('components');
  return (
    <div className="path-panel" data-testid="path-panel">
      <div className="field">
        <span className="field-label" aria-hidden="true">
          {t('path.from')}
        </span>
        <SearchBox label={t('path.fromLabel')} placeholder={t('path.fromPlaceholder')} testId="path-from" requestKey="path-from" keepChoice initialValue={from?.name ?? ''} onChoose={(h) => onFrom({ id: h.id, name: h.name })} />
      </div>
      <div className="field">
        <span className="field-label" aria-hidden="true">
          {t('path.to')}
        </span>
        <SearchBox label={t('path.toLabel')} placeholder={t('path.toPlaceholder')} testId="path-to" requestKey="path-to" keepChoice initialValue={to?.name ?? ''} onChoose={(h) => onTo({ id: h.id, name: h.name })} />
      </div>
      <label className="check">
        <input type="checkbox" checked={avoidArticles} onChange={(e) => onAvoidArticles(e.target.checked)} data-testid="path-avoid-articles" />
        {t('path.avoidArticles')}
      </label>
      <div className="button-row">
        <button type="button" className="primary" disabled={!from || !to || result.state === 'running'} onClick={onFind} data-testid="path-find">
          {t('path.find')}
        </button>
        {result.state !== 'idle' && (
          <button type="button" onClick={onClear} data-testid="path-clear">
            {t('path.clear')}
          </button>
        )}
      </div>
      {result.state === 'running' && (
        <p className="muted" role="status" aria-busy="true" data-testid="path-running">
          <span className="spinner" aria-hidden="true" /> {t('path.running')}
        </p>
      )}
      {result.state === 'error' && (
        <div className="error-box" role="alert" data-testid="path-error">
          <p>{t('path.failed')}</p>
          <p className="small">{errorMessage(result.error)}</p>
        </div>
      )}
      {result.state === 'ready' && result.data.paths.length === 0 && (
        <p className="muted" role="status" data-testid="path-none">
          {avoidArticles ? t('path.noneAvoiding') : t('path.none')}
        </p>
      )}
      {result.state === 'ready' && result.data.paths.length > 0 && <PathList data={result.data} onGoTo={onGoTo} onOpenEvidence={onOpenEvidence} />}
    </div>
  );
}

function PathList({ data, onGoTo, onOpenEvidence }: { data: PathsResponse; onGoTo(id: string): void; onOpenEvidence(e: Evidence): void }) {
  const { t } = useTranslation('components');
  const nodes = new Map(data.graph.nodes.map((n) => [n.id, n]));
  const edges = new Map(data.graph.edges.map((e) => [e.id, e]));
  return (
    <>
      <p className="visually-hidden" role="status">
        {t('path.found', { count: data.paths.length })}
      </p>
      <ol className="paths" data-testid="path-result">
        {data.paths.map((p, i) => (
          <li key={i} className="path" aria-label={t('path.pathN', { n: i + 1 })}>
            <p className="path-length">{t('path.steps', { count: p.length })}</p>
            <ol className="path-steps">
              {p.nodeIds.map((id, j) => {
                const node = nodes.get(id);
                const edgeId = p.edgeIds[j];
                const edge = edgeId ? edges.get(edgeId) : undefined;
                const forward = edge?.source === id;
                return (
                  <li key={`${id}-${j}`} className="path-step">
                    <button type="button" className="link-button path-node" onClick={() => onGoTo(id)} data-testid="path-node" data-node-id={id}>
                      {node ? displayName(node) : id}
                    </button>
                    {edge && (
                      <div className="path-edge">
                        <span className="relation-words" title={edge.type} data-type={edge.type}>
                          <span aria-hidden="true">{forward ? '↓' : '↑'}</span>
                          <span className="visually-hidden">{forward ? t('path.forward') : t('path.backward')}: </span> {relationLabel(edge.type)}
                        </span>
                        <EvidenceList evidence={data.evidence[edge.id] ?? []} onOpen={onOpenEvidence} />
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </>
  );
}
