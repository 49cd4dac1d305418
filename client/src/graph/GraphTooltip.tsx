import type { EdgeSingular, NodeSingular } from 'cytoscape';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n';
import { kindLabel, relationLabel } from './kinds';

/** What the tooltip shows and where: a node or an edge, at a point in the page (client coordinates). */
export interface TooltipTarget {
  kind: 'node' | 'edge';
  id: string;
  x: number;
  y: number;
}

export const TOOLTIP_ID = 'graph-tooltip';

/** The lines of a node's tooltip: full name, kind and short form, dates, links in view, time marks. */
function NodeTip({ node }: { node: NodeSingular }) {
  const { t } = useTranslation('graph');
  const d = node.data() as Record<string, string | number>;
  const kind = kindLabel(String(d.kind));
  const from = String(d.validFrom ?? '');
  const to = String(d.validTo ?? '');
  const links = node.connectedEdges(':visible').length;
  return (
    <>
      <strong className="graph-tooltip-title">{String(d.name)}</strong>
      <span>
        {kind}
        {d.short ? ` · ${t('tooltip.short', { short: d.short })}` : ''}
      </span>
      {from && to && <span>{t('tooltip.validBetween', { from: formatDate(from), to: formatDate(to) })}</span>}
      {from && !to && <span>{t('tooltip.validFrom', { date: formatDate(from) })}</span>}
      {!from && to && <span>{t('tooltip.validTo', { date: formatDate(to) })}</span>}
      {d.published && <span>{t('tooltip.published', { date: formatDate(String(d.published)) })}</span>}
      <span>{t('tooltip.links', { count: links })}</span>
      {node.hasClass('undated') && <span>{t('tooltip.undated')}</span>}
      {node.hasClass('diff-appeared') && <span>{t('tooltip.appeared')}</span>}
      {node.hasClass('diff-disappeared') && <span>{t('tooltip.disappeared')}</span>}
      {d.renamedFrom && <span>{t('tooltip.renamed', { from: d.renamedFrom, to: d.renamedTo })}</span>}
    </>
  );
}

/** The lines of an edge's tooltip: "who relation whom" in words, evidence count, first seen. */
function EdgeTip({ edge }: { edge: EdgeSingular }) {
  const { t } = useTranslation('graph');
  const d = edge.data() as Record<string, string | number>;
  const count = Number(d.evidenceCount) || 0;
  const name = (n: NodeSingular) => String(n.data('short') || n.data('name'));
  return (
    <>
      <span>
        <strong>{name(edge.source())}</strong> {relationLabel(String(d.type))} <strong>{name(edge.target())}</strong>
      </span>
      <span>{count > 0 ? t('tooltip.evidence', { count }) : t('tooltip.noEvidence')}</span>
      {d.firstSeen && <span>{t('tooltip.firstSeen', { date: formatDate(String(d.firstSeen)) })}</span>}
      {edge.hasClass('diff-appeared') && <span>{t('tooltip.appeared')}</span>}
      {edge.hasClass('diff-disappeared') && <span>{t('tooltip.disappeared')}</span>}
    </>
  );
}

/**
 * A small tooltip over the canvas, in the page's body (position: fixed), so no container clips it. Colours
 * come from the theme's --graph-tooltip-* properties; it never takes the pointer.
 */
export function GraphTooltip({ target, element, fallback }: { target: TooltipTarget | null; element: NodeSingular | EdgeSingular | null; fallback: { bg: string; fg: string } }) {
  if (!target || !element || element.removed() || typeof document === 'undefined') return null;
  // Keep it inside the window: left of the pointer near the right edge, above it near the bottom.
  const right = target.x > window.innerWidth - 340;
  const below = target.y < window.innerHeight - 160;
  const style: React.CSSProperties = {
    position: 'fixed',
    left: right ? undefined : target.x + 14,
    right: right ? window.innerWidth - target.x + 14 : undefined,
    top: below ? target.y + 14 : undefined,
    bottom: below ? undefined : window.innerHeight - target.y + 14,
    zIndex: 1000,
    maxWidth: 320,
    padding: '6px 9px',
    borderRadius: 6,
    background: `var(--graph-tooltip-bg, ${fallback.bg})`,
    color: `var(--graph-tooltip-fg, ${fallback.fg})`,
    font: '12px/1.4 system-ui, "Segoe UI", Roboto, sans-serif',
    boxShadow: '0 4px 14px rgba(0, 0, 0, 0.25)',
    pointerEvents: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: 1,
    overflowWrap: 'anywhere',
  };
  return createPortal(
    <div id={TOOLTIP_ID} role="tooltip" className="graph-tooltip" data-testid="graph-tooltip" style={style}>
      {target.kind === 'node' ? <NodeTip node={element as NodeSingular} /> : <EdgeTip edge={element as EdgeSingular} />}
    </div>,
    document.body,
  );
}
