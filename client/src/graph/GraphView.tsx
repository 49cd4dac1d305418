import cytoscape, { type Collection, type Core, type NodeCollection, type EdgeSingular, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { GraphTooltip, TOOLTIP_ID, type TooltipTarget } from './GraphTooltip';
import { relationLabel } from './kinds';
import { inflate, isHub, labelRank, placeLabels, type Box, type LabelCandidate, type Obstacle } from './labels';
import type { LayoutName } from './layouts';
import { fcoseOptions, WORKER_LAYOUT_ABOVE, type LayoutReply, type LayoutRequest } from './layoutOptions';
import { loneGrid, packParts, type Part } from './packing';
import { graphStyle, LARGE_VIEW_ABOVE, largeViewStyle, LIGHT_THEME, readTheme, type GraphTheme } from './style';
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

/** What the page exposes as `window.explorer`, read-only, for tests and analysts' console scripts. */
export interface ExplorerGlobal {
  readonly cy: Core | null;
  /** True while a layout computes or animates. */
  readonly layoutRunning: boolean;
  /** The node and edge labels drawn now, with their boxes in rendered (screen) pixels. */
  labels(): { id: string; group: 'nodes' | 'edges'; text: string; box: Box }[];
}

declare global {
  interface Window {
    explorer?: ExplorerGlobal;
  }
}

export interface GraphViewHandle {
  /** The current view as a PNG (data URL), at twice the screen resolution on the canvas background. */
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
  /** Bumping this fits the visible elements (animated) once the layout has settled. */
  fitToken?: number;
  selectedId: string | null;
  pinned: ReadonlySet<string>;
  onNodeTap(id: string): void;
  onEdgeTap(id: string): void;
  onBackgroundTap(): void;
  onNodeDoubleTap(id: string): void;
  onNodeContext(id: string, at: { x: number; y: number }): void;
  /** Every selected node id after a change by shift-click, box select (shift-drag) or Escape. */
  onSelectionChange?(ids: string[]): void;
}

const FIT_PADDING = 40;
/** Data never updated in place (an edge's ends do not change). */
const MANAGED_DATA = new Set(['source', 'target']);
const MAX_FIT_ZOOM = 1.6;
/** Edge labels appear from this zoom on (and on hover or selection at any zoom). */
export const EDGE_LABEL_ZOOM = 1.4;
/** A label smaller than this on screen is not drawn unless it must be (selected, hovered …). */
const MIN_LABEL_PX = 6;
/** Screen pixels kept free around every drawn label. */
const LABEL_MARGIN_PX = 2;
/** Gap between packed parts of the graph, in model units. */
const PACK_GAP = 48;

/** Layout options for the other layouts: spacing from each node's label size, so they read as well as fcose. */
function staticLayoutOptions(name: Exclude<LayoutName, 'fcose'>, nodeCount: number): LayoutOptions {
  const common = { fit: false, animate: false, nodeDimensionsIncludeLabels: true, padding: FIT_PADDING };
  switch (name) {
    case 'concentric':
      return { name: 'concentric', minNodeSpacing: 18, concentric: (n: NodeSingular) => n.degree(false), levelWidth: () => 2, avoidOverlap: true, ...common } as LayoutOptions;
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        directed: true,
        spacingFactor: nodeCount > 60 ? 0.9 : 1.05,
        avoidOverlap: true,
        // Roots: the best connected actors, so the hierarchy reads from the hubs outwards.
        roots: undefined,
        ...common,
      } as LayoutOptions;
    case 'grid':
      return { name: 'grid', avoidOverlap: true, avoidOverlapPadding: 14, condense: true, ...common } as LayoutOptions;
  }
}

/** The one component that owns the Cytoscape instance; React hands it plain elements and it applies them by id. */
export const GraphView = forwardRef<GraphViewHandle, GraphViewProps>(function GraphView(props, ref) {
  const { t } = useTranslation('graph');
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef(props);
  handlers.current = props;
  const lastLayoutToken = useRef(props.layoutToken);
  const lastLayoutName = useRef(props.layout);
  const [webgl, setWebgl] = useState(false);
  const carried = useRef<Carried | null>(null);
  const theme = useRef<GraphTheme>(LIGHT_THEME);
  const largeStyle = useRef(false);
  const layoutRunning = useRef(false);
  /** A fit asked for by fitToken is animating (window.explorer.layoutRunning covers it too). */
  const fitting = useRef(false);
  const pendingFit = useRef(false);
  /** Nodes the user dragged: they keep their place in later layouts (until an explicit re-layout). */
  const userPlaced = useRef(new Set<string>());
  const focusId = useRef<string | null>(null);
  const [tooltip, setTooltip] = useState<TooltipTarget | null>(null);
  const tooltipRef = useRef<TooltipTarget | null>(null);
  tooltipRef.current = tooltip;
  const lod = useRef<{ schedule(now?: boolean): void } | null>(null);

  useEffect(() => {
    theme.current = readTheme();
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(theme.current),
      minZoom: 0.08,
      maxZoom: 4,
      selectionType: 'single',
      boxSelectionEnabled: true,
      renderer: webgl ? { name: 'canvas', webgl: true } : { name: 'canvas' },
    } as cytoscape.CytoscapeOptions);
    cyRef.current = cy;
    largeStyle.current = false;

    const showTip = (ele: NodeSingular | EdgeSingular, at?: { x: number; y: number }) => {
      const rect = container.current?.getBoundingClientRect();
      if (!rect) return;
      const p = at ?? (ele.isNode() ? ele.renderedPosition() : ele.renderedMidpoint());
      setTooltip({ kind: ele.isNode() ? 'node' : 'edge', id: ele.id(), x: rect.left + p.x, y: rect.top + p.y });
    };
    const hideTip = () => setTooltip(null);

    cy.on('tap', 'node', (e) => handlers.current.onNodeTap(e.target.id()));
    cy.on('tap', 'edge', (e) => handlers.current.onEdgeTap(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) handlers.current.onBackgroundTap();
    });
    cy.on('dbltap', 'node', (e) => handlers.current.onNodeDoubleTap(e.target.id()));
    cy.on('cxttap', 'node', (e) => handlers.current.onNodeContext(e.target.id(), e.renderedPosition ?? e.target.renderedPosition()));
    cy.on('mouseover', 'node, edge', (e) => {
      e.target.addClass('hover');
      showTip(e.target, e.renderedPosition);
      lod.current?.schedule(true);
    });
    cy.on('mouseout', 'node, edge', (e) => {
      e.target.removeClass('hover');
      hideTip();
      lod.current?.schedule();
    });
    cy.on('grab pan zoom', hideTip);
    cy.on('dragfree', 'node', (e) => {
      userPlaced.current.add(e.target.id());
      lod.current?.schedule();
    });
    // Multi-select: report every selected node once per burst of select/unselect events (a box select fires many).
    let selectionQueued = false;
    cy.on('select unselect', () => {
      lod.current?.schedule();
      if (selectionQueued) return;
      selectionQueued = true;
      queueMicrotask(() => {
        selectionQueued = false;
        if (!cy.destroyed()) handlers.current.onSelectionChange?.(cy.nodes(':selected').map((n) => n.id()));
      });
    });

    // Level of detail: which labels are drawn, recomputed after zoom/pan settles, layouts, resizes and data changes.
    let timer: ReturnType<typeof setTimeout> | null = null;
    let frame = 0;
    const run = () => {
      timer = null;
      frame = 0;
      // While a layout or fit moves things, the labels wait; its end places them once.
      if (!cy.destroyed() && !layoutRunning.current && !fitting.current) updateLabels(cy);
    };
    lod.current = {
      schedule(now = false) {
        if (now) {
          if (timer) clearTimeout(timer);
          timer = null;
          if (!frame) frame = requestAnimationFrame(run);
          return;
        }
        if (timer) clearTimeout(timer);
        timer = setTimeout(run, 90);
      },
    };
    cy.on('viewport', () => lod.current?.schedule());
    cy.on('dragpan scrollzoom pinchzoom', () => void cy.scratch('_userMoved', true));
    cy.on('add remove data', () => lod.current?.schedule());

    // When the canvas changes size (the result table opens, the window resizes), keep its centre where it was.
    let size = { w: container.current?.clientWidth ?? 0, h: container.current?.clientHeight ?? 0 };
    const observer = new ResizeObserver(() => {
      const el = container.current;
      if (!el || cy.destroyed()) return;
      const next = { w: el.clientWidth, h: el.clientHeight };
      cy.resize();
      // Until the user pans or zooms, the picture keeps filling the canvas; after that, their view stays put.
      if (cy.scratch('_userMoved')) cy.panBy({ x: (next.w - size.w) / 2, y: (next.h - size.h) / 2 });
      else if (!layoutRunning.current) fitVisible(cy, false);
      size = next;
      lod.current?.schedule();
    });
    if (container.current) observer.observe(container.current);

    // The theme follows the OS setting unless <html data-theme> says otherwise; re-read it on either change.
    const restyle = () => {
      if (cy.destroyed()) return;
      theme.current = readTheme();
      cy.style(largeStyle.current ? largeViewStyle(theme.current) : graphStyle(theme.current));
      cy.nodes().forEach((n) => void n.removeScratch('_label'));
      lod.current?.schedule();
    };
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    media?.addEventListener('change', restyle);
    const themeObserver = new MutationObserver(restyle);
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });

    // Relationship words follow the UI language.
    const relabel = () => {
      if (cy.destroyed()) return;
      cy.batch(() => cy.edges().forEach((e) => void e.data('rel', relationLabel(String(e.data('type'))))));
    };
    i18n.on('languageChanged', relabel);

    const explorer: ExplorerGlobal = Object.defineProperties({} as ExplorerGlobal, {
      cy: { get: () => (cy.destroyed() ? null : cy), enumerable: true },
      layoutRunning: { get: () => layoutRunning.current || fitting.current, enumerable: true },
      labels: { value: () => (cy.destroyed() ? [] : shownLabels(cy)), enumerable: true },
    });
    Object.defineProperty(window, 'explorer', { value: explorer, configurable: true, enumerable: true, writable: false });

    return () => {
      observer.disconnect();
      themeObserver.disconnect();
      media?.removeEventListener('change', restyle);
      i18n.off('languageChanged', relabel);
      if (timer) clearTimeout(timer);
      if (frame) cancelAnimationFrame(frame);
      carried.current = { positions: new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }])), pan: { ...cy.pan() }, zoom: cy.zoom() };
      cy.destroy();
      cyRef.current = null;
    };
  }, [webgl]);

  // Large views are laid out off the main thread; only the newest request's answer is applied.
  const worker = useRef<Worker | null>(null);
  const layoutSerial = useRef(0);
  useEffect(() => () => worker.current?.terminate(), []);

  /** Ends a layout: everything drawn where it belongs, labels placed, a fit if one is due. */
  const settle = (cy: Core, fit: boolean, animate = true) => {
    if (cy.destroyed()) return;
    // layoutRunning stays true until the fit has ended and the labels are placed: tests measure after it.
    const end = () => {
      if (!cy.destroyed()) updateLabels(cy);
      layoutRunning.current = false;
    };
    if (fit || pendingFit.current) {
      pendingFit.current = false;
      fitVisible(cy, animate, end);
    } else {
      end();
    }
  };

  /** Moves nodes to their final positions (animated for small views), then settles. */
  const moveTo = (cy: Core, eles: Collection | NodeCollection, final: Record<string, { x: number; y: number }>, fit: boolean, serial: number, firstPicture = false) => {
    const nodes = eles.nodes();
    // Moving nodes shows where they go; a first picture has nowhere to come from, so it is drawn at once.
    const animate = nodes.length < 250 && !firstPicture;
    const layout = nodes.layout({ name: 'preset', positions: (n: NodeSingular) => final[n.id()] ?? n.position(), fit: false, animate, animationDuration: 380 } as unknown as LayoutOptions);
    layout.one('layoutstop', () => {
      if (serial === layoutSerial.current) settle(cy, fit, animate);
    });
    layout.run();
  };

  /** Runs the chosen layout over the visible elements; `fresh`: a new picture, `incremental`: new nodes around kept ones. */
  const runLayout = (cy: Core, name: LayoutName, mode: 'fresh' | 'incremental', fit: boolean) => {
    const serial = ++layoutSerial.current;
    layoutRunning.current = true;
    const eles = cy.elements(':visible');
    // While nodes move, only the labels that must be there are drawn; the level of detail places the rest after.
    // Labels go back to their base size first: layouts space nodes for labels as read at zoom 1, not as
    // enlarged for a zoomed-out view (which would spread the next layout further, and the next).
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        if (n.scratch('_label')) {
          n.removeStyle('font-size text-max-width');
          n.removeScratch('_label');
        }
        const must = n.selected() || n.hasClass('pinned') || n.hasClass('on-path') || n.hasClass('diff-renamed');
        if (must === n.hasClass('label-hidden')) n.toggleClass('label-hidden', !must);
      });
      cy.edges('.label-shown').removeClass('label-shown');
    });
    const nodes = eles.nodes();
    if (nodes.empty()) {
      settle(cy, false);
      return;
    }
    const keep = new Set<string>();
    nodes.forEach((n) => {
      if (n.locked() || userPlaced.current.has(n.id()) || (mode === 'incremental' && n.scratch('_laidOut'))) keep.add(n.id());
    });
    const before = new Map(nodes.map((n) => [n.id(), { ...n.position() }]));
    const firstPicture = nodes.toArray().every((n) => !n.scratch('_laidOut'));
    const finish = () => {
      // Parts holding kept nodes stay; new lone nodes and new separate parts are packed beside them.
      packAndTidy(cy, nodes, keep, aspectOf(container.current));
      const final: Record<string, { x: number; y: number }> = {};
      nodes.forEach((n) => {
        final[n.id()] = { ...n.position() };
        n.scratch('_laidOut', true);
      });
      // Back to where they were, then one animation to where they go.
      cy.batch(() => nodes.forEach((n) => void (n.locked() ? null : n.position(before.get(n.id())!))));
      moveTo(cy, eles, final, fit, serial, firstPicture);
    };
    if (name === 'fcose' && nodes.length > WORKER_LAYOUT_ABOVE) {
      worker.current ??= new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
      worker.current.onmessage = (event: MessageEvent<LayoutReply>) => {
        if (event.data.token !== serial || cy.destroyed()) return;
        cy.batch(() => nodes.forEach((n) => void (event.data.positions[n.id()] && !n.locked() ? n.position(event.data.positions[n.id()]!) : null)));
        finish();
      };
      const request: LayoutRequest = {
        token: serial,
        randomize: mode === 'fresh',
        nodes: nodes.map((n) => ({ id: n.id(), ...n.position(), label: n.data('label'), fontSize: n.data('fontSize'), textMaxWidth: n.data('textMaxWidth'), w: n.width(), h: n.height() })),
        edges: eles.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id(), type: e.data('type') })),
        fixed: [...keep],
      };
      worker.current.postMessage(request);
      return;
    }
    const fixed = [...keep].map((id) => ({ nodeId: id, position: before.get(id)! }));
    const options =
      name === 'fcose'
        ? ({ ...fcoseOptions(nodes.length, mode === 'fresh' || fixed.length === 0, { fixed, includeLabels: true }), animate: false, fit: false } as LayoutOptions)
        : staticLayoutOptions(name, nodes.length);
    // A force layout of a small view is cheap but varies run to run: try a few and keep the one that reads
    // largest on this screen (the highest zoom at which its nodes fit).
    const tries = name === 'fcose' && mode === 'fresh' && fixed.length === 0 && nodes.length <= 150 ? 3 : 1;
    let best: { score: number; positions: Map<string, { x: number; y: number }> } | null = null;
    for (let i = 0; i < tries; i++) {
      try {
        eles.layout(options).run();
      } catch {
        // fcose refuses some constraint sets (e.g. every node fixed); the positions stay as they are.
      }
      if (tries === 1) break;
      const bb = nodes.boundingBox(BODY_BOX);
      const score = Math.min(cy.width() / Math.max(bb.w + 160, 1), cy.height() / Math.max(bb.h + 80, 1));
      if (!best || score > best.score) best = { score, positions: new Map(nodes.map((n) => [n.id(), { ...n.position() }])) };
    }
    if (best) cy.batch(() => nodes.forEach((n) => void n.position(best.positions.get(n.id())!)));
    finish();
  };

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
    const placed: string[] = [];
    const neighbours = adjacency(props.elements);
    const wasVisible = new Set(cy.nodes(':visible').map((n) => n.id()));
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        if (!wanted.has(ele.id())) ele.remove();
      });
      const toAdd: ElementDefinition[] = [];
      for (const [id, el] of wanted) {
        const existing = cy.getElementById(id);
        const data = { ...(el.data as Record<string, unknown>) };
        // Relationship words come in the language shown now, whatever language the elements were made in.
        if (el.group === 'edges') data.rel = relationLabel(String(data.type));
        if (existing.nonempty()) {
          for (const [k, v] of Object.entries(data)) if (!MANAGED_DATA.has(k) && existing.data(k) !== v) existing.data(k, v);
          // Classes GraphView manages itself survive the update.
          const own = ['hover', 'kbd-focus', 'label-hidden', 'label-shown'].filter((c) => existing.hasClass(c));
          existing.classes([el.classes ?? '', ...own].join(' '));
        } else {
          // A shared link gives its nodes their places: they are drawn there, not laid out again.
          const given = el.group === 'nodes' ? el.position : undefined;
          if (given) placed.push(id);
          const kept = from?.positions.get(id) ?? given;
          toAdd.push(el.group === 'nodes' ? { ...el, data, position: kept ?? seedPosition(cy, neighbours.get(id)) } : { ...el, data });
          if (el.group === 'nodes' && !kept) added.push(id);
        }
      }
      // Nodes first, so edges find their ends.
      cy.add(toAdd.filter((e) => e.group === 'nodes'));
      cy.add(toAdd.filter((e) => e.group === 'edges'));
    });
    for (const id of placed) cy.getElementById(id).scratch('_laidOut', true);
    if (from) {
      cy.viewport({ zoom: from.zoom, pan: from.pan });
      cy.nodes().forEach((n) => void n.scratch('_laidOut', true));
    }
    const large = cy.elements().length > LARGE_VIEW_ABOVE;
    if (large !== largeStyle.current) {
      largeStyle.current = large;
      cy.style(large ? largeViewStyle(theme.current) : graphStyle(theme.current));
      cy.nodes().forEach((n) => void n.removeScratch('_label'));
    }
    // The renderer reads these two options live; Cytoscape only exposes them at construction.
    const renderer = (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean; textureOnViewport: boolean } }).renderer();
    renderer.hideEdgesOnViewport = large;
    renderer.textureOnViewport = large;
    const relayout = props.layoutToken !== lastLayoutToken.current || props.layout !== lastLayoutName.current;
    lastLayoutToken.current = props.layoutToken;
    lastLayoutName.current = props.layout;
    // Nodes that a filter brings back count as new for the layout only if they never had a place.
    const shownAgain = cy.nodes(':visible').filter((n) => !wasVisible.has(n.id()) && !n.scratch('_laidOut'));
    if (relayout) {
      // An explicit re-layout starts afresh; only pinned nodes stay.
      userPlaced.current.clear();
      runLayout(cy, props.layout, 'fresh', true);
    } else if (added.length > 0 || shownAgain.nonempty()) {
      const all = cy.nodes().toArray().every((n) => !n.scratch('_laidOut'));
      // An expansion re-fits too, so the new neighbours are on screen, but never zooms in beyond readable.
      runLayout(cy, props.layout, all ? 'fresh' : 'incremental', true);
    } else {
      if (placed.length > 0) cy.fit(cy.elements(':visible'), 40);
      lod.current?.schedule();
    }
  }, [props.elements, props.layout, props.layoutToken, webgl]);

  // Fit when asked, once the layout has settled.
  const lastFitToken = useRef(props.fitToken);
  useEffect(() => {
    if (props.fitToken === lastFitToken.current) return;
    lastFitToken.current = props.fitToken;
    const cy = cyRef.current;
    if (!cy) return;
    if (layoutRunning.current) {
      pendingFit.current = true;
      return;
    }
    fitting.current = true;
    fitVisible(cy, true, () => {
      fitting.current = false;
      if (!cy.destroyed()) updateLabels(cy);
    });
  }, [props.fitToken]);

  // The app's selection: a node already in a multi-selection stays with the others; anything else selects alone.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      if (!props.selectedId) {
        cy.$(':selected').unselect();
        return;
      }
      const target = cy.getElementById(props.selectedId);
      if (target.nonempty() && target.selected()) return;
      cy.$(':selected').unselect();
      target.select();
    });
  }, [props.selectedId, webgl]);

  // A freshly added selected element (e.g. the node a link opened) is selected once it exists.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !props.selectedId) return;
    const target = cy.getElementById(props.selectedId);
    if (target.nonempty() && !target.selected()) target.select();
  }, [props.elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes().forEach((n) => {
      if (props.pinned.has(n.id())) n.lock();
      else n.unlock();
    });
  }, [props.pinned, props.elements, webgl]);

  useImperativeHandle(ref, () => ({
    png: () => cyRef.current?.png({ output: 'base64uri', bg: theme.current.bg, full: true, scale: 2 }) ?? null,
    fit: (ids?: string[]) => {
      const cy = cyRef.current;
      if (!cy) return;
      const wanted = new Set(ids ?? []);
      if (wanted.size === 0) {
        fitVisible(cy, true, () => lod.current?.schedule(true));
        return;
      }
      const eles = cy.elements(':visible').filter((e) => wanted.has(e.id()));
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

  /** Keyboard on the focused canvas: arrows walk to a neighbour, Enter expands, Escape clears. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy || e.altKey || e.ctrlKey || e.metaKey) return;
    const direction = ARROWS[e.key];
    const current = currentNode(cy, focusId.current, handlers.current.selectedId);
    if (direction) {
      e.preventDefault();
      const next = current ? neighbourToward(cy, current, direction) : mostImportant(cy);
      if (!next) return;
      focusNode(cy, next);
      handlers.current.onNodeTap(next.id());
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      handlers.current.onNodeDoubleTap(current.id());
    } else if (e.key === 'Escape') {
      cy.$(':selected').unselect();
      cy.$('.kbd-focus').removeClass('kbd-focus');
      focusId.current = null;
      setTooltip(null);
      handlers.current.onBackgroundTap();
      handlers.current.onSelectionChange?.([]);
    }
  };

  /** Marks the node the keyboard is on, keeps it on screen and shows its tooltip. */
  const focusNode = (cy: Core, node: NodeSingular) => {
    cy.$('.kbd-focus').removeClass('kbd-focus');
    node.addClass('kbd-focus');
    focusId.current = node.id();
    const ext = cy.extent();
    const p = node.position();
    const inView = p.x > ext.x1 && p.x < ext.x2 && p.y > ext.y1 && p.y < ext.y2;
    const show = () => {
      const rect = container.current?.getBoundingClientRect();
      if (!rect || node.removed()) return;
      const r = node.renderedPosition();
      setTooltip({ kind: 'node', id: node.id(), x: rect.left + r.x, y: rect.top + r.y + node.renderedHeight() / 2 });
    };
    if (inView) show();
    else cy.animate({ center: { eles: node } }, { duration: 200, complete: show });
    lod.current?.schedule(true);
  };

  const onFocus = () => {
    const cy = cyRef.current;
    if (!cy) return;
    const node = currentNode(cy, focusId.current, handlers.current.selectedId);
    if (node) focusNode(cy, node);
  };

  const onBlur = () => {
    const cy = cyRef.current;
    cy?.$('.kbd-focus').removeClass('kbd-focus');
    if (tooltipRef.current && tooltipRef.current.id === focusId.current) setTooltip(null);
  };

  const tipElement = tooltip && cyRef.current ? (cyRef.current.getElementById(tooltip.id) as NodeSingular | EdgeSingular) : null;

  return (
    <>
      <div
        ref={container}
        className="graph-canvas"
        data-testid="graph-canvas"
        role="application"
        aria-label={`${t('canvas.label')}. ${t('canvas.help')}`}
        aria-describedby={tooltip ? TOOLTIP_ID : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
      />
      <GraphTooltip target={tooltip} element={tipElement && tipElement.nonempty() ? tipElement : null} fallback={{ bg: theme.current.tooltipBg, fg: theme.current.tooltipFg }} />
    </>
  );
});

/** A fit to one or two nodes would fill the screen with them; hold the zoom at a readable level instead. */
function capZoom(cy: Core): void {
  if (cy.destroyed() || cy.zoom() <= MAX_FIT_ZOOM) return;
  const visible = cy.elements(':visible');
  cy.zoom(MAX_FIT_ZOOM);
  cy.center(visible);
}

/**
 * Fits the visible nodes' bodies, with room around them for the labels the level of detail will draw (hidden
 * labels do not widen the picture), never beyond a readable zoom.
 */
function fitVisible(cy: Core, animate: boolean, done?: () => void): void {
  cy.scratch('_userMoved', false);
  const nodes = cy.nodes(':visible');
  if (nodes.empty()) {
    done?.();
    return;
  }
  const bb = nodes.boundingBox(BODY_BOX);
  const pad = { x: 80, top: 24, bottom: 48 };
  const w = Math.max(1, cy.width() - 2 * pad.x);
  const h = Math.max(1, cy.height() - pad.top - pad.bottom);
  const zoom = Math.max(cy.minZoom(), Math.min(MAX_FIT_ZOOM, w / Math.max(bb.w, 1), h / Math.max(bb.h, 1)));
  const cxm = (bb.x1 + bb.x2) / 2;
  const cym = (bb.y1 + bb.y2) / 2;
  const pan = { x: cy.width() / 2 - cxm * zoom, y: pad.top + h / 2 - cym * zoom };
  if (!animate) {
    cy.viewport({ zoom, pan });
    done?.();
    return;
  }
  // Called once: when the animation completes, or after a grace period if something stopped it.
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    done?.();
  };
  cy.animate({ zoom, pan }, { duration: 300, complete: once });
  setTimeout(once, 1200);
}

function aspectOf(el: HTMLElement | null): number {
  const w = el?.clientWidth ?? 0;
  const h = el?.clientHeight ?? 0;
  return w > 0 && h > 0 ? w / h : 1.6;
}

const toBox = (b: { x1: number; y1: number; x2: number; y2: number }): Box => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
const LABEL_BOX = { includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false, includeUnderlays: false } as const;
const BODY_BOX = { includeNodes: true, includeEdges: false, includeLabels: false, includeOverlays: false, includeUnderlays: false } as const;

/**
 * After a fresh layout: connected parts side by side (the largest, or the ones holding fixed nodes, stay) and
 * lone nodes in a grid spaced by their label sizes, placed like one more part. Boxes include labels.
 */
function packAndTidy(cy: Core, nodes: NodeCollection, keep: ReadonlySet<string>, aspect: number): void {
  const visibleEdges = nodes.connectedEdges(':visible');
  const lone = nodes.filter((n: NodeSingular) => n.connectedEdges(':visible').empty() && !keep.has(n.id()));
  const rest = nodes.difference(lone) as NodeCollection;
  const parts: Part[] = [];
  const members = new Map<string, NodeCollection>();
  rest.union(visibleEdges).components().forEach((c, i) => {
    const cn = c.nodes().intersection(rest) as unknown as NodeCollection;
    if (cn.empty()) return;
    const id = `part-${i}`;
    members.set(id, cn);
    parts.push({ id, box: toBox(cn.boundingBox({ includeLabels: true, includeOverlays: false })), fixed: cn.toArray().some((n) => keep.has(n.id())) });
  });
  const boxes = lone.toArray().map((n) => ({ n: n as NodeSingular, bb: n.boundingBox({ includeLabels: true, includeOverlays: false }) }));
  const grid = loneGrid(
    boxes.map(({ n, bb }) => ({ id: n.id(), w: bb.w, h: bb.h })),
    PACK_GAP / 2,
    aspect,
  );
  if (boxes.length > 0) parts.push({ id: 'lone', box: { x1: 0, y1: 0, x2: grid.w, y2: grid.h } });
  if (parts.length === 0) return;
  const shifts = packParts(parts, { gap: PACK_GAP, aspect });
  cy.batch(() => {
    for (const [id, cn] of members) {
      const s = shifts.get(id);
      if (s && (s.dx || s.dy)) cn.forEach((n) => void (n.locked() ? null : n.position({ x: n.position().x + s.dx, y: n.position().y + s.dy })));
    }
    const s = shifts.get('lone') ?? { dx: 0, dy: 0 };
    for (const { n, bb } of boxes) {
      const cell = grid.positions.get(n.id())!;
      // The grid centres the node's whole box (body and label); the node's position is its body's centre.
      const offX = n.position().x - (bb.x1 + bb.x2) / 2;
      const offY = n.position().y - (bb.y1 + bb.y2) / 2;
      n.position({ x: s.dx + cell.x + offX, y: s.dy + cell.y + offY });
    }
  });
}

/**
 * Level of detail: rank every visible label (always-shown ones first: selected, pinned, on the path, hovered,
 * focused, renamed), then keep greedily those that overlap no kept label and no other node's body. Edge labels
 * compete only on hover, selection or from EDGE_LABEL_ZOOM on, below every node label.
 */
function updateLabels(cy: Core): void {
  const zoom = cy.zoom();
  scaleLabels(cy, zoom);
  const ext = cy.extent();
  const view: Box = { x1: ext.x1, y1: ext.y1, x2: ext.x2, y2: ext.y2 };
  const candidates: LabelCandidate[] = [];
  const obstacles: Obstacle[] = [];
  const nodes = cy.nodes(':visible');
  nodes.forEach((n) => {
    const body = toBox(n.boundingBox(BODY_BOX));
    if (!overlaps(body, inflate(view, 200 / zoom))) return;
    obstacles.push({ id: n.id(), box: body });
    const always = n.selected() || n.hasClass('pinned') || n.hasClass('on-path') || n.hasClass('hover') || n.hasClass('kbd-focus') || n.hasClass('diff-renamed');
    if (!String(n.data('label') ?? '')) return;
    const tooSmall = ((n.scratch('_label') as { fs: number } | undefined)?.fs ?? (Number(n.data('fontSize')) || 12)) * zoom < MIN_LABEL_PX;
    if (tooSmall && !always) return;
    const box = toBox(n.boundingBox(LABEL_BOX));
    if (!always && !inside(box, view)) return;
    const dim = n.hasClass('undated') || n.hasClass('off-path') ? 2500 : 0;
    const what = { kind: String(n.data('kind')), degree: Number(n.data('degree')) || n.degree(false) };
    candidates.push({ id: n.id(), box, owner: n.id(), always, overBodies: isHub(what) && !dim, rank: labelRank(what) - dim });
  });
  const edgeZoom = zoom >= EDGE_LABEL_ZOOM;
  cy.edges(':visible').forEach((e) => {
    const always = e.selected() || e.hasClass('hover');
    if (!always && !edgeZoom) return;
    if (!String(e.data('rel') ?? '') || (e as unknown as { pstyle(p: string): { strValue: string } }).pstyle('label').strValue === '') return;
    const box = toBox(e.boundingBox(LABEL_BOX));
    if (!always && !inside(box, view)) return;
    candidates.push({ id: e.id(), box, always, rank: -1000 + (Number(e.data('evidenceCount')) || 0) });
  });
  const shown = placeLabels(candidates, obstacles, LABEL_MARGIN_PX / zoom);
  cy.batch(() => {
    nodes.forEach((n) => {
      const hide = !shown.has(n.id());
      if (hide !== n.hasClass('label-hidden')) n.toggleClass('label-hidden', hide);
    });
    cy.edges().forEach((e) => {
      const show = shown.has(e.id());
      if (show !== e.hasClass('label-shown')) e.toggleClass('label-shown', show);
    });
  });
}

/** Semantic zoom: zoomed out, labels grow in model units so they stay readable on screen (hubs larger than leaves). */
function scaleLabels(cy: Core, zoom: number): void {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const font = Number(n.data('fontSize')) || 12;
      const target = readablePx(font);
      const scale = Math.min(MAX_LABEL_SCALE, Math.max(1, target / (font * zoom)));
      const fs = Math.round(font * scale * 10) / 10;
      const tmw = Math.round((Number(n.data('textMaxWidth')) || 140) * scale);
      // A style bypass, not data: Cytoscape re-wraps and re-measures labels reliably only on a style change.
      const applied = n.scratch('_label') as { fs: number; tmw: number } | undefined;
      if (!applied || Math.abs(applied.fs - fs) > 0.04 * fs || applied.tmw !== tmw) {
        n.style({ 'font-size': fs, 'text-max-width': tmw });
        n.scratch('_label', { fs, tmw });
      }
    });
  });
}

/** The smallest on-screen size a label of this base size is drawn at: about 9.5 px for leaves, 13 px for hubs. */
function readablePx(font: number): number {
  return 9.5 + Math.max(0, font - 10.5) * 0.55;
}

const MAX_LABEL_SCALE = 2.5;

function inside(a: Box, b: Box): boolean {
  return a.x1 >= b.x1 && a.x2 <= b.x2 && a.y1 >= b.y1 && a.y2 <= b.y2;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;
}

/** The labels drawn now, in rendered pixels (for window.explorer.labels()). */
function shownLabels(cy: Core): { id: string; group: 'nodes' | 'edges'; text: string; box: Box }[] {
  const out: { id: string; group: 'nodes' | 'edges'; text: string; box: Box }[] = [];
  const toRendered = (b: Box): Box => {
    const z = cy.zoom();
    const p = cy.pan();
    return { x1: b.x1 * z + p.x, y1: b.y1 * z + p.y, x2: b.x2 * z + p.x, y2: b.y2 * z + p.y };
  };
  cy.nodes(':visible').forEach((n) => {
    if (n.hasClass('label-hidden') || !n.data('label')) return;
    out.push({ id: n.id(), group: 'nodes', text: String(n.data('label')), box: toRendered(toBox(n.boundingBox(LABEL_BOX))) });
  });
  cy.edges(':visible.label-shown').forEach((e) => {
    out.push({ id: e.id(), group: 'edges', text: String(e.data('rel')), box: toRendered(toBox(e.boundingBox(LABEL_BOX))) });
  });
  return out;
}

const ARROWS: Record<string, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

function currentNode(cy: Core, focus: string | null, selected: string | null): NodeSingular | null {
  for (const id of [focus, selected]) {
    if (!id) continue;
    const n = cy.getElementById(id);
    if (n.nonempty() && n.isNode() && n.visible()) return n as NodeSingular;
  }
  return null;
}

/** The best connected visible node nearest the middle of the screen: where the keyboard starts. */
function mostImportant(cy: Core): NodeSingular | null {
  let best: NodeSingular | null = null;
  let score = -Infinity;
  const ext = cy.extent();
  const cx = (ext.x1 + ext.x2) / 2;
  const cyy = (ext.y1 + ext.y2) / 2;
  cy.nodes(':visible').forEach((n) => {
    const p = n.position();
    const s = labelRank({ kind: String(n.data('kind')), degree: n.degree(false) }) - Math.hypot(p.x - cx, p.y - cyy) / 50;
    if (s > score) {
      score = s;
      best = n;
    }
  });
  return best;
}

/**
 * The neighbour in the arrow's direction: among linked visible nodes in that half-plane, the nearest one,
 * weighted towards the straight line; with no linked node that way, the nearest visible node that way.
 */
function neighbourToward(cy: Core, from: NodeSingular, dir: { x: number; y: number }): NodeSingular | null {
  const pick = (pool: NodeCollection): NodeSingular | null => {
    let best: NodeSingular | null = null;
    let bestScore = Infinity;
    const p = from.position();
    pool.forEach((n: NodeSingular) => {
      if (n.id() === from.id()) return;
      const q = n.position();
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      const dist = Math.hypot(dx, dy);
      if (dist === 0) return;
      const cos = (dx * dir.x + dy * dir.y) / dist;
      if (cos <= 0.3) return;
      const s = dist * (1 + 2 * (1 - cos));
      if (s < bestScore) {
        bestScore = s;
        best = n as NodeSingular;
      }
    });
    return best;
  };
  return pick(from.neighborhood('node:visible') as unknown as NodeCollection) ?? pick(cy.nodes(':visible'));
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

