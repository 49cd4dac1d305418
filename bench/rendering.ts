/**
 * Rendering benchmark: headless Chromium opens bench/render/index.html for each size and renderer, the page
 * measures time to a laid-out interactive view and frames per second while panning (see render/page.ts).
 * Canvas and WebGL run alternately (canvas, webgl, webgl, canvas, …) so drift on a shared machine hits both.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { syntheticGraph } from './render/graphData';
import type { RenderResult } from './render/page';
import { log } from './lib/util';

const ROOT = new URL('..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags of tests/support/browser.ts, plus the software GL that headless Chromium needs for WebGL. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

async function bundle(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { page: join(ROOT, 'bench/render/page.ts'), layoutWorker: join(ROOT, 'bench/render/layoutWorker.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    outdir: outDir,
    logLevel: 'error',
  });
}

async function serve(outDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const cache = new Map<number, string>();
  const html = readFileSync(join(ROOT, 'bench/render/index.html'));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else if (url.pathname === '/page.js' || url.pathname === '/layoutWorker.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(join(outDir, url.pathname.slice(1))));
    } else if (url.pathname === '/graph.json') {
      const n = Math.min(100_000, Math.max(2, Number(url.searchParams.get('n')) || 500));
      if (!cache.has(n)) cache.set(n, JSON.stringify(syntheticGraph(n)));
      res.writeHead(200, { 'content-type': 'application/json' }).end(cache.get(n));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('render server has no port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A measurement that failed (e.g. ran past its time limit) counts as 0 fps, with the reason kept. */
function failed(n: number, renderer: string, layout: string, err: unknown): RenderResult & { error: string } {
  const error = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  log(`  ${renderer} at ${n} elements failed: ${error}`);
  return { n, renderer, layout, nodes: 0, edges: 0, fetchMs: NaN, layoutMs: NaN, longestFrameGapMs: NaN, interactiveMs: NaN, fps: 0, frames: 0, panMs: 0, panByFps: 0, glRenderer: 'unknown', webglActive: false, error };
}

/** The browser, relaunched when a crash (e.g. of the software GL process) took it down. */
class BrowserHolder {
  private browser: Browser | undefined;
  async get(): Promise<Browser> {
    if (!this.browser?.isConnected()) {
      if (this.browser) log('  the browser died; launching a new one');
      this.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    }
    return this.browser;
  }
  async close(): Promise<void> {
    await this.browser?.close().catch(() => {});
  }
}

async function measure(holder: BrowserHolder, base: string, n: number, renderer: 'canvas' | 'webgl', layout: 'worker' | 'main', panMs: number): Promise<RenderResult> {
  try {
    return await measureOnce(await holder.get(), base, n, renderer, layout, panMs);
  } catch (err) {
    return failed(n, renderer, layout, err);
  }
}

async function measureOnce(browser: Browser, base: string, n: number, renderer: 'canvas' | 'webgl', layout: 'worker' | 'main', panMs: number): Promise<RenderResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${base}/?n=${n}&renderer=${renderer}&layout=${layout}&panMs=${panMs}`);
    await page.waitForFunction(() => window.benchResult !== undefined, undefined, { timeout: 300_000, polling: 250 });
    const result = await page.evaluate(() => window.benchResult!);
    if ('error' in result) throw new Error(`${renderer} at ${n}: ${result.error}`);
    Object.assign(result, await dragPan(page, panMs));
    if (!result.dragPanned) throw new Error(`${renderer} at ${n}: the view did not move during the mouse drag (a press on a node, or a page too busy to take the mouse)`);
    if (errors.length) log(`  page errors (${renderer} ${n}): ${errors.slice(0, 3).join(' | ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/**
 * Pans the way a user does: presses on the background and drags back and forth with real mouse events for
 * `panMs`, while the page counts animation frames. Moves are sent as fast as the page takes them.
 */
async function dragPan(page: Page, panMs: number): Promise<Pick<RenderResult, 'fps' | 'frames' | 'panMs' | 'dragPanned'>> {
  const from = await page.evaluate(() => window.benchDrag!.from);
  const box = (await page.locator('#cy').boundingBox())!;
  const x0 = box.x + from.x;
  const y0 = box.y + from.y;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  // Past Cytoscape's drag threshold before counting, so every counted frame is a panning frame.
  await page.mouse.move(x0 + 12, y0 + 8, { steps: 3 });
  await page.evaluate(() => window.benchDrag!.start());
  const started = Date.now();
  for (let i = 0; Date.now() - started < panMs; i++) {
    const t = (i % 120) / 120;
    const k = Math.sin(2 * Math.PI * t);
    await page.mouse.move(x0 + 12 + 150 * k, y0 + 8 + 90 * Math.sin(4 * Math.PI * t));
  }
  const got = await page.evaluate(() => window.benchDrag!.stop());
  await page.mouse.up();
  return { fps: (got.frames / got.ms) * 1000, frames: got.frames, panMs: got.ms, dragPanned: got.panned };
}

export interface RenderRow {
  n: number;
  canvas: RenderResult;
  webgl: RenderResult;
  /** The same view with the layout run on the main thread (as GraphView does today), canvas renderer. */
  mainThread?: RenderResult;
}

export interface RenderBench {
  rows: RenderRow[];
  glRenderer: string;
  /** WebGL is used above this many elements; null when it never won. */
  webglAbove: number | null;
  rule: string;
}

const average = (a: RenderResult, b: RenderResult): RenderResult => ({
  ...a,
  fps: (a.fps + b.fps) / 2,
  panByFps: (a.panByFps + b.panByFps) / 2,
  dragPanned: Boolean(a.dragPanned && b.dragPanned),
  interactiveMs: (a.interactiveMs + b.interactiveMs) / 2,
  layoutMs: (a.layoutMs + b.layoutMs) / 2,
  longestFrameGapMs: Math.max(a.longestFrameGapMs, b.longestFrameGapMs),
});

/** WebGL must beat canvas by this factor in fps to count as a win (noise on a shared machine is ~5–10 %). */
const WIN_FACTOR = 1.1;

/** Runs every size with both renderers; writes the threshold for the UI when `thresholdFile` is given. */
export async function benchRendering(sizes: number[], opts: { reps: number; panMs: number; thresholdFile?: string; mainThreadUpTo: number }): Promise<RenderBench> {
  const outDir = join(ROOT, '.data', 'bench-render');
  await bundle(outDir);
  const server = await serve(outDir);
  const browser = new BrowserHolder();
  const rows: RenderRow[] = [];
  try {
    for (const n of sizes) {
      const got: Record<'canvas' | 'webgl', RenderResult[]> = { canvas: [], webgl: [] };
      for (let rep = 0; rep < opts.reps; rep++) {
        const order: ('canvas' | 'webgl')[] = rep % 2 === 0 ? ['canvas', 'webgl'] : ['webgl', 'canvas'];
        for (const renderer of order) got[renderer].push(await measure(browser, server.url, n, renderer, 'worker', opts.panMs));
      }
      // Failed runs (a crash, a time-out) only count when nothing succeeded.
      const pick = (list: RenderResult[]) => {
        const ok = list.filter((r) => !('error' in r));
        return ok.length > 1 ? average(ok[0]!, ok[1]!) : (ok[0] ?? list[0]!);
      };
      const row: RenderRow = { n, canvas: pick(got.canvas), webgl: pick(got.webgl) };
      if (n <= opts.mainThreadUpTo) row.mainThread = await measure(browser, server.url, n, 'canvas', 'main', Math.min(opts.panMs, 1000));
      rows.push(row);
      log(
        `  ${n} elements: canvas ${row.canvas.fps.toFixed(1)} fps, interactive ${row.canvas.interactiveMs.toFixed(0)} ms; webgl ${row.webgl.fps.toFixed(1)} fps, interactive ${row.webgl.interactiveMs.toFixed(0)} ms` +
          (row.mainThread ? `; main-thread layout froze the page ${row.mainThread.longestFrameGapMs.toFixed(0)} ms` : ''),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // WebGL from the smallest size at which it wins and keeps winning at every larger size.
  let firstWin: number | null = null;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i]!.webgl.fps > rows[i]!.canvas.fps * WIN_FACTOR) firstWin = i;
    else break;
  }
  const webglAbove = firstWin === null ? null : firstWin === 0 ? 0 : rows[firstWin - 1]!.n;
  const glRenderer = rows.map((r) => r.webgl.glRenderer).find((g) => g !== 'unknown') ?? 'unknown';
  const rule = `WebGL counts as winning at a size when its panning fps exceeds canvas by more than ${Math.round((WIN_FACTOR - 1) * 100)} %; the threshold is the largest measured size below the first win that holds at every larger size.`;
  if (opts.thresholdFile) {
    writeFileSync(
      opts.thresholdFile,
      JSON.stringify(
        {
          webglAbove,
          measuredOn: `${new Date().toISOString().slice(0, 10)}, headless Chromium (${glRenderer}), sizes ${sizes.join('/')} elements, by npm run bench`,
        },
        null,
        2,
      ) + '\n',
    );
  }
  return { rows, glRenderer, webglAbove, rule };
}
