import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { LayoutName } from './layouts';
import { fcoseOptions, WORKER_LAYOUT_ABOVE, type LayoutReply, type LayoutRequest } from './layoutOptions';
import { GRAPH_STYLE, LARGE_VIEW_ABOVE, LARGE_VIEW_STYLE } from './style';
import rendererThreshold from './rendererThreshold.json';

cytoscape.use(fcose);

/**
 * Views above this many elements are drawn by Cytoscape's WebGL renderer, below by its canvas renderer;
 * `npm run bench` measures both and writes the threshold (null: canvas won at every size it measured).
 */
const WEBGL_ABOVE: number | null = rendererThreshold.webglAbove;

/** What a view carries over when it moves to the other renderer: where every node was, pan and zoom. */
interface Carried {
  positions: Map<string, { x: number; y: number }>;
  pan: { x: number; y: number };
  zoom: number;
}


export interface GraphViewHandle {
  /** The current view as a PNG (data URL), at twice the screen resolution on a white background. */
  png(): string | null;
  /** Fits the view to these elements (default: everything visible). */
  fit(ids?: string[]): void;
  /** Centres on a node (animated) if it is in view. */
  centre(id: string): void;
  /** Positions by node id, so a link can reopen the same picture. */
  positions(): Record<string, { x: number; y: number }>;
}

export interface GraphViewProps {
  elements: ElementDefinition[];
  layout: LayoutName;
  /** Bumping this re-runs the layout over everything. */
  layoutToken: number;
  selectedId: string | null;
  pinned: ReadonlySet<string>;
  onNodeTap(id: string): void;
  onEdgeTap(id: string): void;
  onBackgroundTap(): void;
  onNodeDoubleTap(id: string): void;
  onNodeContext(id: string, at: { x: number; y: number }): void;
}

function layoutOptions(name: LayoutName, nodeCount: number, fit: boolean, randomize: boolean): LayoutOptions {
  const animate = nodeCount < 250;
  const common = { animate, animationDuration: 350, fit, padding: 40 };
  switch (name) {
    case 'fcose':
      return { ...fcoseOptions(nodeCount, randomize), ...common } as LayoutOptions;
    case 'concentric':
      return { name: 'concentric', minNodeSpacing: 30, concentric: (n: NodeSingular) => n.degree(false), levelWidth: () => 2, ...common } as LayoutOptions;
    case 'breadthfirst':
      return { name: 'breadthfirst', directed: true, spacingFactor: 1.1, ...common } as LayoutOptions;
    case 'grid':
      return { name: 'grid', avoidOverlap: true, ...common } as LayoutOptions;
  }
}

/** The one component that owns the Cytoscape instance; React hands it plain elements and it applies them by id. */
export const GraphView = forwardRef<GraphViewHandle, GraphViewProps>(function GraphView(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef(props);
  handlers.current = props;
  const lastLayoutToken = useRef(props.layoutToken);
  const [webgl, setWebgl] = useState(false);
  const carried = useRef<Carried | null>(null);

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: GRAPH_STYLE,
      minZoom: 0.08,
      maxZoom: 4,
      selectionType: 'single',
      boxSelectionEnabled: false,
      renderer: webgl ? { name: 'canvas', webgl: true } : { name: 'canvas' },
    } as cytoscape.CytoscapeOptions);
    cyRef.current = cy;
    largeStyle.current = false;
    cy.on('tap', 'node', (e) => handlers.current.onNodeTap(e.target.id()));
    cy.on('tap', 'edge', (e) => handlers.current.onEdgeTap(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) handlers.current.onBackgroundTap();
    });
    cy.on('dbltap', 'node', (e) => handlers.current.onNodeDoubleTap(e.target.id()));
    cy.on('cxttap', 'node', (e) => handlers.current.onNodeContext(e.target.id(), e.renderedPosition ?? e.target.renderedPosition()));
    // When the canvas changes size (the result table opens, the window resizes), keep its centre where it was.
    let size = { w: container.current?.clientWidth ?? 0, h: container.current?.clientHeight ?? 0 };
    const observer = new ResizeObserver(() => {
      const el = container.current;
      if (!el || cy.destroyed()) return;
      const next = { w: el.clientWidth, h: el.clientHeight };
      cy.resize();
      cy.panBy({ x: (next.w - size.w) / 2, y: (next.h - size.h) / 2 });
      size = next;
    });
    if (container.current) observer.observe(container.current);
    return () => {
      observer.disconnect();
      carried.current = { positions: new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }])), pan: { ...cy.pan() }, zoom: cy.zoom() };
      cy.destroy();
      cyRef.current = null;
    };
  }, [webgl]);

  // Large views are laid out off the main thread; only the newest request's answer is applied.
  const worker = useRef<Worker | null>(null);
  const largeStyle = useRef(false);
  const layoutToken = useRef(0);
  const layoutInWorker = (cy: Core, randomize: boolean): void => {
    worker.current ??= new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    const token = ++layoutToken.current;
    worker.current.onmessage = (event: MessageEvent<LayoutReply>) => {
      if (event.data.token !== layoutToken.current || cy.destroyed()) return;
      const layout = cy.layout({ name: 'preset', positions: event.data.positions, fit: true, padding: 40, animate: false } as LayoutOptions);
      layout.one('layoutstop', () => capZoom(cy));
      layout.run();
    };
    const request: LayoutRequest = {
      token,
      randomize,
      nodes: cy.nodes().map((n) => ({ id: n.id(), ...n.position() })),
      edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    };
    worker.current.postMessage(request);
  };
  useEffect(() => () => worker.current?.terminate(), []);

  // Mirror the elements into Cytoscape by id: remove, add, update; then lay out what is new.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wantWebgl = WEBGL_ABOVE !== null && props.elements.length > WEBGL_ABOVE;
    if (wantWebgl !== webgl) {
      // A new Cytoscape with the other renderer takes over (constructed above); this effect then runs again.
      setWebgl(wantWebgl);
      return;
    }
    const from = carried.current;
    carried.current = null;
    const wanted = new Map(props.elements.map((el) => [String(el.data.id), el]));
    const added: string[] = [];
    const neighbours = adjacency(props.elements);
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        if (!wanted.has(ele.id())) ele.remove();
      });
      const toAdd: ElementDefinition[] = [];
      for (const [id, el] of wanted) {
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          const data = el.data as Record<string, unknown>;
          for (const [k, v] of Object.entries(data)) if (k !== 'source' && k !== 'target' && existing.data(k) !== v) existing.data(k, v);
          existing.classes(el.classes ?? '');
        } else {
          const kept = from?.positions.get(id);
          toAdd.push(el.group === 'nodes' ? { ...el, position: kept ?? seedPosition(cy, neighbours.get(id)) } : el);
          if (el.group === 'nodes' && !kept) added.push(id);
        }
      }
      // Nodes first, so edges find their ends.
      cy.add(toAdd.filter((e) => e.group === 'nodes'));
      cy.add(toAdd.filter((e) => e.group === 'edges'));
    });
    if (from) cy.viewport({ zoom: from.zoom, pan: from.pan });
    const large = cy.elements().length > LARGE_VIEW_ABOVE;
    if (large !== largeStyle.current) {
      largeStyle.current = large;
      cy.style(large ? LARGE_VIEW_STYLE : GRAPH_STYLE);
    }
    // The renderer reads these two options live; Cytoscape only exposes them at construction.
    const renderer = (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean; textureOnViewport: boolean } }).renderer();
    renderer.hideEdgesOnViewport = large;
    renderer.textureOnViewport = large;
    const relayout = props.layoutToken !== lastLayoutToken.current;
    lastLayoutToken.current = props.layoutToken;
    if (added.length > 0 || relayout) {
      const all = added.length === cy.nodes().length;
      if (props.layout === 'fcose' && cy.nodes().length > WORKER_LAYOUT_ABOVE) {
        layoutInWorker(cy, all);
      } else {
        // An expansion re-fits too, so the new neighbours are on screen, but never zooms in beyond readable.
        const layout = cy.layout(layoutOptions(props.layout, cy.nodes().length, true, all));
        layout.one('layoutstop', () => capZoom(cy));
        layout.run();
      }
    }
  }, [props.elements, props.layout, props.layoutToken, webgl]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.$(':selected').forEach((e) => {
        if (e.id() !== props.selectedId) e.unselect();
      });
      if (props.selectedId) cy.getElementById(props.selectedId).select();
    });
  }, [props.selectedId, props.elements, webgl]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes().forEach((n) => {
      if (props.pinned.has(n.id())) n.lock();
      else n.unlock();
    });
  }, [props.pinned, props.elements, webgl]);

  useImperativeHandle(ref, () => ({
    png: () => cyRef.current?.png({ output: 'base64uri', bg: '#ffffff', full: true, scale: 2 }) ?? null,
    fit: (ids?: string[]) => {
      const cy = cyRef.current;
      if (!cy) return;
      const wanted = new Set(ids ?? []);
      const eles = wanted.size ? cy.elements(':visible').filter((e) => wanted.has(e.id())) : cy.elements(':visible');
      cy.animate({ fit: { eles, padding: 50 } }, { duration: 250, complete: () => capZoom(cy) });
    },
    centre: (id: string) => {
      const cy = cyRef.current;
      const node = cy?.getElementById(id);
      if (!cy || !node || node.empty()) return;
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
    },
    positions: () => {
      const out: Record<string, { x: number; y: number }> = {};
      cyRef.current?.nodes().forEach((n) => {
        out[n.id()] = n.position();
      });
      return out;
    },
  }));

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" aria-label="Nätverksgraf" role="img" />;
});

const MAX_FIT_ZOOM = 1.6;

/** A fit to one or two nodes would fill the screen with them; hold the zoom at a readable level instead. */
function capZoom(cy: Core): void {
  if (cy.destroyed() || cy.zoom() <= MAX_FIT_ZOOM) return;
  const visible = cy.elements(':visible');
  cy.zoom(MAX_FIT_ZOOM);
  cy.center(visible);
}

function adjacency(elements: ElementDefinition[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const l = out.get(a);
    if (l) l.push(b);
    else out.set(a, [b]);
  };
  for (const el of elements) {
    if (el.group !== 'edges') continue;
    link(String(el.data.source), String(el.data.target));
    link(String(el.data.target), String(el.data.source));
  }
  return out;
}

/** A new node starts beside a neighbour already on screen, so an expansion grows out of the node it came from. */
function seedPosition(cy: Core, neighbours: string[] | undefined): { x: number; y: number } {
  for (const other of neighbours ?? []) {
    const n = cy.getElementById(other);
    if (n.nonempty() && n.position()) {
      const p = n.position();
      return { x: p.x + (Math.random() - 0.5) * 120, y: p.y + (Math.random() - 0.5) * 120 };
    }
  }
  // No neighbour on screen yet: somewhere near the middle of what is visible, never all on one spot.
  const ext = cy.extent();
  return { x: (ext.x1 + ext.x2) / 2 + (Math.random() - 0.5) * ext.w * 0.5, y: (ext.y1 + ext.y2) / 2 + (Math.random() - 0.5) * ext.h * 0.5 };
}
