import { useTranslation } from 'react-i18next';
import type { Evidence, GraphEdge, GraphNode } from '../api/types';
import { displayName } from '../graph/elements';
import { relationLabel } from '../graph/kinds';
import { formatNumber } from '../i18n';
import { EvidenceList } from './EvidenceList';
import { formatPeriod } from './format';
import { PropertyList } from './PropertyList';

interface Props {
  edge: GraphEdge;
  source: GraphNode | undefined;
  target: GraphNode | undefined;
  evidence: Evidence[];
  onGoTo(id: string): void;
  onOpenEvidence(e: Evidence): void;
  onClose(): void;
}

const SKIP = new Set(['id', 'evidenceArticles', 'evidenceQuotes', 'evidenceStarts', 'evidenceEnds', 'evidenceCount', 'validFrom', 'validTo']);

/** One fact: who, what, whom, when, and the quotes that support it. */
export function EdgePanel({ edge, source, target, evidence, onGoTo, onOpenEvidence, onClose }: Props) {
  const { t } = useTranslation('components');
  const p = edge.properties;
  const period = formatPeriod(p.validFrom as string | undefined, p.validTo as string | undefined);
  const rest = Object.entries(p).filter(([k]) => !SKIP.has(k));
  return (
    <section className="panel-body details-body" data-testid="edge-panel" data-edge-id={edge.id} aria-labelledby="edge-title">
      <header className="details-header">
        <span className="kind-badge relation">{t('edge.badge')}</span>
        <span className="spacer" />
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.closePanel')} title={t('common.closeHint')}>
          ×
        </button>
      </header>
      <h2 className="edge-title" id="edge-title">
        <button type="button" className="link-button" onClick={() => onGoTo(edge.source)}>
          {source ? displayName(source) : edge.source}
        </button>{' '}
        <span className="relation-words" title={t('edge.typeHint', { type: edge.type })} data-testid="edge-relation" data-type={edge.type}>
          {relationLabel(edge.type)}
        </span>{' '}
        <button type="button" className="link-button" onClick={() => onGoTo(edge.target)}>
          {target ? displayName(target) : edge.target}
        </button>
      </h2>
      {period && <p className="muted">{t('edge.valid', { period })}</p>}
      <div className="section">
        <h3>{t('edge.evidence', { count: evidence.length, formatted: formatNumber(evidence.length) })}</h3>
        <EvidenceList evidence={evidence} onOpen={onOpenEvidence} />
      </div>
      <PropertyList entries={rest} />
    </section>
  );
}
