/**
 * Web Worker: runs the explorer's force-directed layout (fcose, with the options GraphView uses) on a
 * headless Cytoscape and posts back positions, so the page's main thread stays free while it computes.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { fcoseOptions } from '../../client/src/graph/layoutOptions';

cytoscape.use(fcose);

self.onmessage = (event: MessageEvent<{ elements: ElementDefinition[] }>) => {
  const started = performance.now();
  const cy = cytoscape({ headless: true, styleEnabled: false, elements: event.data.elements });
  const layout = cy.layout({ ...fcoseOptions(cy.nodes().length, true), animate: false, fit: false } as cytoscape.LayoutOptions);
  layout.run();
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((n) => {
    positions[n.id()] = { ...n.position() };
  });
  (self as unknown as Worker).postMessage({ positions, ms: performance.now() - started });
  cy.destroy();
};
