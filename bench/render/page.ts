/**
 * The rendering benchmark page: fetches a graph of N elements, maps it with the explorer's own `toElements`
 * and styles it with the explorer's `GRAPH_STYLE`, lays it out (in a Web Worker, or on the main thread to show
 * what that costs), then measures frames per second while panning. Query: ?n=5000&renderer=canvas|webgl&layout=worker|main
 */
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { toElements, viewOf } from '../../client/src/graph/elements';
import { styleFor } from '../../client/src/graph/style';
import type { Graph } from '../../server/schemas/graph';
import { fcoseOptions } from '../../client/src/graph/layoutOptions';

cytoscape.use(fcose);

/** GraphView's threshold for hiding edges and drawing a texture while the viewport moves. */
const BIG_GRAPH = 1500;

export interface RenderResult {
  n: number;
  renderer: string;
  layout: string;
  nodes: number;
  edges: number;
  fetchMs: number;
  layoutMs: number;
  /** Longest gap between animation frames while the layout ran: how long the page was frozen. */
  longestFrameGapMs: number;
  /** Navigation start → the laid-out graph drawn (two animation frames after Cytoscape is built). */
  interactiveMs: number;
  fps: number;
  frames: number;
  panMs: number;
  glRenderer: string;
  webglActive: boolean;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Counts animation frames until `done` resolves; returns the longest gap between two frames. */
function watchFrames(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = (t: number) => {
    longest = Math.max(longest, t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      return Math.max(longest, performance.now() - last);
    },
  };
}

function glInfo(): string {
  const canvas = document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return 'no WebGL';
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
}

async function layoutInWorker(elements: ElementDefinition[]): Promise<{ positions: Record<string, { x: number; y: number }>; ms: number }> {
  const worker = new Worker('/layoutWorker.js', { type: 'module' });
  try {
    return await new Promise((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message));
      // Only what the layout reads: ids and ends.
      worker.postMessage({ elements: elements.map((el) => ({ group: el.group, data: el.group === 'nodes' ? { id: el.data.id } : { id: el.data.id, source: el.data.source, target: el.data.target } })) });
    });
  } finally {
    worker.terminate();
  }
}

async function run(): Promise<RenderResult> {
  const params = new URLSearchParams(location.search);
  const n = Number(params.get('n') ?? '500');
  const renderer = params.get('renderer') === 'webgl' ? 'webgl' : 'canvas';
  const layoutMode = params.get('layout') === 'main' ? 'main' : 'worker';
  const panFor = Number(params.get('panMs') ?? '3000');

  const t0 = performance.now();
  const graph = (await (await fetch(`/graph.json?n=${n}`)).json()) as Graph;
  const elements = toElements(viewOf(graph));
  const fetchMs = performance.now() - t0;
  const container = document.getElementById('cy')!;

  const frames = watchFrames();
  let cy: Core;
  const tLayout = performance.now();
  const options = {
    container,
    style: styleFor(elements.length),
    minZoom: 0.05,
    maxZoom: 3,
    renderer: renderer === 'webgl' ? ({ name: 'canvas', webgl: true } as const) : ({ name: 'canvas' } as const),
  };
  if (layoutMode === 'worker') {
    const { positions } = await layoutInWorker(elements);
    const layoutMs = performance.now() - tLayout;
    cy = cytoscape({ ...options, elements: elements.map((el) => (el.group === 'nodes' ? { ...el, position: positions[String(el.data.id)]! } : el)), layout: { name: 'preset', fit: true, padding: 40 } } as cytoscape.CytoscapeOptions);
    (cy as unknown as { __layoutMs: number }).__layoutMs = layoutMs;
  } else {
    cy = cytoscape({ ...options, elements, layout: { name: 'preset' } } as cytoscape.CytoscapeOptions);
    cy.layout({ ...fcoseOptions(cy.nodes().length, true), animate: false, fit: false } as LayoutOptions).run();
    cy.fit(undefined, 40);
    (cy as unknown as { __layoutMs: number }).__layoutMs = performance.now() - tLayout;
  }
  const big = cy.elements().length > BIG_GRAPH;
  const r = (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean; textureOnViewport: boolean } }).renderer();
  r.hideEdgesOnViewport = big;
  r.textureOnViewport = big;
  // Cytoscape draws in its own animation-frame loop: two frames after construction the view is on screen
  // (the WebGL renderer emits no 'render' event, so frames are the one measure that fits both).
  await frame();
  await frame();
  const interactiveMs = performance.now();
  const longestFrameGapMs = frames.stop();
  const layoutMs = (cy as unknown as { __layoutMs: number }).__layoutMs;

  // Pan back and forth programmatically, one step per frame, and count the frames the page manages.
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < panFor) {
    const phase = Math.floor(count / 30) % 4;
    cy.panBy({ x: phase === 0 ? 8 : phase === 2 ? -8 : 0, y: phase === 1 ? 6 : phase === 3 ? -6 : 0 });
    now = await frame();
    count++;
  }
  const panMs = now - start;
  const webglActive = Boolean((r as unknown as { webgl?: unknown }).webgl);
  return {
    n,
    renderer,
    layout: layoutMode,
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    fetchMs,
    layoutMs,
    longestFrameGapMs,
    interactiveMs,
    fps: (count / panMs) * 1000,
    frames: count,
    panMs,
    glRenderer: glInfo(),
    webglActive,
  };
}

declare global {
  interface Window {
    benchResult?: RenderResult | { error: string };
  }
}

run().then(
  (result) => {
    window.benchResult = result;
  },
  (err: unknown) => {
    window.benchResult = { error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) };
  },
);
