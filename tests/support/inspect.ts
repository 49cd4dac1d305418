import { readFileSync } from 'node:fs';
/**
 * What a reader sees on the page, computed in the page: label boxes from Cytoscape (`window.explorer.cy`),
 * truncated labels, the contrast of typed text, and axe-core violations. The pure parts (geometry, contrast)
 * live in geometry.ts and contrast.ts and are unit-tested.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './app';
import { contrastRatio, effectiveBackground, parseColor } from './contrast';
import type { Box } from './geometry';

/** What the page exposes for tests and analysts' console scripts (issue 11, point 9). */
interface ExplorerGlobal {
  explorer?: { cy?: import('cytoscape').Core; layoutRunning?: boolean };
}

/**
 * Waits until the page's Cytoscape has nodes, its layout has finished and the viewport has stopped moving
 * (the fit after a layout is animated). Fails with a message that says which of these is missing.
 */
export async function waitForGraph(page: Page, timeout = 45_000): Promise<void> {
  try {
    await page.waitForFunction(
      () => {
        const w = window as unknown as ExplorerGlobal & { __lastView?: string; __stableFrames?: number };
        const cy = w.explorer?.cy;
        if (!cy || cy.nodes().length === 0 || w.explorer?.layoutRunning !== false) return false;
        // Level of detail fades labels in and out (a text-opacity transition) after the viewport settles:
        // the view is stable when viewport, node count and every label's opacity stayed the same for a second.
        let labels = 0;
        cy.nodes().forEach((n) => {
          labels += Math.round(Number((n as unknown as { pstyle(p: string): { value: unknown } }).pstyle('text-opacity').value) * 100);
        });
        const view = `${cy.zoom().toFixed(4)}:${cy.pan().x.toFixed(1)}:${cy.pan().y.toFixed(1)}:${cy.nodes().length}:${labels}:${cy.nodes(':visible').length}`;
        w.__stableFrames = view === w.__lastView ? (w.__stableFrames ?? 0) + 1 : 0;
        w.__lastView = view;
        return w.__stableFrames >= 10;
      },
      undefined,
      { timeout, polling: 100 },
    );
  } catch (err) {
    const state = await page.evaluate(() => {
      const e = (window as unknown as ExplorerGlobal).explorer;
      if (!e) return 'window.explorer is missing (GraphView should expose { cy, layoutRunning })';
      if (!e.cy) return 'window.explorer.cy is missing';
      return `cy has ${e.cy.nodes().length} nodes, layoutRunning = ${String(e.layoutRunning)}`;
    });
    throw new Error(`The graph did not settle within ${timeout} ms: ${state}. (${(err as Error).message.split('\n')[0]})`);
  }
}

export interface LabelBox extends Box {
  kind: string;
}

/**
 * The screen box of every node label a reader can see: the node is visible, its label is non-empty, its text and
 * the node are not transparent, Cytoscape draws it at this zoom (`min-zoomed-font-size`), and it lies at least
 * partly inside the canvas. Boxes come from Cytoscape's label bounds in model coordinates, turned into page
 * pixels with zoom, pan and the canvas's position.
 */
export async function labelBoxes(page: Page): Promise<LabelBox[]> {
  return page.evaluate(() => {
    const cy = (window as unknown as ExplorerGlobal).explorer?.cy;
    if (!cy) throw new Error('window.explorer.cy is missing');
    const zoom = cy.zoom();
    const pan = cy.pan();
    const rect = cy.container()!.getBoundingClientRect();
    const renderer = (cy as unknown as { renderer(): { getLabelText(ele: unknown): string } }).renderer();
    const out: { id: string; kind: string; text: string; x1: number; y1: number; x2: number; y2: number }[] = [];
    cy.nodes().forEach((n) => {
      if (!n.visible() || n.effectiveOpacity() <= 0) return;
      const ps = (n as unknown as { pstyle(name: string): { strValue?: string; value?: unknown; pfValue?: number } }).pstyle.bind(n);
      const label = String(ps('label').strValue ?? '').trim();
      if (!label) return;
      if (Number(ps('text-opacity').value) <= 0) return;
      const minZoomed = Number(ps('min-zoomed-font-size').pfValue ?? 0);
      if (minZoomed > 0 && Number(ps('font-size').pfValue) * zoom < minZoomed) return;
      const bb = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeOverlays: false } as never);
      if (!(bb.w > 0 && bb.h > 0)) return;
      const box = { x1: rect.left + bb.x1 * zoom + pan.x, y1: rect.top + bb.y1 * zoom + pan.y, x2: rect.left + bb.x2 * zoom + pan.x, y2: rect.top + bb.y2 * zoom + pan.y };
      if (box.x2 <= rect.left || box.x1 >= rect.right || box.y2 <= rect.top || box.y1 >= rect.bottom) return;
      out.push({ id: n.id(), kind: String(n.data('kind') ?? ''), text: renderer.getLabelText(n).replace(/\s+/g, ' ').trim(), ...box });
    });
    return out;
  });
}

export interface TruncatedLabel {
  id: string;
  kind: string;
  /** What the canvas draws. */
  drawn: string;
  /** The node's full name. */
  name: string;
}

/**
 * Labels of nodes of these kinds that a reader sees cut: the drawn text (after Cytoscape's wrapping or
 * ellipsis) ends in an ellipsis, or is neither the full name nor the node's short form (SKR, DIGG; from the
 * node's data `shortName`/`short`, or else any 2–6 capital letters) nor a rename "SKL → SKR".
 */
export async function truncatedLabels(page: Page, kinds: readonly string[] = ['Actor', 'Person']): Promise<TruncatedLabel[]> {
  const boxes = await labelBoxes(page);
  const drawn = new Map(boxes.filter((b) => kinds.includes(b.kind)).map((b) => [b.id, b.text]));
  const names = await page.evaluate((ids) => {
    const cy = (window as unknown as ExplorerGlobal).explorer!.cy!;
    return ids.map((id) => {
      const d = cy.getElementById(id).data() as Record<string, unknown>;
      const pick = (...keys: string[]) => keys.map((k) => d[k]).find((v): v is string => typeof v === 'string' && v.length > 0) ?? '';
      return { id, name: pick('fullName', 'name', 'label'), short: pick('shortName', 'short') };
    });
  }, [...drawn.keys()]);
  const norm = (s: string) => s.replace(/[\s\u200b\u00ad]+/g, ' ').trim();
  const out: TruncatedLabel[] = [];
  for (const { id, name, short } of names) {
    const text = norm(drawn.get(id) ?? '');
    const kind = boxes.find((b) => b.id === id)!.kind;
    const isShort = short ? text === short : /^[A-ZÅÄÖ]{2,6}$/.test(text);
    const isRename = /^\S+ → \S+$/.test(text);
    const ok = !/(…|\.\.\.)$/.test(text) && (text === norm(name) || isShort || isRename || (text.length >= norm(name).length && text.includes(norm(name))));
    if (!ok) out.push({ id, kind, drawn: text, name });
  }
  return out;
}

export interface InputContrast {
  /** data-testid, id, name or aria-label of the field. */
  field: string;
  color: string;
  background: string;
  ratio: number;
}

/**
 * Types into every visible, enabled text field (input, textarea; a select is read as it is) and measures the
 * WCAG contrast of the typed text against what is behind it: the field's and its ancestors' backgrounds,
 * composited, innermost first. Each field gets its old value back and Escape afterwards, so an autocomplete
 * that opened closes again.
 */
export async function inputContrast(page: Page, sample = 'Åsa Öberg'): Promise<InputContrast[]> {
  const nonText = new Set(['checkbox', 'radio', 'range', 'file', 'hidden', 'button', 'submit', 'reset', 'color', 'image']);
  const fields = page.locator('input, textarea, select');
  const count = await fields.count();
  const out: InputContrast[] = [];
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible()) || !(await field.isEnabled())) continue;
    const info = await field.evaluate((el) => ({
      tag: el.tagName.toLowerCase(),
      type: (el as HTMLInputElement).type ?? '',
      readOnly: (el as HTMLInputElement).readOnly === true,
      value: (el as HTMLInputElement).value ?? '',
      // A date field (type=date, or a text field whose pattern asks for yyyy-mm-dd) gets a date.
      dateLike: (el as HTMLInputElement).type === 'date' || /\\d\{4\}/.test(el.getAttribute('pattern') ?? ''),
      name: el.getAttribute('data-testid') ?? (el.id || el.getAttribute('name') || el.getAttribute('aria-label') || el.tagName.toLowerCase()),
    }));
    if (info.tag === 'input' && nonText.has(info.type)) continue;
    const typed = info.tag !== 'select' && !info.readOnly;
    if (typed) await field.fill(info.dateLike ? '2019-06-01' : info.type === 'number' ? '5' : sample);
    const colours = await field.evaluate((el) => {
      const cs = getComputedStyle(el);
      const fill = cs.getPropertyValue('-webkit-text-fill-color');
      const layers: string[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        layers.push(bg);
        if (!/rgba\(.*,\s*0(\.0+)?\)$|^transparent$/.test(bg) && !/\/\s*0\)$/.test(bg) && (bg.startsWith('rgb(') || /,\s*1\)$/.test(bg))) break;
      }
      return { color: fill && fill !== cs.color && fill !== 'currentcolor' ? fill : cs.color, layers };
    });
    if (typed) {
      await field.fill(info.value);
      await page.keyboard.press('Escape');
    }
    const bg = effectiveBackground(colours.layers);
    const ratio = contrastRatio(parseColor(colours.color), bg);
    out.push({ field: info.name, color: colours.color, background: `rgb(${bg.r.toFixed(0)}, ${bg.g.toFixed(0)}, ${bg.b.toFixed(0)})`, ratio: Math.round(ratio * 100) / 100 });
  }
  return out;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements (first few). */
  targets: string[];
}

/** Runs axe-core (from node_modules) on the page and returns its serious and critical violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol, which the app's Content Security Policy (script-src 'self') rightly
  // does not let an inline <script> tag do.
  if (!loaded) await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A short, readable list of violations for an assertion message. */
export function describeViolations(vs: readonly AxeViolation[]): string {
  return vs.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`).join('\n');
}
