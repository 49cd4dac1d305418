import type { StylesheetJson } from 'cytoscape';
import { KIND_STYLES, OTHER_KIND } from './kinds';
import { HUB_DEGREE } from './labels';

/**
 * The canvas's colours. The page defines them as CSS custom properties (client/src/styles/tokens.css, light
 * and dark); Cytoscape draws on a canvas and cannot read `var(--…)`, so GraphView resolves them with
 * `readTheme()` and re-applies the stylesheet when the theme changes. The constants below are the fallbacks.
 */
export interface GraphTheme {
  bg: string;
  label: string;
  labelOutline: string;
  edge: string;
  edgeLabel: string;
  selected: string;
  path: string;
  muted: string;
  tooltipBg: string;
  tooltipFg: string;
}

export const LIGHT_THEME: GraphTheme = {
  bg: '#fafbfc',
  label: '#1b2130',
  labelOutline: '#fafbfc',
  edge: '#87919f',
  edgeLabel: '#4d5666',
  selected: '#2f58cd',
  path: '#c2185b',
  muted: '#c4cad3',
  tooltipBg: '#1b2130',
  tooltipFg: '#f5f7fa',
};

export const DARK_THEME: GraphTheme = {
  bg: '#11151c',
  label: '#e6e9ef',
  labelOutline: '#11151c',
  edge: '#5f6a7d',
  edgeLabel: '#b3bccb',
  selected: '#86a8ff',
  path: '#ff79b0',
  muted: '#3a4250',
  tooltipBg: '#262c38',
  tooltipFg: '#f0f3f8',
};

/** The CSS custom property behind each colour. */
export const THEME_VARIABLES: Record<keyof GraphTheme, string> = {
  bg: '--graph-bg',
  label: '--graph-label',
  labelOutline: '--graph-label-outline',
  edge: '--graph-edge',
  edgeLabel: '--graph-edge-label',
  selected: '--graph-selected',
  path: '--graph-path',
  muted: '--graph-muted',
  tooltipBg: '--graph-tooltip-bg',
  tooltipFg: '--graph-tooltip-fg',
};

/** Parses #rgb, #rrggbb and rgb()/rgba() into 0–255 channels; null for anything else. */
export function parseColour(c: string): [number, number, number] | null {
  const s = c.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) return [0, 1, 2].map((i) => parseInt(m![1]![i]! + m![1]![i]!, 16)) as [number, number, number];
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)) as [number, number, number];
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return null;
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours (1–21); 1 when either cannot be parsed. */
export function contrastRatio(a: string, b: string): number {
  const ca = parseColour(a);
  const cb = parseColour(b);
  if (!ca || !cb) return 1;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `fg` if it reads on `bg` at ≥ 4.5:1, else near-black or near-white, whichever reads better. */
export function readableOn(fg: string, bg: string): string {
  if (contrastRatio(fg, bg) >= 4.5) return fg;
  return contrastRatio('#111111', bg) >= contrastRatio('#f5f5f5', bg) ? '#111111' : '#f5f5f5';
}

/** True for a dark canvas. */
export function isDark(theme: GraphTheme): boolean {
  const c = parseColour(theme.bg);
  return !!c && luminance(c) < 0.2;
}

/**
 * The theme as the page defines it now: each custom property resolved to an rgb() colour by the browser (so
 * any CSS colour syntax works), the fallback where a property is missing, label colours checked for contrast.
 */
export function readTheme(root: HTMLElement = document.documentElement): GraphTheme {
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const forced = root.getAttribute('data-theme');
  const fallback = forced === 'dark' || (forced !== 'light' && prefersDark) ? DARK_THEME : LIGHT_THEME;
  const probe = document.createElement('span');
  probe.style.display = 'none';
  root.appendChild(probe);
  const out = { ...fallback };
  try {
    for (const [key, variable] of Object.entries(THEME_VARIABLES) as [keyof GraphTheme, string][]) {
      if (!getComputedStyle(root).getPropertyValue(variable).trim()) continue;
      probe.style.color = '';
      probe.style.color = `var(${variable})`;
      const resolved = getComputedStyle(probe).color;
      if (parseColour(resolved)) out[key] = resolved;
    }
  } finally {
    probe.remove();
  }
  out.label = readableOn(out.label, out.bg);
  out.edgeLabel = readableOn(out.edgeLabel, out.bg);
  out.tooltipFg = readableOn(out.tooltipFg, out.tooltipBg);
  return out;
}

/** Font of every canvas label; the page's own font stack. */
export const LABEL_FONT = 'system-ui, "Segoe UI", Roboto, sans-serif';

/**
 * The network's Cytoscape stylesheet for a theme: kinds by colour and shape (kinds.ts), node size and label
 * size by importance (elements.ts `nodeSize`), labels wrapped (never cut) with an outline in the canvas colour,
 * edge labels horizontal on a background and drawn only where GraphView's level of detail allows.
 */
export function graphStyle(t: GraphTheme): StylesheetJson {
  const dark = isDark(t);
  const appeared = dark ? '#4ade80' : '#15803d';
  const disappeared = dark ? '#f87171' : '#b91c1c';
  const renamed = dark ? '#fbbf24' : '#b45309';
  // Cast: @types/cytoscape lags the library (line-height, round-rectangle label backgrounds, data() sizes).
  return ([
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'background-color': OTHER_KIND.colour,
        shape: OTHER_KIND.shape,
        width: 'data(w)',
        height: 'data(h)',
        'font-family': LABEL_FONT,
        'font-size': 'data(fontSize)',
        color: t.label,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': 'data(textMaxWidth)',
        'line-height': 1.15,
        'text-outline-color': t.labelOutline,
        'text-outline-width': 2.5,
        'text-outline-opacity': 1,
        // GraphView's level of detail decides which labels are drawn (class label-hidden), also by zoom.
        'min-zoomed-font-size': 0,
        'border-width': 1.5,
        'border-color': t.bg,
        'overlay-padding': 4,
        'transition-property': 'text-opacity',
        'transition-duration': 120,
      },
    },
    ...Object.entries(KIND_STYLES).map(([kind, s]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': s.colour, shape: s.shape },
    })),
    // Who acts and who speaks keep a heavier label.
    { selector: 'node[kind = "Actor"], node[kind = "Person"], node[kind = "Agreement"]', style: { 'font-weight': 600 } },
    { selector: 'node[kind = "Event"]', style: { 'border-color': '#5C5300', 'border-width': 1 } },
    // Hubs are drawn above their crowd, so a hub's name that crosses a neighbour is never hidden under it.
    { selector: `node[degree >= ${HUB_DEGREE}]`, style: { 'z-index': 12 } },
    { selector: 'node.label-hidden', style: { 'text-opacity': 0 } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': t.edge,
        'target-arrow-color': t.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(rel)',
        'font-family': LABEL_FONT,
        'font-size': 10,
        color: t.edgeLabel,
        'text-rotation': 'none',
        'text-background-color': t.bg,
        'text-background-opacity': 0.92,
        'text-background-padding': 2,
        'text-background-shape': 'round-rectangle',
        'text-border-width': 1,
        'text-border-color': t.muted,
        'text-border-opacity': 1,
        'text-wrap': 'none',
        'min-zoomed-font-size': 0,
        // Edge labels are shown only on hover, selection or close zoom (class label-shown, GraphView).
        'text-opacity': 0,
        opacity: 0.85,
      },
    },
    { selector: 'edge.label-shown', style: { 'text-opacity': 1, 'z-index': 15 } },
    { selector: 'edge[type = "MENTIONS"]', style: { 'line-style': 'dotted', 'line-color': t.muted, 'target-arrow-color': t.muted } },
    { selector: 'node:selected', style: { 'border-color': t.selected, 'border-width': 4, 'z-index': 20 } },
    { selector: 'edge:selected', style: { 'line-color': t.selected, 'target-arrow-color': t.selected, opacity: 1, 'z-index': 20 } },
    { selector: 'node.hover, node.kbd-focus', style: { 'underlay-color': t.selected, 'underlay-opacity': 0.25, 'underlay-padding': 6, 'z-index': 25 } },
    { selector: 'edge.hover', style: { opacity: 1, 'line-color': t.selected, 'target-arrow-color': t.selected, 'z-index': 25 } },
    { selector: 'node.pinned', style: { 'border-style': 'double', 'border-color': t.label, 'border-width': 4 } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: '.off-path', style: { opacity: 0.22 } },
    { selector: 'node.on-path', style: { 'border-color': t.path, 'border-width': 4, 'z-index': 30 } },
    { selector: 'edge.on-path', style: { 'line-color': t.path, 'target-arrow-color': t.path, width: 5, opacity: 1, 'z-index': 30 } },
    { selector: 'node.search-hit', style: { 'underlay-color': '#FACC15', 'underlay-opacity': 0.6, 'underlay-padding': 8 } },
    // A dated view: what has no date of its own and no dated fact in view is drawn as such, faint and dashed.
    { selector: 'node.undated', style: { 'background-opacity': 0.35, 'border-style': 'dashed', 'border-color': t.muted, 'border-width': 1.5 } },
    { selector: 'edge.undated', style: { 'line-style': 'dashed', opacity: 0.4 } },
    // Comparing two dates.
    { selector: 'node.diff-appeared', style: { 'border-color': appeared, 'border-width': 4, 'underlay-color': appeared, 'underlay-opacity': 0.18, 'underlay-padding': 5 } },
    { selector: 'edge.diff-appeared', style: { 'line-color': appeared, 'target-arrow-color': appeared, opacity: 1 } },
    { selector: 'node.diff-disappeared', style: { 'background-opacity': 0.3, 'border-style': 'dashed', 'border-color': disappeared, 'border-width': 2.5 } },
    { selector: 'edge.diff-disappeared', style: { 'line-style': 'dashed', 'line-color': disappeared, 'target-arrow-color': disappeared, opacity: 0.6 } },
    { selector: 'node.diff-renamed', style: { 'border-color': renamed, 'border-width': 4, 'font-weight': 700, 'z-index': 28 } },
  ] satisfies { selector: string; style: Record<string, string | number> }[]) as unknown as StylesheetJson;
}

/** The light theme's stylesheet, for code without a page (the rendering benchmark). */
export const GRAPH_STYLE: StylesheetJson = graphStyle(LIGHT_THEME);

/** Views with more elements than this switch to the lighter stylesheet below. */
export const LARGE_VIEW_ABOVE = 1500;

/**
 * For large views: straight "haystack" edges without arrows or labels, opaque lines and names drawn only when
 * zoomed in enough to read them — what a canvas can redraw quickly while panning a few thousand elements.
 * Selection, paths and filters look as in the normal stylesheet.
 */
export function largeViewStyle(t: GraphTheme): StylesheetJson {
  const normal = graphStyle(t);
  const edgeAt = normal.findIndex((rule) => rule.selector === 'edge');
  return [
    ...normal.slice(0, edgeAt),
    { selector: 'node', style: { 'text-outline-width': 0, 'min-zoomed-font-size': 11, 'border-width': 0 } },
    {
      selector: 'edge',
      style: { width: 'data(width)', 'line-color': t.edge, 'curve-style': 'haystack', 'haystack-radius': 0, label: '', opacity: 1 },
    },
    ...normal.slice(edgeAt + 1),
  ];
}

export const LARGE_VIEW_STYLE: StylesheetJson = largeViewStyle(LIGHT_THEME);

/** The stylesheet for a view of `elements` nodes and edges. */
export function styleFor(elements: number, theme: GraphTheme = LIGHT_THEME): StylesheetJson {
  return elements > LARGE_VIEW_ABOVE ? largeViewStyle(theme) : graphStyle(theme);
}
