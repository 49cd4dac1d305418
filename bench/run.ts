/**
 * `npm run bench [-- --quick] [-- --sizes 1000,100000] [-- --render-sizes 500,2000,5000,20000] [-- --only load,api,render,page]`
 * `npm run bench -- --only page [--page-loads 11] [--dist /tmp/other-build]`: the page alone (start view, bundle)
 * `npm run bench -- --only throughput [--throughput-articles 1000] [--load-seconds 60] [--app-env CYPHER_CONCURRENCY=1,…] [--out throughput]`: requests/s against the bare driver, load, runaways
 * `--out NAME` writes bench/results/NAME.md and .json instead of latest.* (a part run alone need not replace the full run's file).
 *
 * Runs every benchmark of issue 7 in one go against real, throw-away Neo4j instances and prints one markdown
 * table, also written to bench/results/latest.md (+ latest.json). Every figure that is judged is a ratio of two
 * things measured side by side in this run; absolute times are for information only (the machine is shared).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg as osLoadavg } from 'node:os';
import { join } from 'node:path';
import { benchEndpoints, benchGrowth, chooseEndpoints, memoryUnderLoad, startBenchApp, type EndpointResult, type GrowthResult, type MemoryResult } from './api';
import { corpus } from './corpus';
import { exportCsv, runLoadCsv, runLoader, serveCsv, type CsvRun, type LoaderRun } from './load';
import { startBenchNeo4j, type BenchNeo4j } from './lib/neo4j';
import { int, log, machineInfo, mb, ms, ratio } from './lib/util';
import { benchPage, BUNDLE_TARGET_BYTES, TTI_TARGET_MS, type PageBench } from './page';
import { benchRendering, type RenderBench } from './rendering';
import { benchThroughput, type ThroughputBench, type ThroughputOptions } from './throughput';

const ROOT = new URL('..', import.meta.url).pathname;

interface Options {
  sizes: number[];
  renderSizes: number[];
  quick: boolean;
  only: Set<string>;
  apiReps: number;
  apiWarmup: number;
  memoryRequests: number;
  renderReps: number;
  panMs: number;
  pageLoads: number;
  pageWarmups: number;
  /** A built client other than dist/ to measure (served beside the app). */
  dist?: string;
  throughput: ThroughputOptions;
  /** Results go to bench/results/<out>.md and .json. */
  out: string;
}

function parseOptions(argv: string[]): Options {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (v: string | undefined) => v?.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  const quick = argv.includes('--quick');
  const sizes = list(get('--sizes')) ?? (quick ? [200, 2000] : [1000, 100_000]);
  const renderSizes = list(get('--render-sizes')) ?? (quick ? [500, 2000] : [500, 2000, 5000, 20_000]);
  const only = new Set((get('--only') ?? 'load,api,render,page,throughput').split(',').map((s) => s.trim()));
  return {
    sizes,
    renderSizes,
    quick,
    only,
    apiReps: Number(get('--reps') ?? (quick ? 60 : 200)),
    apiWarmup: quick ? 10 : 30,
    memoryRequests: Number(get('--memory-requests') ?? (quick ? 2_000 : 10_000)),
    renderReps: quick ? 1 : 2,
    panMs: 3_000,
    pageLoads: Number(get('--page-loads') ?? (quick ? 5 : 11)),
    pageWarmups: 2,
    dist: get('--dist'),
    out: get('--out') ?? 'latest',
    throughput: {
      articles: Number(get('--throughput-articles') ?? (quick ? 200 : 1000)),
      connections: [1, 10, 50],
      phaseMs: quick ? 3_000 : 8_000,
      reps: 2,
      loadConnections: 200,
      loadMs: Number(get('--load-seconds') ?? (quick ? 15 : 60)) * 1000,
      runawayPhaseMs: quick ? 8_000 : 15_000,
      runawayReps: quick ? 1 : 2,
      appEnv: Object.fromEntries((get('--app-env') ?? '').split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
    },
  };
}

// ─── one corpus size ───────────────────────────────────────────────────────────────────────────────────────

interface SizeResult {
  articles: number;
  error?: string;
  neo4jVersion?: string;
  ours: LoaderRun[];
  csv: CsvRun[];
  csvBytes?: number;
  endpoints?: EndpointResult[];
  memory?: MemoryResult;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const rate = (r: { records: number; ms: number }) => r.records / (r.ms / 1000);

/** Databases kept after their size's run, for the interleaved growth measurement (smallest and largest size). */
const kept = new Map<number, BenchNeo4j>();

async function benchSize(articles: number, opts: Options, keep = false): Promise<SizeResult> {
  const dir = await corpus(articles);
  const out: SizeResult = { articles, ours: [], csv: [] };
  // Loader and LOAD CSV alternate (ours, csv, csv, ours) where the corpus is small enough to repeat.
  const pairs = articles <= 5_000 ? 2 : 1;
  const loadTimeout = Math.max(600_000, articles * 60);
  let loaded: BenchNeo4j | undefined;
  try {
    const loadOurs = async (keep: boolean) => {
      const neo = await startBenchNeo4j();
      out.neo4jVersion = neo.version;
      log(`Loading ${articles} articles with the app's loader …`);
      const run = await runLoader(dir, neo, loadTimeout);
      out.ours.push(run);
      log(`  ${run.loader}: ${int(run.records)} records in ${(run.ms / 1000).toFixed(1)} s = ${int(rate(run))}/s, peak RSS ${mb(run.peakRssKb)}`);
      if (keep) {
        await loaded?.dispose();
        loaded = neo;
      } else await neo.dispose();
      return neo;
    };
    const needLoad = opts.only.has('load');
    if (!needLoad && !opts.only.has('api')) return out;
    await loadOurs(true);
    if (needLoad) {
      log('Exporting the loaded graph to CSV …');
      const exp = await exportCsv(loaded!.driver, join(ROOT, '.data', 'bench-csv', String(articles)));
      out.csvBytes = exp.bytes;
      const server = await serveCsv(exp);
      try {
        const loadCsv = async () => {
          const neo = await startBenchNeo4j();
          try {
            log(`LOAD CSV of ${int(exp.nodes + exp.relationships)} records …`);
            const run = await runLoadCsv(exp, server.baseUrl, neo, loaded!.driver);
            out.csv.push(run);
            log(`  LOAD CSV: ${(run.ms / 1000).toFixed(1)} s = ${int(rate(run))}/s${run.verified ? ', same data as the loader (counts and a 1 000-row sample)' : ` — DIFFERS from the loader's graph: ${run.mismatch}`}`);
          } finally {
            await neo.dispose();
          }
        };
        await loadCsv();
        for (let p = 1; p < pairs; p++) {
          await loadCsv();
          await loadOurs(true);
        }
      } finally {
        await server.close();
        rmSync(exp.dir, { recursive: true, force: true });
      }
    }

    if (opts.only.has('api')) {
      log(`API overhead at ${articles} articles …`);
      const app = await startBenchApp(loaded!);
      try {
        const endpoints = await chooseEndpoints(loaded!);
        out.endpoints = await benchEndpoints(app, loaded!, endpoints, { reps: opts.apiReps, warmup: opts.apiWarmup, timeBudgetMs: 15 * 60_000 });
        log(`Server RSS over ${opts.memoryRequests} requests …`);
        out.memory = await memoryUnderLoad(app, endpoints, opts.memoryRequests, 15 * 60_000);
        log(`  ${out.memory.requests} requests in ${out.memory.seconds.toFixed(0)} s: RSS ${mb(out.memory.rssBeforeKb)} → ${mb(out.memory.rssAfterKb)}`);
      } finally {
        await app.stop();
      }
    }
  } finally {
    if (keep && loaded && opts.only.has('api')) kept.set(articles, loaded);
    else await loaded?.dispose();
  }
  return out;
}

/** Latency growth measured side by side: both kept databases served by their own app, requests alternating. */
async function measureGrowth(small: number, large: number, opts: Options): Promise<GrowthResult[]> {
  const a = kept.get(small)!;
  const b = kept.get(large)!;
  log(`Latency growth: ${small} and ${large} articles side by side …`);
  const [appA, appB] = await Promise.all([startBenchApp(a), startBenchApp(b)]);
  try {
    const [epA, epB] = await Promise.all([chooseEndpoints(a), chooseEndpoints(b)]);
    return await benchGrowth({ app: appA, endpoints: epA }, { app: appB, endpoints: epB }, { reps: opts.apiReps, warmup: opts.apiWarmup, timeBudgetMs: 15 * 60_000 });
  } finally {
    await Promise.all([appA.stop(), appB.stop()]);
  }
}

// ─── the table ─────────────────────────────────────────────────────────────────────────────────────────────

const verdict = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'met' : '**MISSED**');

interface Target {
  target: string;
  ok: boolean | undefined;
  detail: string;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function report(opts: Options, sizes: SizeResult[], render: RenderBench | undefined, machine: Record<string, string>, neo4jVersion: string, growth?: GrowthResult[], page?: PageBench, throughput?: ThroughputBench): { md: string; targets: Target[] } {
  const lines: string[] = [];
  const targets: Target[] = [];
  lines.push(`# Benchmarks — ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`, '');
  lines.push(`\`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`${opts.quick ? ' (quick: small sizes, fewer repetitions — not the figures to judge by)' : ''}. Parts: ${[...opts.only].join(', ')}.${opts.only.has('load') || opts.only.has('api') ? ` Sizes: ${opts.sizes.join(', ')} articles.` : ''}${opts.only.has('render') ? ` Rendering: ${opts.renderSizes.join(', ')} elements.` : ''}${opts.only.has('page') ? ' Page: the seed.' : ''}`);
  for (const s of sizes) if (s.error) lines.push(`**The benchmarks at ${int(s.articles)} articles failed:** ${s.error.split('\n')[0]}`, '');
  lines.push('Every judged figure is a ratio of two measurements taken side by side in this run (interleaved); absolute times are for information only — the machine is shared and its load varies.', '');

  if (sizes.some((s) => s.ours.length && s.csv.length)) {
    lines.push('## 1. Load: the app\'s loader vs Neo4j `LOAD CSV` of the same data (into an empty database, same schema)', '');
    lines.push('| articles | nodes | relationships | loader | loader records/s | LOAD CSV records/s | ratio loader/CSV | target ≥ 0.5× | loader peak RSS | CSV size |');
    lines.push('|---:|---:|---:|---|---:|---:|---:|---|---:|---:|');
    for (const s of sizes) {
      if (!s.ours.length || !s.csv.length) continue;
      const ours = median(s.ours.map(rate));
      const csv = median(s.csv.map(rate));
      const r = ours / csv;
      const last = s.ours[s.ours.length - 1]!;
      const peak = Math.max(...s.ours.map((o) => o.peakRssKb ?? 0));
      lines.push(`| ${int(s.articles)} | ${int(last.nodes)} | ${int(last.relationships)} | ${last.loader.split(' ')[0]} | ${int(ours)} | ${int(csv)}${s.csv.every((c) => c.verified) ? '' : ' (data differs!)'} | ${ratio(r)} | ${verdict(r >= 0.5)} | ${mb(peak)} | ${mb((s.csvBytes ?? 0) / 1024)} |`);
      targets.push({ target: `Loader throughput ≥ 0.5× LOAD CSV at ${int(s.articles)} articles`, ok: r >= 0.5, detail: ratio(r) });
    }
    lines.push('', `Records = nodes + relationships the database holds afterwards; medians over ${sizes.map((s) => `${s.ours.length}+${s.csv.length}`).join(' / ')} runs (loader+CSV, alternating). LOAD CSV uses CREATE with \`CALL { … } IN TRANSACTIONS OF 10000 ROWS\`, nodes first, files served over HTTP on 127.0.0.1. Both databases are checked to hold the same data: equal counts, and the first 500 nodes and 500 relationships by id equal in labels/type, ends and every property.`, '');
  }

  if (sizes.some((s) => s.endpoints)) {
    lines.push('## 2. API overhead: HTTP endpoint vs the bare driver running the same Cypher', '');
    lines.push('| articles | endpoint | statements | API p50 ms | API p95 ms | driver p50 ms | driver p95 ms | ratio p50 | ratio p95 | target p95 ≤ 1.2× |');
    lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const s of sizes) {
      for (const e of s.endpoints ?? []) {
        const ok = e.errors === 0 && e.ratioP95 <= 1.2;
        lines.push(`| ${int(s.articles)} | ${e.name}${e.errors ? ` (${e.errors} errors)` : ''} | ${e.statements} | ${ms(e.api.p50)} | ${ms(e.api.p95)} | ${ms(e.bare.p50)} | ${ms(e.bare.p95)} | ${ratio(e.ratioP50)} | ${ratio(e.ratioP95)} | ${verdict(ok)} |`);
        targets.push({ target: `API overhead ≤ 1.2× at p95: ${e.name}, ${int(s.articles)} articles`, ok, detail: `${ratio(e.ratioP95)}${e.errors ? `, ${e.errors} errors: ${e.firstError}` : ''}` });
      }
    }
    const reps = sizes.find((s) => s.endpoints)?.endpoints?.[0]?.api.n ?? 0;
    lines.push('', `${reps} timed repetitions per endpoint and side after warm-up, API and driver alternating which goes first; 5 request variants used round-robin (typical nodes for search/detail/path/query, the 5 best-connected actors for expansion). The server remembers the ranking of a hub's first 500 neighbours (checked against the hub's degree on every request), so "limit 25" is a repeated expansion and "offset 500" costs what a first expansion does: ranking every neighbour. "statements" = Cypher statements the service sends per request, captured from the app itself and replayed by the bare driver (concurrent ones concurrently).`, '');
    const small = sizes.find((s) => s.endpoints);
    const large = [...sizes].reverse().find((s) => s.endpoints);
    if (growth?.length && small && large) {
      lines.push(`### Latency growth with corpus size (${int(large.articles)} vs ${int(small.articles)} articles, measured side by side)`, '');
      lines.push('| endpoint | p50 ms small → large | p95 ms small → large | p50 growth | p95 growth | target ≤ 2× |', '|---|---:|---:|---:|---:|---|');
      for (const g of growth) {
        const g50 = g.large.p50 / g.small.p50;
        const g95 = g.large.p95 / g.small.p95;
        const judged = ['search', 'node detail', 'expansion (hub, limit 25)'].includes(g.name);
        const ok = g.errors === 0 && g50 <= 2 && g95 <= 2;
        lines.push(`| ${g.name}${g.errors ? ` (${g.errors} errors)` : ''} | ${ms(g.small.p50)} → ${ms(g.large.p50)} | ${ms(g.small.p95)} → ${ms(g.large.p95)} | ${ratio(g50)} | ${ratio(g95)} | ${judged ? verdict(ok) : 'not a target'} |`);
        if (judged) targets.push({ target: `Latency growth ≤ 2×: ${g.name}`, ok, detail: `p50 ${ratio(g50)}, p95 ${ratio(g95)}` });
      }
      lines.push('', `Both databases up at once, each behind its own app; ${growth[0]!.small.n} requests per size and endpoint after warm-up, alternating small/large (and which goes first), so the machine's load falls on both alike. Request variants are chosen the same way in both corpora (typical nodes; the 5 best-connected actors for expansion).`, '');
    } else if (small && large && small !== large) {
      lines.push(`### Latency growth with corpus size (${int(large.articles)} vs ${int(small.articles)} articles, API latency)`, '');
      lines.push('| endpoint | p50 growth | p95 growth | target ≤ 2× |', '|---|---:|---:|---|');
      for (const name of ['search', 'node detail', 'expansion (hub, limit 25)', 'expansion (hub, offset 500)', 'path', 'saved query (partners-of-actor)']) {
        const a = small.endpoints!.find((e) => e.name === name);
        const b = large.endpoints!.find((e) => e.name === name);
        if (!a || !b) continue;
        const g50 = b.api.p50 / a.api.p50;
        const g95 = b.api.p95 / a.api.p95;
        const judged = ['search', 'node detail', 'expansion (hub, limit 25)'].includes(name);
        const ok = g50 <= 2 && g95 <= 2;
        lines.push(`| ${name} | ${ratio(g50)} | ${ratio(g95)} | ${judged ? verdict(ok) : 'not a target'} |`);
        if (judged) targets.push({ target: `Latency growth ≤ 2×: ${name}`, ok, detail: `p50 ${ratio(g50)}, p95 ${ratio(g95)}` });
      }
      lines.push('');
    }
  }

  if (render) {
    lines.push('## 3. Rendering in headless Chromium: canvas vs WebGL renderer', '');
    lines.push('| elements | nodes/edges | layout in worker ms | canvas: interactive ms | canvas fps (drag) | WebGL: interactive ms | WebGL fps (drag) | WebGL/canvas fps | canvas fps (panBy) | WebGL fps (panBy) | main-thread layout: page frozen ms |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    // A failed measurement counts as 0 fps; its reason goes under the table.
    const failures: string[] = [];
    const fps = (r: RenderBench['rows'][number]['canvas']) => {
      if (!('error' in r)) return r.fps.toFixed(1);
      failures.push(String((r as { error: string }).error));
      return `0 (failed, note ${failures.length})`;
    };
    for (const r of render.rows) {
      lines.push(
        `| ${int(r.n)} | ${r.canvas.nodes}/${r.canvas.edges} | ${ms(r.canvas.layoutMs)} | ${ms(r.canvas.interactiveMs)} | ${fps(r.canvas)} | ${ms(r.webgl.interactiveMs)} | ${fps(r.webgl)} | ${ratio(r.webgl.fps / r.canvas.fps)} | ${r.canvas.panByFps.toFixed(1)} | ${r.webgl.panByFps.toFixed(1)} | ${r.mainThread ? ms(r.mainThread.longestFrameGapMs) : '—'} |`,
      );
    }
    if (failures.length) lines.push('', ...failures.map((f, i) => `Note ${i + 1}: ${f}`));
    const picked = render.webglAbove === null ? 'canvas' : `WebGL above ${render.webglAbove} elements`;
    lines.push(
      '',
      `GL backend: ${render.glRenderer}. Layout: fcose with GraphView's options, computed in a Web Worker on a headless Cytoscape, then drawn with the \`preset\` layout; "interactive" = navigation start → two animation frames after Cytoscape is built with the laid-out graph, including fetching the graph JSON and the worker layout. fps (drag) = animation frames per second over ${opts.panMs / 1000} s of panning as a user does it: real mouse events from Playwright press on the background and drag back and forth (±150 px), as fast as the page takes them; the view is checked to have moved. While a user drags, Cytoscape draws the view as one texture and hides edges (\`textureOnViewport\`, \`hideEdgesOnViewport\`, which GraphView turns on above 1 500 elements). fps (panBy) = the same page panned by script, one \`cy.panBy\` per frame, which redraws every element each frame (as an animated centring does); for information. "main-thread layout" runs the same fcose on the page (as GraphView still does for views of up to 300 nodes; larger ones use the worker) and shows the longest frame gap it causes. ${render.rule} Result: **${picked}** (written to client/src/graph/rendererThreshold.json).`,
      '',
    );
    const at5000 = render.rows.find((r) => r.n === 5000);
    if (at5000) {
      const chosen = render.webglAbove !== null && 5000 > render.webglAbove ? at5000.webgl : at5000.canvas;
      targets.push({ target: '5 000-element view pannable at ≥ 30 fps in the renderer the UI picks', ok: chosen.fps >= 30, detail: `${chosen.renderer}: ${chosen.fps.toFixed(1)} fps` });
    }
  }

  if (sizes.some((s) => s.memory || s.ours.length)) {
    lines.push('## 4. Memory', '');
    lines.push('| articles | server RSS before | server RSS after | requests (errors) | seconds | loader peak RSS |', '|---:|---:|---:|---:|---:|---:|');
    for (const s of sizes) {
      const m = s.memory;
      const peak = s.ours.length ? Math.max(...s.ours.map((o) => o.peakRssKb ?? 0)) : undefined;
      lines.push(`| ${int(s.articles)} | ${mb(m?.rssBeforeKb)} | ${mb(m?.rssAfterKb)} | ${m ? `${int(m.requests)} (${m.errors})` : '—'} | ${m ? m.seconds.toFixed(0) : '—'} | ${mb(peak)} |`);
    }
    lines.push('', 'Server RSS: VmRSS of the app process (`tsx server/main.ts`) before and after the requests (mixed endpoints, 4 at a time, on 127.0.0.1). Loader peak: VmHWM of the loader worker process.', '');
  }

  if (page) {
    lines.push('## 5. The page: start view and main bundle (issue 11)', '');
    lines.push('| figure | measured | target | ratio to target | verdict |', '|---|---:|---:|---:|---|');
    if (page.medianMs !== undefined) {
      const r = page.medianMs / TTI_TARGET_MS;
      lines.push(`| start view interactive, warm (median of ${page.loads.length}) | ${ms(page.medianMs)} ms | ${TTI_TARGET_MS} ms | ${ratio(r)} | ${verdict(r <= 1)} |`);
      targets.push({ target: 'Start view interactive within 1 s, warm, headless Chromium', ok: r <= 1, detail: `${ms(page.medianMs)} ms (${ratio(r)})` });
    } else {
      lines.push(`| start view interactive, warm | failed | ${TTI_TARGET_MS} ms | n/a | **MISSED** |`);
      targets.push({ target: 'Start view interactive within 1 s, warm, headless Chromium', ok: false, detail: `failed: ${(page.ttiError ?? page.bundleError ?? 'not measured').split('\n')[0]}` });
    }
    if (page.bundle) {
      const r = page.bundle.mainGzip / BUNDLE_TARGET_BYTES;
      lines.push(`| main bundle, gzip (${page.bundle.main.length} chunk${page.bundle.main.length === 1 ? '' : 's'}) | ${kb(page.bundle.mainGzip)} | ${kb(BUNDLE_TARGET_BYTES)} | ${ratio(r)} | ${verdict(r <= 1)} |`);
      targets.push({ target: 'Main bundle ≤ 200 KB gzip', ok: r <= 1, detail: `${kb(page.bundle.mainGzip)} (${ratio(r)})` });
    } else {
      lines.push(`| main bundle, gzip | failed | ${kb(BUNDLE_TARGET_BYTES)} | n/a | **MISSED** |`);
      targets.push({ target: 'Main bundle ≤ 200 KB gzip', ok: false, detail: `failed: ${page.bundleError ?? 'not measured'}` });
    }
    if (page.ttiError) lines.push('', `Start view: ${page.ttiError.split('\n')[0]}`);
    if (page.bundle) {
      const b = page.bundle;
      lines.push('', `Chunks of ${b.distDir === join(ROOT, 'dist') ? 'dist/' : b.distDir} (gzip level 9; 1 KB = 1 000 bytes):`, '', '| chunk | loaded | size | gzip |', '|---|---|---:|---:|');
      for (const c of b.main) lines.push(`| ${c.file} | at start${b.entries.includes(c.file) ? ' (entry)' : ''} | ${kb(c.bytes)} | ${kb(c.gzip)} |`);
      for (const c of b.css) lines.push(`| ${c.file} | at start (CSS, not judged) | ${kb(c.bytes)} | ${kb(c.gzip)} |`);
      for (const c of b.lazy) lines.push(`| ${c.file} | on demand | ${kb(c.bytes)} | ${kb(c.gzip)} |`);
    }
    lines.push(
      '',
      `Start view: the built app served by the real app on a throw-away embedded Neo4j loaded with the seed, headless Chromium at 1280×800; ${page.warmups.length} warm-up load(s) (the first cold: ${page.warmups.map((w) => `${ms(w)} ms`).join(', ') || '—'}) then ${page.loads.length} timed loads in the same browser context (HTTP cache warm): ${page.loads.map((l) => ms(l)).join(', ') || '—'} ms. "Interactive" = navigation start → the first of two consecutive animation frames in which \`window.explorer.cy\` holds nodes (${page.nodes ?? '?'} at the start view) and \`window.explorer.layoutRunning === false\`. Main bundle = the entry script of index.html, its module preloads and every chunk they import statically; chunks reached only by \`import()\` are on demand.`,
      '',
    );
  }

  if (throughput) lines.push(...throughputSection(throughput, targets));

  lines.push('## Targets', '', '| target | result | figure |', '|---|---|---|');
  for (const t of targets) lines.push(`| ${t.target} | ${verdict(t.ok)} | ${t.detail} |`);
  lines.push('', '## Machine', '');
  for (const [k, v] of Object.entries({ ...machine, neo4j: neo4jVersion, neo4jMemory: 'heap 2g, page cache 3g, tx max 1500m (each bench instance)' })) lines.push(`- ${k}: ${v}`);
  lines.push('');
  return { md: lines.join('\n'), targets };
}

/** Section 6: requests/s against the bare driver, the load test and the runaways, with their targets. */
function throughputSection(t: ThroughputBench, targets: Target[]): string[] {
  const lines: string[] = ['## 6. Throughput and load: the compiled app vs the bare driver (issue 13)', ''];
  if (t.error) lines.push(`**The throughput benchmark failed:** ${t.error.split('\n')[0]}`, '');
  if (t.levels.length) {
    lines.push('| connections | API req/s | driver req/s | ratio API/driver | target ≥ 0.7× | API p50 / p95 / p99 ms | driver p50 / p95 / p99 ms | failures API/driver |');
    lines.push('|---:|---:|---:|---:|---|---:|---:|---:|');
    for (const l of t.levels) {
      const judged = l.connections >= 10;
      const ok = l.ratio >= 0.7 && l.api.failures === 0;
      lines.push(`| ${l.connections} | ${int(l.api.perSecond)} | ${int(l.bare.perSecond)} | ${ratio(l.ratio)} | ${judged ? verdict(ok) : 'not a target'} | ${ms(l.api.p50)} / ${ms(l.api.p95)} / ${ms(l.api.p99)} | ${ms(l.bare.p50)} / ${ms(l.bare.p95)} / ${ms(l.bare.p99)} | ${l.api.failures}/${l.bare.failures} |`);
      if (judged) targets.push({ target: `Mixed reads: API ≥ 0.7× the bare driver at ${l.connections} connections`, ok, detail: `${ratio(l.ratio)} (${int(l.api.perSecond)} vs ${int(l.bare.perSecond)} req/s)` });
    }
    lines.push('', `The mix (weights of every ${t.mix.reduce((a, m) => a + m.weight, 0)} requests; statements = Cypher statements the app sends per request, captured from it): ${t.mix.map((m) => `${m.name} ×${m.weight} (${m.variants} variants, ${m.statements} statements, e.g. \`${m.example}\`)`).join('; ')}.`, '');
    const phases = t.levels[0]!.api.seconds;
    const env = Object.entries(t.appEnv).map(([k, v]) => `${k}=${v}`).join(', ');
    lines.push(`\`${t.command}\` (LOG_LEVEL=info, the default${env ? `; configured: ${env}` : ''}) with its own embedded Neo4j (the default heap 512m, page cache 256m; no standby JVM) on a free port, loaded with the ${int(t.articles)}-article synthetic corpus. Closed loop: N connections each send the next request of one shared schedule as soon as the last is answered, on kept-alive sockets from one bench process; the bare side runs, per request, the statements the app sent for it (captured through a recording driver), each as an auto-commit read (\`session.run\` in a READ session, the cheapest path through the driver), statements the app ran concurrently concurrently, over one driver with its default pool. API and driver phases alternate (API, driver, driver, API; ${(phases / 2).toFixed(0)} s each after a warm-up), against the same database.`, '');
  }
  if (t.load) {
    const l = t.load;
    const ok500 = l.status500 === 0;
    const okP99 = l.admitted.p99 <= 2_000;
    const okRetry = l.shed503 === l.shed503WithRetryAfter;
    lines.push(`### ${l.connections} connections for ${l.plannedSeconds} s`, '');
    lines.push('| answers | by status | 500s | 503s (with Retry-After) | admitted req/s | admitted p50 / p95 / p99 ms | target |', '|---:|---|---:|---:|---:|---:|---|');
    lines.push(`| ${int(l.answers)} | ${Object.entries(l.byStatus).map(([s, n]) => `${s === '0' ? 'no answer' : s}: ${int(n)}`).join(', ')} | ${l.status500} | ${int(l.shed503)} (${int(l.shed503WithRetryAfter)}) | ${int(l.admitted.perSecond)} | ${ms(l.admitted.p50)} / ${ms(l.admitted.p95)} / ${ms(l.admitted.p99)} | ${verdict(ok500 && okP99 && okRetry)} |`);
    lines.push('', 'Admitted = every request the explorer answered rather than shed (all but 503 and 429); the latency figures are of the 2xx answers among them. The app runs with its default admission limits (server/http/admission.ts).', '');
    targets.push({ target: `${l.connections} connections × ${l.plannedSeconds} s: no 500`, ok: ok500, detail: `${l.status500} of ${int(l.answers)}` });
    targets.push({ target: `${l.connections} connections: load shed as 503 with Retry-After`, ok: okRetry, detail: `${int(l.shed503WithRetryAfter)} of ${int(l.shed503)} 503s carry Retry-After` });
    targets.push({ target: `${l.connections} connections: p99 of admitted requests ≤ 2 s`, ok: okP99, detail: `${ms(l.admitted.p99)} ms` });
  }
  if (t.runaways) {
    const r = t.runaways;
    const ok = r.ratioP95 <= 1.5;
    lines.push('### Four runaway ad-hoc queries', '');
    lines.push('| explorer requests | baseline req/s | baseline p50 / p95 ms | with runaways req/s | with runaways p50 / p95 ms | p95 ratio | target ≤ 1.5× | runaway answers |', '|---|---:|---:|---:|---:|---:|---|---|');
    lines.push(`| ${r.connections} connections | ${int(r.baseline.perSecond)} | ${ms(r.baseline.p50)} / ${ms(r.baseline.p95)} | ${int(r.during.perSecond)} | ${ms(r.during.p50)} / ${ms(r.during.p95)} | ${ratio(r.ratioP95)} | ${verdict(ok)} | ${Object.entries(r.runawayAnswers).map(([s, n]) => `${s}: ${n}`).join(', ')} |`);
    lines.push('', `Four clients on four loopback addresses (127.0.0.11–14) each send \`POST /api/cypher/run\` with \`${r.cypher}\` (it runs until the Cypher time limit), again as soon as it is answered (after Retry-After when shed), while ${r.connections} connections send the mixed workload; baseline phases without them alternate with phases with them.`, '');
    targets.push({ target: 'Four runaway ad-hoc queries: explorer p95 ≤ 1.5× baseline', ok, detail: `${ratio(r.ratioP95)} (${ms(r.baseline.p95)} → ${ms(r.during.p95)} ms)` });
  }
  return lines;
}

/** Writes bench/results/latest.md and latest.json (after every phase, so a long run leaves what it has). */
function write(result: { md: string; targets: Target[] }, opts: Options, sizes: SizeResult[], render: RenderBench | undefined, machine: Record<string, string>, growth?: GrowthResult[], page?: PageBench, throughput?: ThroughputBench): void {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  if (!/^[\w.-]+$/.test(opts.out)) throw new Error(`--out takes a file name without a directory, got "${opts.out}"`);
  writeFileSync(join(dir, `${opts.out}.md`), result.md);
  writeFileSync(join(dir, `${opts.out}.json`), JSON.stringify({ options: { ...opts, only: [...opts.only] }, machine, sizes, growth, render, page, throughput, targets: result.targets }, null, 2) + '\n');
}

const loadavgNow = () => osLoadavg().map((l) => l.toFixed(1)).join(' ');

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const machine = machineInfo();
  const loadavg = loadavgNow();
  log(`Benchmarks: sizes ${opts.sizes.join(', ')}; rendering ${opts.renderSizes.join(', ')}; load average ${loadavg}`);
  const sizes: SizeResult[] = [];
  // Rendering first: it needs no database, and a long corpus run then cannot starve it of its result.
  let render: RenderBench | undefined;
  if (opts.only.has('render')) {
    log(`Rendering ${opts.renderSizes.join(', ')} elements …`);
    render = await benchRendering(opts.renderSizes, {
      reps: opts.renderReps,
      panMs: opts.panMs,
      mainThreadUpTo: 5_000,
      thresholdFile: join(ROOT, 'client', 'src', 'graph', 'rendererThreshold.json'),
    });
  }
  // The page next: it needs only the small seed, and is quick.
  let page: PageBench | undefined;
  if (opts.only.has('page')) {
    log(`The page: main bundle and the start view's time to interactive (${opts.pageLoads} warm loads) …`);
    page = await benchPage({ loads: opts.pageLoads, warmups: opts.pageWarmups, distDir: opts.dist });
  }
  // Throughput next: it runs its own compiled app and Neo4j on a corpus of its own size.
  let throughput: ThroughputBench | undefined;
  if (opts.only.has('throughput')) {
    log(`Throughput: the compiled app against the bare driver at ${opts.throughput.connections.join(', ')} connections, ${opts.throughput.articles} articles …`);
    throughput = await benchThroughput(opts.throughput);
  }
  let neo4jVersion = 'unknown';
  if (opts.only.has('load') || opts.only.has('api')) {
    for (const articles of opts.sizes) {
      try {
        const keep = opts.sizes.length > 1 && (articles === opts.sizes[0] || articles === opts.sizes[opts.sizes.length - 1]);
        sizes.push(await benchSize(articles, opts, keep));
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        log(`The benchmarks at ${articles} articles failed: ${error}`);
        sizes.push({ articles, ours: [], csv: [], error });
      }
      write(report(opts, sizes, render, { ...machine, loadAverageAtStart: loadavg }, sizes.find((s) => s.neo4jVersion)?.neo4jVersion ?? 'unknown', undefined, page, throughput), opts, sizes, render, machine, undefined, page, throughput);
    }
    neo4jVersion = sizes.find((s) => s.neo4jVersion)?.neo4jVersion ?? neo4jVersion;
  }
  let growth: GrowthResult[] | undefined;
  const [small, large] = [opts.sizes[0]!, opts.sizes[opts.sizes.length - 1]!];
  try {
    if (kept.has(small) && kept.has(large) && small !== large) growth = await measureGrowth(small, large, opts);
  } catch (err) {
    log(`The growth measurement failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    for (const neo of kept.values()) await neo.dispose();
  }
  const final = report(opts, sizes, render, { ...machine, loadAverageAtStart: loadavg, loadAverageAtEnd: loadavgNow() }, neo4jVersion, growth, page, throughput);
  write(final, opts, sizes, render, machine, growth, page, throughput);
  process.stdout.write(final.md + '\n');
  log(`Written to bench/results/${opts.out}.md and ${opts.out}.json.`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
