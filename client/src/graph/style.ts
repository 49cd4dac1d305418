import type { StylesheetJson } from 'cytoscape';
import { KIND_STYLES, OTHER_KIND } from './kinds';

const SELECT = '#1D4ED8';
const PATH = '#C2185B';

/** The network's Cytoscape stylesheet: kinds by colour and shape, labels readable at any zoom, evidence as edge width. */
export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(name)',
      'background-color': OTHER_KIND.colour,
      shape: OTHER_KIND.shape,
      width: 30,
      height: 30,
      'font-family': 'system-ui, "Segoe UI", Roboto, sans-serif',
      'font-size': 12,
      color: '#1F2430',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-outline-color': '#FFFFFF',
      'text-outline-width': 2.5,
      'min-zoomed-font-size': 8,
      'border-width': 1.5,
      'border-color': '#FFFFFF',
      'overlay-padding': 4,
    },
  },
  ...Object.entries(KIND_STYLES).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': s.colour, shape: s.shape },
  })),
  // Organisations and people keep their names on screen longer than the rest when zooming out.
  { selector: 'node[kind = "Actor"]', style: { width: 40, height: 30, 'font-size': 14, 'font-weight': 600, 'min-zoomed-font-size': 6 } },
  { selector: 'node[kind = "Person"]', style: { width: 32, height: 32, 'font-size': 14, 'font-weight': 600, 'min-zoomed-font-size': 6 } },
  { selector: 'node[kind = "AgreementPoint"], node[kind = "Name"], node[kind = "Role"]', style: { width: 22, height: 22, 'font-size': 10 } },
  { selector: 'node[kind = "Event"]', style: { 'border-color': '#5C5300', 'border-width': 1 } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': '#9AA3B2',
      'target-arrow-color': '#9AA3B2',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      label: 'data(type)',
      'font-size': 8,
      color: '#4A5363',
      'text-rotation': 'autorotate',
      'text-outline-color': '#FFFFFF',
      'text-outline-width': 2,
      'min-zoomed-font-size': 9,
      opacity: 0.85,
    },
  },
  { selector: 'edge[type = "MENTIONS"]', style: { 'line-style': 'dotted', 'line-color': '#C5CAD3', 'target-arrow-color': '#C5CAD3', label: '' } },
  { selector: 'node:selected', style: { 'border-color': SELECT, 'border-width': 4, 'z-index': 20 } },
  { selector: 'edge:selected', style: { 'line-color': SELECT, 'target-arrow-color': SELECT, opacity: 1, 'z-index': 20, color: SELECT } },
  { selector: 'node.pinned', style: { 'border-style': 'double', 'border-color': '#111827', 'border-width': 4 } },
  { selector: '.filtered', style: { display: 'none' } },
  { selector: '.off-path', style: { opacity: 0.22 } },
  { selector: 'node.on-path', style: { 'border-color': PATH, 'border-width': 4, 'z-index': 30 } },
  { selector: 'edge.on-path', style: { 'line-color': PATH, 'target-arrow-color': PATH, width: 5, opacity: 1, color: PATH, 'z-index': 30 } },
  { selector: 'node.search-hit', style: { 'underlay-color': '#FACC15', 'underlay-opacity': 0.6, 'underlay-padding': 8 } },
];

/** Views with more elements than this switch to the lighter stylesheet below. */
export const LARGE_VIEW_ABOVE = 1500;

/**
 * For large views: straight "haystack" edges without arrows or labels, opaque lines and names drawn only when
 * zoomed in enough to read them — what a canvas can redraw quickly while panning a few thousand elements.
 * Selection, paths and filters look as in the normal stylesheet.
 */
export const LARGE_VIEW_STYLE: StylesheetJson = [
  ...GRAPH_STYLE.slice(0, GRAPH_STYLE.findIndex((rule) => rule.selector === 'edge')),
  {
    selector: 'node',
    style: { 'text-outline-width': 0, 'min-zoomed-font-size': 11, 'border-width': 0 },
  },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': '#AEB5C2',
      'curve-style': 'haystack',
      'haystack-radius': 0,
      label: '',
      opacity: 1,
    },
  },
  ...GRAPH_STYLE.slice(GRAPH_STYLE.findIndex((rule) => rule.selector === 'edge') + 1),
];

/** The stylesheet for a view of `elements` nodes and edges. */
export function styleFor(elements: number): StylesheetJson {
  return elements > LARGE_VIEW_ABOVE ? LARGE_VIEW_STYLE : GRAPH_STYLE;
}
