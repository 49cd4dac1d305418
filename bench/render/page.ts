/**
 * The rendering benchmark page: fetches a graph of N elements, maps it with the explorer's own `toElements`
 * and styles it with the explorer's `GRAPH_STYLE`, lays it out (in a Web Worker, or on the main thread to show
 * what that costs), then measures frames per second while panning. Query: ?n=5000&renderer=canvas|webgl&layout=worker|main
 */
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { toElements, viewOf } from '../../client/src/graph/elements';
import { LARGE_VIEW_ABOVE, styleFor } from '../../client/src/graph/style';
import type { Graph } from '../../contract/graph';
import { fcoseOptions } from '../../client/src/graph/layoutOptions';

cytoscape.use(fcose);


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
  /** Frames per second while a user drags the background to pan (filled in by the driver, see rendering.ts). */
  fps: number;
  frames: number;
  panMs: number;
  /** Frames per second while the page pans programmatically, one `cy.panBy` per frame (as animations do). */
  panByFps: number;
  /** The pan moved while the driver dragged: the drag really panned the view. */
  dragPanned?: boolean;
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

/**
 * For the driver's real mouse drag: a point of the view where a press lands on the background or an edge
 * (which pan) rather than a node (which would move), and a frame counter it starts and stops.
 */
function exposeDrag(cy: Core): void {
  const { width, height } = cy.container()!.getBoundingClientRect();
  // Cells of 8 px that a node's box (plus a margin) covers; the free cell nearest the centre is pressed.
  const cell = 8;
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const covered = new Uint8Array(cols * rows);
  cy.nodes().forEach((node) => {
    const b = node.renderedBoundingBox({ includeLabels: true });
    for (let cy0 = Math.max(0, Math.floor((b.y1 - 4) / cell)); cy0 <= Math.min(rows - 1, Math.floor((b.y2 + 4) / cell)); cy0++) {
      for (let cx = Math.max(0, Math.floor((b.x1 - 4) / cell)); cx <= Math.min(cols - 1, Math.floor((b.x2 + 4) / cell)); cx++) covered[cy0 * cols + cx] = 1;
    }
  });
  let from = { x: width / 2, y: height / 2 };
  let best = Infinity;
  // Away from the edges, so the drag (±150 px, ±90 px) stays inside the view.
  for (let r = Math.ceil(110 / cell); r < rows - Math.ceil(110 / cell); r++) {
    for (let c = Math.ceil(180 / cell); c < cols - Math.ceil(180 / cell); c++) {
      if (covered[r * cols + c]) continue;
      const x = (c + 0.5) * cell;
      const y = (r + 0.5) * cell;
      const d = (x - width / 2) ** 2 + (y - height / 2) ** 2;
      if (d < best) {
        best = d;
        from = { x, y };
      }
    }
  }
  let counting = false;
  let count = 0;
  let startedAt = 0;
  let panAtStart = { x: 0, y: 0 };
  const tick = () => {
    if (!counting) return;
    count++;
    requestAnimationFrame(tick);
  };
  window.benchDrag = {
    from,
    start() {
      count = 0;
      counting = true;
      startedAt = performance.now();
      panAtStart = { ...cy.pan() };
      requestAnimationFrame(tick);
    },
    stop() {
      counting = false;
      const ms = performance.now() - startedAt;
      const pan = cy.pan();
      return { frames: count, ms, panned: pan.x !== panAtStart.x || pan.y !== panAtStart.y };
    },
  };
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
  // As GraphView: hide edges and draw a texture while the user moves the view, above LARGE_VIEW_ABOVE elements.
  const big = cy.elements().length > LARGE_VIEW_ABOVE;
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

  // Pan back and forth programmatically, one step per frame, and count the frames the page manages. Cytoscape
  // draws a texture and hides edges only while a user drags (or pinches, or wheels), not for panBy.
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < panFor) {
    const phase = Math.floor(count / 30) % 4;
    cy.panBy({ x: phase === 0 ? 8 : phase === 2 ? -8 : 0, y: phase === 1 ? 6 : phase === 3 ? -6 : 0 });
    now = await frame();
    count++;
  }
  const panByMs = now - start;
  exposeDrag(cy);
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
    fps: NaN,
    frames: 0,
    panMs: 0,
    panByFps: (count / panByMs) * 1000,
    glRenderer: glInfo(),
    webglActive,
  };
}

declare global {
  interface Window {
    benchResult?: RenderResult | { error: string };
    benchDrag?: { from: { x: number; y: number }; start(): void; stop(): { frames: number; ms: number; panned: boolean } };
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
