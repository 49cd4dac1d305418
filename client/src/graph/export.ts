/** The current view as files: JSON in the API's graph shape, CSV of nodes and of edges (RFC 4180 quoting). */
import type { Graph } from '../api/types';
import { displayName, evidenceCount, type ViewGraph } from './elements';
import { primaryKind } from './kinds';

export function viewToGraph(view: ViewGraph, keep?: (id: string) => boolean): Graph {
  const nodes = Object.values(view.nodes).filter((n) => !keep || keep(n.id));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = Object.values(view.edges).filter((e) => ids.has(e.source) && ids.has(e.target) && (!keep || keep(e.id)));
  return { nodes, edges };
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function nodesCsv(g: Graph): string {
  return csv(
    ['id', 'name', 'kind', 'subKind', 'labels', 'aliases', 'validFrom', 'validTo'],
    g.nodes.map((n) => [n.id, displayName(n), primaryKind(n.labels), n.properties.kind ?? '', n.labels, n.properties.aliases ?? '', n.properties.validFrom ?? '', n.properties.validTo ?? '']),
  );
}

export function edgesCsv(g: Graph): string {
  return csv(
    ['id', 'source', 'type', 'target', 'evidenceCount', 'evidenceArticles', 'validFrom', 'validTo', 'firstSeen'],
    g.edges.map((e) => [e.id, e.source, e.type, e.target, evidenceCount(e), e.properties.evidenceArticles ?? '', e.properties.validFrom ?? '', e.properties.validTo ?? '', e.properties.firstSeen ?? '']),
  );
}

/** Offers a text or data URL as a download. */
export function download(filename: string, content: string, type = 'text/plain'): void {
  const url = content.startsWith('data:') ? content : URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (!content.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(url), 1000);
}
