/**
 * The current view as files, loaded on demand (`await import('./graph/export')`) so none of it weighs on the
 * first page load:
 * - CSV of nodes and of edges with a UTF-8 byte-order mark, so Excel reads å, ä and ö right. The delimiter
 *   follows the UI language: `;` in Swedish (what a Swedish Excel expects, as its decimal mark is the comma),
 *   `,` in English. Quoting as RFC 4180.
 * - The edge CSV has ONE ROW PER PIECE OF EVIDENCE: each quote with its article id and character offsets
 *   (start–end), the edge's columns repeated on each row and `evidenceIndex` counting 1…n; an edge without
 *   evidence gets one row with those columns empty. A spreadsheet can then filter or pivot quotes directly.
 * - JSON in the API's graph shape.
 * - PNG at 2× and SVG for reports, both with the legend and a caption ("Per 2019-06-01 · Digital förvaltning")
 *   drawn below the graph.
 */
import type { Core } from 'cytoscape';
import type { Graph, GraphEdge } from '../api/types';
import { currentLanguage, i18n, type Language } from '../i18n';
import { displayName, evidenceCount, type ViewGraph } from './elements';
import { primaryKind, relationLabel } from './kinds';

/** One legend row: the kind's word, its colour and its Cytoscape node shape. */
export interface LegendEntry {
  label: string;
  colour: string;
  shape: string;
}

/** What the picture exports need besides the Cytoscape instance. */
export interface PictureOptions {
  /** Legend rows drawn under the graph, in this order. */
  legend: readonly LegendEntry[];
  /** The "as of" date of the view (yyyy-mm-dd), or null for today's view. */
  asOf: string | null;
  /** The name of the work, after the date in the caption, e.g. "Digital förvaltning". */
  title: string;
  /** Background colour (the canvas's `--graph-bg`); text colour is chosen to contrast with it. */
  background?: string;
  lng?: Language;
}

export type ExportFormat = 'png' | 'svg' | 'json' | 'csv-nodes' | 'csv-edges';

/** Everything `exportView` needs: the toolbar passes what it has. */
export interface ExportViewOptions extends PictureOptions {
  cy: Core | null;
  view: ViewGraph;
  /** Whether an element is shown (filters); only visible elements are exported. */
  isVisible?(id: string): boolean;
}

const BOM = '\uFEFF';

/** The visible part of the view in the API's graph shape; edges only between kept nodes. */
export function viewToGraph(view: ViewGraph, keep?: (id: string) => boolean): Graph {
  const nodes = Object.values(view.nodes).filter((n) => !keep || keep(n.id));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = Object.values(view.edges).filter((e) => ids.has(e.source) && ids.has(e.target) && (!keep || keep(e.id)));
  return { nodes, edges };
}

/** `;` for Swedish spreadsheets, `,` for English ones. */
export function csvDelimiter(lng: Language = currentLanguage()): ';' | ',' {
  return lng === 'sv' ? ';' : ',';
}

/** One cell: lists joined with " | ", quoted when it holds the delimiter, a quote, a line break or edge spaces. */
export function csvCell(v: unknown, delimiter: string): string {
  let s = v === null || v === undefined ? '' : Array.isArray(v) ? v.map(String).join(' | ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A text starting with = + @ (or - before a letter) would run as a formula in a spreadsheet; an apostrophe keeps it text.
  if (typeof v === 'string' && /^(?:[=+@\t\r]|-[^\d.])/.test(s)) s = `'${s}`;
  const needsQuotes = s.includes(delimiter) || /["\r\n]/.test(s) || s !== s.trim();
  return needsQuotes ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document: byte-order mark, header row, rows, CRLF line ends. */
export function csv(header: readonly string[], rows: readonly (readonly unknown[])[], lng: Language = currentLanguage()): string {
  const d = csvDelimiter(lng);
  return BOM + [header, ...rows].map((r) => r.map((c) => csvCell(c, d)).join(d)).join('\r\n') + '\r\n';
}

/** Nodes: one row each. */
export function nodesCsv(g: Graph, lng: Language = currentLanguage()): string {
  return csv(
    ['id', 'name', 'kind', 'subKind', 'labels', 'aliases', 'validFrom', 'validTo'],
    g.nodes.map((n) => [n.id, displayName(n), primaryKind(n.labels), n.properties.kind ?? '', n.labels, n.properties.aliases ?? '', n.properties.validFrom ?? '', n.properties.validTo ?? '']),
    lng,
  );
}

const list = (e: GraphEdge, key: string): unknown[] => (Array.isArray(e.properties[key]) ? (e.properties[key] as unknown[]) : []);

/** Edges: one row per piece of evidence (quote, article id, start and end offsets); an edge without any gets one row. */
export function edgesCsv(g: Graph, lng: Language = currentLanguage()): string {
  const names = new Map(g.nodes.map((n) => [n.id, displayName(n)]));
  const rows: unknown[][] = [];
  for (const e of g.edges) {
    const common = [
      e.id,
      e.source,
      names.get(e.source) ?? '',
      e.type,
      relationLabel(e.type),
      e.target,
      names.get(e.target) ?? '',
      e.properties.validFrom ?? '',
      e.properties.validTo ?? '',
      e.properties.firstSeen ?? '',
      evidenceCount(e),
    ];
    const articles = list(e, 'evidenceArticles');
    const quotes = list(e, 'evidenceQuotes');
    const starts = list(e, 'evidenceStarts');
    const ends = list(e, 'evidenceEnds');
    if (articles.length === 0) rows.push([...common, '', '', '', '', '']);
    articles.forEach((article, i) => rows.push([...common, i + 1, article, starts[i] ?? '', ends[i] ?? '', quotes[i] ?? '']));
  }
  return csv(
    ['edgeId', 'source', 'sourceName', 'type', 'relation', 'target', 'targetName', 'validFrom', 'validTo', 'firstSeen', 'evidenceCount', 'evidenceIndex', 'articleId', 'start', 'end', 'quote'],
    rows,
    lng,
  );
}

/** JSON in the API's graph shape. */
export function graphJson(g: Graph): string {
  return `${JSON.stringify(g, null, 2)}\n`;
}

/** "Per 2019-06-01 · Digital förvaltning" (or "Läget 2026-12-01 · …" for today's view). */
export function caption(asOf: string | null, title: string, lng: Language = currentLanguage(), today: string = new Date().toISOString().slice(0, 10)): string {
  const t = i18n.getFixedT(lng, 'query');
  const when = asOf ? t('export.asOf', { date: asOf }) : t('export.now', { date: today });
  return title ? `${when} · ${title}` : when;
}

/** Where each legend row goes in a band under the graph, wrapping to the width; sizes in CSS pixels × scale. */
export interface LegendLayout {
  height: number;
  items: { entry: LegendEntry; x: number; y: number }[];
  captionY: number;
}

const PAD = 16;
const ROW = 22;
const SWATCH = 14;

/** Lays legend rows out left to right, wrapping at `width`; `measure` gives a label's width in CSS pixels. */
export function legendLayout(entries: readonly LegendEntry[], width: number, measure: (text: string) => number): LegendLayout {
  const items: LegendLayout['items'] = [];
  let x = PAD;
  let y = PAD;
  for (const entry of entries) {
    const w = SWATCH + 6 + measure(entry.label) + 18;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += ROW;
    }
    items.push({ entry, x, y });
    x += w;
  }
  const captionY = (entries.length ? y + ROW : PAD) + 8;
  return { height: captionY + ROW, items, captionY };
}

/** A closed outline for a Cytoscape node shape in a box centred on (0,0) with half-size 1, as points. */
function shapePoints(shape: string): [number, number][] | null {
  const regular = (n: number, rot: number) => Array.from({ length: n }, (_, i) => [Math.cos(rot + (2 * Math.PI * i) / n), Math.sin(rot + (2 * Math.PI * i) / n)] as [number, number]);
  switch (shape.replace(/^round-/, '')) {
    case 'rectangle':
    case 'barrel':
      return null;
    case 'diamond':
      return [[0, -1], [1, 0], [0, 1], [-1, 0]];
    case 'triangle':
      return [[0, -1], [1, 1], [-1, 1]];
    case 'hexagon':
      return regular(6, 0);
    case 'octagon':
      return regular(8, Math.PI / 8);
    case 'star':
      return Array.from({ length: 10 }, (_, i) => {
        const r = i % 2 === 0 ? 1 : 0.45;
        const a = -Math.PI / 2 + (Math.PI * i) / 5;
        return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
      });
    case 'rhomboid':
      return [[-1, -1], [0.6, -1], [1, 1], [-0.6, 1]];
    case 'tag':
      return [[-1, -1], [0.4, -1], [1, 0], [0.4, 1], [-1, 1]];
    default:
      return null;
  }
}

/** The outline of a legend swatch as SVG path data, centred at (cx, cy) with half-size r. */
export function shapePath(shape: string, cx: number, cy: number, r: number): string {
  const points = shapePoints(shape);
  const f = (n: number) => Number(n.toFixed(2));
  if (points) return `M ${points.map(([x, y]) => `${f(cx + x * r)} ${f(cy + y * r)}`).join(' L ')} Z`;
  if (shape === 'ellipse') return `M ${f(cx - r)} ${f(cy)} A ${f(r)} ${f(r)} 0 1 0 ${f(cx + r)} ${f(cy)} A ${f(r)} ${f(r)} 0 1 0 ${f(cx - r)} ${f(cy)} Z`;
  const k = shape === 'rectangle' ? 0 : r * 0.4;
  return `M ${f(cx - r + k)} ${f(cy - r)} H ${f(cx + r - k)} Q ${f(cx + r)} ${f(cy - r)} ${f(cx + r)} ${f(cy - r + k)} V ${f(cy + r - k)} Q ${f(cx + r)} ${f(cy + r)} ${f(cx + r - k)} ${f(cy + r)} H ${f(cx - r + k)} Q ${f(cx - r)} ${f(cy + r)} ${f(cx - r)} ${f(cy + r - k)} V ${f(cy - r + k)} Q ${f(cx - r)} ${f(cy - r)} ${f(cx - r + k)} ${f(cy - r)} Z`;
}

/** Dark text on a light background, light on a dark one. */
export function textColourFor(background: string | undefined): string {
  const m = /^#?([0-9a-f]{6})$/i.exec((background ?? '#ffffff').trim()) ?? /^#?([0-9a-f]{3})$/i.exec((background ?? '').trim());
  let hex = m?.[1] ?? 'ffffff';
  if (hex.length === 3) hex = hex.replace(/./g, (c) => c + c);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 0.5 ? '#1b2130' : '#f1f4f9';
}

const FONT = "'Inter', system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Adds the legend band and caption under an SVG drawn by cytoscape-svg (`<svg … width="W" height="H">`):
 * the height grows by the band, which is drawn in the same units. A rough text measure is enough here.
 */
export function svgWithLegend(svg: string, opts: PictureOptions, today?: string): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) return svg;
  const width = Number(/\bwidth="([\d.]+)"/.exec(open[0])?.[1] ?? 0);
  const height = Number(/\bheight="([\d.]+)"/.exec(open[0])?.[1] ?? 0);
  const scale = Math.max(1, width / 1200);
  const layout = legendLayout(opts.legend, width / scale, (t) => t.length * 7);
  const fg = textColourFor(opts.background);
  const band = layout.height * scale;
  const items = layout.items
    .map(
      ({ entry, x, y }) =>
        `<path d="${shapePath(entry.shape, x + SWATCH / 2, y + SWATCH / 2, SWATCH / 2)}" fill="${escapeXml(entry.colour)}" stroke="${fg}" stroke-width="0.75"/>` +
        `<text x="${x + SWATCH + 6}" y="${y + SWATCH - 2}" font-size="12.5">${escapeXml(entry.label)}</text>`,
    )
    .join('');
  const text = `<text x="${PAD}" y="${layout.captionY + 12}" font-size="13" font-weight="600">${escapeXml(caption(opts.asOf, opts.title, opts.lng, today))}</text>`;
  const group =
    `<g transform="translate(0 ${height}) scale(${scale})" font-family="${escapeXml(FONT)}" fill="${fg}">` +
    `<rect x="0" y="0" width="${width / scale}" height="${layout.height}" fill="${escapeXml(opts.background ?? '#ffffff')}"/>${items}${text}</g>`;
  const newOpen = open[0].replace(/\bheight="[\d.]+"/, `height="${height + band}"`).replace(/<svg\b/, `<svg viewBox="0 0 ${width} ${height + band}"`);
  return svg.replace(open[0], newOpen).replace(/<\/svg>\s*$/, `${group}</svg>`);
}

/**
 * Runs `draw` with every node label shown: on screen the canvas hides labels that would collide at the current
 * zoom (class `label-hidden`), but an export is drawn at full size, where a report wants every name.
 */
function withAllLabels<T>(cy: Core, draw: () => T): T {
  const nodes = cy.nodes();
  const hidden = cy.nodes('.label-hidden');
  // Without transitions, so the labels are drawn at once rather than fading in after the picture is taken.
  nodes.style('transition-duration', 0);
  hidden.removeClass('label-hidden');
  try {
    return draw();
  } finally {
    hidden.addClass('label-hidden');
    nodes.removeStyle('transition-duration');
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the graph image could not be read'));
    img.src = src;
  });
}

/** The whole graph at 2× (capped at 8 000 px a side) with the legend and caption under it, as a PNG blob. */
export async function graphPng(cy: Core, opts: PictureOptions): Promise<Blob> {
  const bg = opts.background ?? '#ffffff';
  const scale = 2;
  const graphUri = withAllLabels(cy, () => cy.png({ output: 'base64uri', scale, full: true, bg, maxWidth: 8000, maxHeight: 8000 }) as string);
  const img = await loadImage(graphUri);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  const margin = PAD * scale;
  const cssWidth = Math.max(img.width / scale + 2 * PAD, 480);
  const font = (size: number, weight = 400) => `${weight} ${size}px ${FONT}`;
  ctx.font = font(12.5);
  const layout = legendLayout(opts.legend, cssWidth, (t) => ctx.measureText(t).width);
  canvas.width = Math.ceil(cssWidth * scale);
  canvas.height = Math.ceil(img.height + 2 * margin + layout.height * scale);
  const fg = textColourFor(bg);
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, Math.round((canvas.width - img.width) / 2), margin);
  ctx.save();
  ctx.translate(0, img.height + 2 * margin);
  ctx.scale(scale, scale);
  ctx.textBaseline = 'alphabetic';
  for (const { entry, x, y } of layout.items) {
    const path = new Path2D(shapePath(entry.shape, x + SWATCH / 2, y + SWATCH / 2, SWATCH / 2));
    ctx.fillStyle = entry.colour;
    ctx.fill(path);
    ctx.strokeStyle = fg;
    ctx.lineWidth = 0.75;
    ctx.stroke(path);
    ctx.fillStyle = fg;
    ctx.font = font(12.5);
    ctx.fillText(entry.label, x + SWATCH + 6, y + SWATCH - 2);
  }
  ctx.font = font(13, 600);
  ctx.fillStyle = fg;
  ctx.fillText(caption(opts.asOf, opts.title, opts.lng), PAD, layout.captionY + 12);
  ctx.restore();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
}

let svgRegistered = false;

/** The whole graph as SVG (vector, for reports) with the legend and caption; the SVG extension registers on first use. */
export async function graphSvg(cy: Core, opts: PictureOptions): Promise<string> {
  if (!svgRegistered) {
    const [{ default: cytoscape }, { default: svgExtension }] = await Promise.all([import('cytoscape'), import('cytoscape-svg')]);
    cytoscape.use(svgExtension);
    svgRegistered = true;
  }
  // cytoscape-svg cannot draw the rounded polygons (round-tag, round-diamond …): the node vanishes and its fill
  // leaks into the next label. For the export they are drawn with their sharp twin, then given back.
  const rounded = cy.nodes().filter((n) => /^round-(?!rectangle)/.test(String(n.style('shape'))));
  const bypassed = rounded.map((n) => ({ node: n, shape: String(n.style('shape')) }));
  cy.batch(() => bypassed.forEach(({ node, shape }) => node.style('shape', shape.replace(/^round-/, ''))));
  try {
    const svg = withAllLabels(cy, () => (cy as Core & { svg(options: { full: boolean; scale: number; bg?: string }): string }).svg({ full: true, scale: 1, bg: opts.background ?? '#ffffff' }));
    return svgWithLegend(svg, opts);
  } finally {
    cy.batch(() => bypassed.forEach(({ node }) => node.removeStyle('shape')));
  }
}

/** Offers text, a Blob or a data URL as a download. */
export function download(filename: string, content: string | Blob, type = 'text/plain'): void {
  const isDataUrl = typeof content === 'string' && content.startsWith('data:');
  const url = isDataUrl ? (content as string) : URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (!isDataUrl) setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "graf-2019-06-01.png" for a dated view, "graf-<today>.png" otherwise; Swedish or English stem. */
export function exportFileName(format: ExportFormat, asOf: string | null, lng: Language = currentLanguage(), today: string = new Date().toISOString().slice(0, 10)): string {
  const stems = lng === 'sv' ? { graph: 'graf', nodes: 'noder', edges: 'relationer' } : { graph: 'graph', nodes: 'nodes', edges: 'relations' };
  const date = asOf ?? today;
  switch (format) {
    case 'csv-nodes':
      return `${stems.nodes}-${date}.csv`;
    case 'csv-edges':
      return `${stems.edges}-${date}.csv`;
    default:
      return `${stems.graph}-${date}.${format}`;
  }
}

/** Builds the file for a format from the current view and offers it as a download. Rejects if a picture cannot be made. */
export async function exportView(format: ExportFormat, o: ExportViewOptions): Promise<void> {
  const lng = o.lng ?? currentLanguage();
  const name = exportFileName(format, o.asOf, lng);
  const graph = () => viewToGraph(o.view, o.isVisible);
  switch (format) {
    case 'json':
      return download(name, graphJson(graph()), 'application/json');
    case 'csv-nodes':
      return download(name, nodesCsv(graph(), lng), 'text/csv');
    case 'csv-edges':
      return download(name, edgesCsv(graph(), lng), 'text/csv');
    case 'png':
      if (!o.cy) throw new Error('the graph is not drawn yet');
      return download(name, await graphPng(o.cy, { ...o, lng }), 'image/png');
    case 'svg':
      if (!o.cy) throw new Error('the graph is not drawn yet');
      return download(name, await graphSvg(o.cy, { ...o, lng }), 'image/svg+xml');
  }
}
