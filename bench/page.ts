/**
 * The page (issue 11, point 8): how fast the seed's start view becomes interactive in headless Chromium, warm,
 * and how large the main bundle is, gzipped.
 *
 * Time to interactive: the built app (dist/) served by the real app (`tsx server/main.ts`) on a throw-away
 * embedded Neo4j loaded with the seed; a script injected before the page's own measures, every animation frame,
 * from navigation start until `window.explorer.cy` holds nodes and `window.explorer.layoutRunning === false`
 * (two frames in a row, so a layout that has not started yet does not count). Warm = the same browser context
 * (HTTP cache filled) and server after warm-up loads; the median of N loads is judged.
 *
 * Bundle: the entry script of dist/index.html and every chunk it imports statically (recursively) — what the
 * browser must fetch before the app runs; chunks reached only by `import()` are lazy and listed apart.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../tests/support/app';
import { startBenchNeo4j, type BenchNeo4j } from './lib/neo4j';
import { log, within } from './lib/util';

const ROOT = new URL('..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags of tests/support/browser.ts. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export const TTI_TARGET_MS = 1_000;
/** 200 KB as bundlers report it (1 KB = 1 000 bytes, the stricter reading). */
export const BUNDLE_TARGET_BYTES = 200_000;

// ─── bundle ───────────────────────────────────────────────────────────────────────────────────────────────

export interface ChunkSize {
  /** Path inside dist/, e.g. assets/index-abc.js. */
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleReport {
  distDir: string;
  /** The entry script(s) of index.html. */
  entries: string[];
  /** The entry and every chunk it imports statically, recursively. */
  main: ChunkSize[];
  mainGzip: number;
  /** Stylesheets index.html links (for information; not part of the judged figure). */
  css: ChunkSize[];
  /** Every other script in dist/: loaded on demand (`import()`), largest first. */
  lazy: ChunkSize[];
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** The specifiers a built ES module imports statically: `import … from "x"`, `import "x"`, `export … from "x"`. */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  // `import(` never matches: the part before the quote may not contain "(".
  const re = /\b(?:import|export)\s*(?:[^'"`();]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;
  for (const m of code.matchAll(re)) {
    const spec = m[2]!;
    if (spec.startsWith('.') || spec.startsWith('/')) out.add(spec);
  }
  return [...out];
}

/** Measures the built client in `distDir` (see the file's doc). */
export function measureBundle(distDir: string): BundleReport {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`No built client at ${indexFile}: run \`npm run build\` first.`);
  const html = readFileSync(indexFile, 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1];
  const toFile = (url: string) => posix.normalize(url.replace(/^\//, '').replace(/[?#].*$/, ''));
  const entries: string[] = [];
  const preloads: string[] = [];
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (src && /type\s*=\s*["']module["']/.test(tag) && !/^https?:/.test(src)) entries.push(toFile(src));
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (!href || /^https?:/.test(href)) continue;
    if (rel === 'modulepreload') preloads.push(toFile(href));
    if (rel === 'stylesheet') css.push(toFile(href));
  }
  if (!entries.length) throw new Error(`${indexFile} has no <script type="module" src=…>: is it a Vite build?`);

  const main = new Set<string>();
  const visit = (file: string) => {
    if (main.has(file)) return;
    const path = join(distDir, file);
    if (!existsSync(path)) throw new Error(`${file}, imported by the main bundle, is missing from ${distDir}`);
    main.add(file);
    for (const spec of staticImports(readFileSync(path, 'utf8'))) {
      visit(spec.startsWith('/') ? toFile(spec) : posix.normalize(posix.join(posix.dirname(file), spec)));
    }
  };
  // Module preloads are fetched up front by the browser too, so they count as part of the main bundle.
  for (const e of [...entries, ...preloads]) visit(e);

  const size = (file: string): ChunkSize => {
    const buf = readFileSync(join(distDir, file));
    return { file, bytes: buf.length, gzip: gz(buf) };
  };
  const allScripts: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(m?js)$/.test(name)) allScripts.push(relative(distDir, path).split('\\').join('/'));
    }
  };
  walk(distDir);
  const mainSizes = [...main].map(size);
  return {
    distDir,
    entries,
    main: mainSizes,
    mainGzip: mainSizes.reduce((a, c) => a + c.gzip, 0),
    css: css.map(size),
    lazy: allScripts
      .filter((f) => !main.has(f))
      .map(size)
      .sort((a, b) => b.gzip - a.gzip),
  };
}

// ─── time to interactive ──────────────────────────────────────────────────────────────────────────────────

export interface PageBench {
  bundle?: BundleReport;
  bundleError?: string;
  /** Warm loads, ms from navigation start to interactive. */
  loads: number[];
  /** The discarded warm-up (first = cold) loads. */
  warmups: number[];
  medianMs?: number;
  /** Nodes on the canvas at the start view. */
  nodes?: number;
  ttiError?: string;
}

/** Runs in the page before its scripts: records when the start view first became interactive. */
const READY_PROBE = `(() => {
  let since = null;
  const tick = () => {
    const e = window.explorer;
    const ok = !!(e && e.cy && e.cy.nodes().length > 0 && e.layoutRunning === false);
    if (ok && since !== null) { window.__benchReady = { ms: since, nodes: e.cy.nodes().length }; return; }
    since = ok ? (since ?? performance.now()) : null;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Serves `distDir` and forwards /api to `api`: for measuring a build that is not the one in dist/. */
async function serveDist(distDir: string, api: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2', '.png': 'image/png' };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        fetch(`${api}${url.pathname}${url.search}`, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' }, body })
          .then(async (r) => {
            res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
            res.end(Buffer.from(await r.arrayBuffer()));
          })
          .catch(() => res.writeHead(502).end());
      });
      return;
    }
    const file = normalize(join(distDir, decodeURIComponent(url.pathname)));
    const path = file.startsWith(distDir) && existsSync(file) && statSync(file).isFile() ? file : join(distDir, 'index.html');
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': path.endsWith('index.html') ? 'no-cache' : 'max-age=3600' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export interface PageBenchOptions {
  /** Timed warm loads (the median is judged). */
  loads: number;
  /** Loads before them, discarded (the first is cold). */
  warmups: number;
  /** A built client other than dist/ (e.g. `npx vite build --outDir /tmp/x`); served beside the app. */
  distDir?: string;
  viewport?: { width: number; height: number };
}

/** Measures the bundle and the start view's time to interactive (see the file's doc). */
export async function benchPage(opts: PageBenchOptions): Promise<PageBench> {
  const distDir = opts.distDir ?? join(ROOT, 'dist');
  const out: PageBench = { loads: [], warmups: [] };
  try {
    out.bundle = measureBundle(distDir);
    log(`  main bundle ${(out.bundle.mainGzip / 1000).toFixed(1)} KB gzip in ${out.bundle.main.length} chunk(s); ${out.bundle.lazy.length} lazy chunk(s)`);
  } catch (err) {
    out.bundleError = err instanceof Error ? err.message : String(err);
    log(`  bundle: ${out.bundleError}`);
    return out;
  }

  let neo: BenchNeo4j | undefined;
  let app: RunningApp | undefined;
  let proxy: Server | undefined;
  let browser: Browser | undefined;
  try {
    log('  starting a throw-away Neo4j and the app with the seed …');
    // The seed is small: a modest instance is plenty and leaves the machine to the browser.
    neo = await startBenchNeo4j({ heap: '1g', pageCache: '256m', txMax: '512m' });
    app = await startApp({ NEO4J_URI: neo.uri, NEO4J_PASSWORD: neo.password, SEED_ON_START: 'true', LOG_LEVEL: 'warn' });
    let url = app.url;
    if (opts.distDir) {
      const served = await serveDist(opts.distDir, app.url);
      proxy = served.server;
      url = served.url;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, locale: 'sv-SE' });
    await context.addInitScript(READY_PROBE);
    for (let i = 0; i < opts.warmups + opts.loads; i++) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(`${url}/`);
        const ready = await within(
          page.waitForFunction(() => (window as unknown as { __benchReady?: { ms: number; nodes: number } }).__benchReady, undefined, { timeout: 30_000, polling: 50 }).then((h) => h.jsonValue()),
          35_000,
          'The start view',
        ).catch(async (err: unknown) => {
          const state = await page.evaluate(() => {
            const e = (window as unknown as { explorer?: { cy?: { nodes(): { length: number } }; layoutRunning?: boolean } }).explorer;
            return e ? `window.explorer: cy ${e.cy ? `with ${e.cy.nodes().length} nodes` : 'missing'}, layoutRunning ${String(e.layoutRunning)}` : 'window.explorer is missing';
          });
          throw new Error(`The start view did not become interactive within 30 s (${state}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        });
        (i < opts.warmups ? out.warmups : out.loads).push(ready!.ms);
        out.nodes = ready!.nodes;
      } finally {
        await page.close();
      }
    }
    const sorted = [...out.loads].sort((a, b) => a - b);
    out.medianMs = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    log(`  start view interactive: median ${out.medianMs?.toFixed(0)} ms over ${out.loads.length} warm loads (${out.nodes} nodes; warm-up ${out.warmups.map((w) => w.toFixed(0)).join(', ')} ms)`);
  } catch (err) {
    out.ttiError = err instanceof Error ? err.message : String(err);
    log(`  start view: ${out.ttiError}`);
  } finally {
    await browser?.close().catch(() => {});
    if (proxy) await new Promise<void>((resolve) => proxy!.close(() => resolve()));
    await app?.stop();
    await neo?.dispose();
  }
  return out;
}
