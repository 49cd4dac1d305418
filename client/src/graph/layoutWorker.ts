/**
 * Web Worker: runs the force-directed layout (fcose) on a headless Cytoscape and posts back positions, so the
 * page's main thread stays free while a large view is laid out.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { fcoseOptions, type LayoutReply, type LayoutRequest } from './layoutOptions';

cytoscape.use(fcose);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const started = performance.now();
  const { token, randomize, nodes, edges, fixed } = event.data;
  // Nodes need their size on screen, or the layout packs them on top of each other; labels and edge types
  // travel as data, so repulsion and edge lengths follow them as on the page.
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, label: n.label ?? '', fontSize: n.fontSize ?? 12, textMaxWidth: n.textMaxWidth ?? 140, w: n.w ?? 30, h: n.h ?? 30 },
        position: { x: n.x, y: n.y },
      })),
      ...edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, type: e.type ?? '' } })),
    ],
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const fixedNodes = (fixed ?? []).flatMap((id) => {
    const n = byId.get(id);
    return n ? [{ nodeId: id, position: { x: n.x, y: n.y } }] : [];
  });
  cy.layout({ ...fcoseOptions(nodes.length, randomize, { fixed: fixedNodes }), animate: false, fit: false } as cytoscape.LayoutOptions).run();
  const positions: LayoutReply['positions'] = {};
  cy.nodes().forEach((n) => {
    positions[n.id()] = { ...n.position() };
  });
  cy.destroy();
  const reply: LayoutReply = { token, positions, ms: performance.now() - started };
  (self as unknown as Worker).postMessage(reply);
};
