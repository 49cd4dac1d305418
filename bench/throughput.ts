/**
 * Throughput and load (issue 13): the compiled app (`node dist-server/main.js`, as `npm start` runs it, with its own embedded Neo4j on
 * a free port and a throw-away data directory) under the explorer's mixed read workload.
 *
 * 1. At 1, 10 and 50 connections: API requests/s against the bare driver running the same statements at the
 *    same concurrency against the same Neo4j, in alternating phases (API, bare, bare, API), as a ratio. The
 *    statements are captured from the app itself (bench/api.ts) and replayed as auto-commit reads, the
 *    cheapest path through the driver.
 * 2. 200 connections for 60 s against the app: how it answers (no 500s; load shed as 503 with Retry-After)
 *    and the latency of the admitted requests.
 * 3. Four runaway ad-hoc queries from four clients: the other requests' p95 against a baseline without them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { freePort } from '../tests/support/ports';
import { captureStatements, type ApiRequest, type RecordedCall } from './api';
import { corpus } from './corpus';
import { runLoader } from './load';
import { log, quantileSorted } from './lib/util';

const ROOT = new URL('..', import.meta.url).pathname;
const SERVER_MAIN = join(ROOT, 'dist-server', 'main.js');

// ─── the compiled app with its own embedded Neo4j ──────────────────────────────────────────────────────────

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Compiles the server (scripts/build-server.mjs) unless dist-server/ is newer than every source it is built from. */
export function ensureCompiledServer(): string {
  const built = existsSync(SERVER_MAIN) ? statSync(SERVER_MAIN).mtimeMs : 0;
  const sources = Math.max(...['server', 'contract', 'scripts/build-server.mjs', 'scripts/neo4j-jars.mjs', 'package.json'].map((p) => newestMtime(join(ROOT, p))));
  if (built > sources) return SERVER_MAIN;
  log('Compiling the server (node scripts/build-server.mjs) …');
  const r = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`Compiling the server failed (exit ${r.status}).`);
  return SERVER_MAIN;
}

export interface CompiledApp {
  url: string;
  pid: number;
  boltUri: string;
  password: string;
  logFile: string;
  /** SIGTERM (the app stops its Neo4j), SIGKILL after a grace period, then the temp directory goes. */
  stop(): Promise<void>;
}

const BENCH_PASSWORD = 'throughput-bench-1';

/** The PIDs of a process's children (the embedded JVM), from /proc. */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) =>
      readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8')
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Runs `node dist-server/main.js` on 127.0.0.1 with its own embedded Neo4j (free Bolt port, temp data
 * directory), as a deployment runs it; its log goes to a file, as a deployment's would.
 */
export async function startCompiledApp(env: Record<string, string> = {}, opts: { main?: string; timeoutMs?: number; nodeArgs?: string[] } = {}): Promise<CompiledApp> {
  const main = opts.main ?? ensureCompiledServer();
  const timeoutMs = opts.timeoutMs ?? 240_000;
  const [port, boltPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'explorer-throughput-'));
  const logFile = join(dir, 'app.log');
  const fd = openSync(logFile, 'a');
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_') || k === 'NEO4J_JAVA'));
  let child: ChildProcess;
  try {
    // Source maps on, as scripts/start.mjs (`npm start`) runs the server.
    child = spawn(process.execPath, ['--enable-source-maps', ...(opts.nodeArgs ?? []), main], {
      cwd: ROOT,
      env: {
        ...base,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        NEO4J_EMBEDDED_PORT: String(boltPort),
        NEO4J_EMBEDDED_DATA: join(dir, 'neo4j'),
        NEO4J_PASSWORD: BENCH_PASSWORD,
        SEED_ON_START: 'false',
        // The warm standby JVM would compete with the measurement for the two cores while it warms up.
        NEO4J_EMBEDDED_STANDBY: 'false',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const tail = () => readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  const started = Date.now();
  for (;;) {
    let failure: string | undefined;
    if (child.exitCode !== null || child.signalCode !== null) failure = `The compiled app exited during start-up:\n${tail()}`;
    else if (readFileSync(logFile, 'utf8').includes('Explorer running at')) break;
    else if (Date.now() - started > timeoutMs) failure = `The compiled app did not start within ${timeoutMs / 1000} s:\n${tail()}`;
    if (failure) {
      const jvms = childrenOf(child.pid!);
      child.kill('SIGKILL');
      await exited;
      for (const jvm of jvms) if (alive(jvm)) process.kill(jvm, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(failure);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid!;
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    boltUri: `bolt://127.0.0.1:${boltPort}`,
    password: BENCH_PASSWORD,
    logFile,
    async stop() {
      const jvms = childrenOf(pid);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
      for (const jvm of jvms) if (alive(jvm)) process.kill(jvm, 'SIGKILL');
      for (let i = 0; i < 50 && jvms.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ─── HTTP, one answer at a time ────────────────────────────────────────────────────────────────────────────

export interface Answer {
  /** 0 when the socket failed or timed out. */
  status: number;
  ms: number;
  retryAfter: boolean;
  error?: string;
}

/** Sends one request and reads its body; never rejects (a socket error is status 0). */
export function hit(agent: Agent, baseUrl: string, req: ApiRequest, localAddress?: string, timeoutMs = 60_000): Promise<Answer> {
  const t = performance.now();
  return new Promise((resolve) => {
    const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
    const done = (a: Omit<Answer, 'ms'>) => resolve({ ...a, ms: performance.now() - t });
    const r = httpRequest(
      `${baseUrl}${req.path}`,
      {
        method: req.method,
        agent,
        ...(localAddress ? { localAddress } : {}),
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          if (status >= 300) chunks.push(c);
        });
        res.on('end', () =>
          done({ status, retryAfter: res.headers['retry-after'] !== undefined, ...(status >= 300 ? { error: `${req.method} ${req.path} → ${status}: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}` } : {}) }),
        );
        res.on('error', (err) => done({ status: 0, retryAfter: false, error: err.message }));
      },
    );
    r.on('error', (err) => done({ status: 0, retryAfter: false, error: `${req.method} ${req.path}: ${err.message}` }));
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    if (payload) r.write(payload);
    r.end();
  });
}

// ─── the workload ──────────────────────────────────────────────────────────────────────────────────────────

export interface MixEntry {
  name: string;
  /** Share of the mix: how many of every `sum(weights)` requests are of this kind. */
  weight: number;
  requests: ApiRequest[];
}

/**
 * The explorer's own requests, picked from the loaded data the way a user meets them: search as one types
 * (whole names and prefixes), a node's detail, expanding a node (typical ones and hubs), a path between two
 * nodes and the start view's graph.
 */
export async function chooseMix(driver: Driver, variants = 6): Promise<MixEntry[]> {
  const q = async <T>(cypher: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(cypher, params, { database: 'neo4j', routing: 'READ' })).records.map((r) => r.toObject() as T);
  const { actors, people } = (await q<{ actors: number; people: number }>('RETURN COUNT { (:Actor) } AS actors, COUNT { (:Person) } AS people'))[0]!;
  const spaced = (n: number) => Array.from({ length: variants }, (_, i) => neo4j.int(Math.floor(((i + 0.5) * Number(n)) / variants)));
  const at = (label: 'Actor' | 'Person') => (skip: ReturnType<typeof neo4j.int>) => q<{ id: string; name: string }>(`MATCH (a:${label}) RETURN a.id AS id, a.name AS name ORDER BY a.id SKIP $skip LIMIT 1`, { skip });
  const typicalActors = (await Promise.all(spaced(actors).map(at('Actor')))).flat();
  const typicalPeople = (await Promise.all(spaced(people).map(at('Person')))).flat();
  const hubs = await q<{ id: string }>('MATCH (a:Actor) RETURN a.id AS id ORDER BY COUNT { (a)--() } DESC, a.id LIMIT 2');
  const nodes = typicalActors.flatMap((a, i) => [a, typicalPeople[i]].filter((x): x is { id: string; name: string } => Boolean(x))).slice(0, variants);
  const prefix = (name: string) => name.split(/\s+/)[0]!.slice(0, 5);
  const get = (path: string): ApiRequest => ({ method: 'GET', path });
  return [
    { name: 'search', weight: 3, requests: nodes.map((n, i) => get(`/api/search?q=${encodeURIComponent(i % 2 ? prefix(n.name) : n.name)}&limit=10`)) },
    { name: 'node detail', weight: 3, requests: nodes.map((n) => get(`/api/nodes/${encodeURIComponent(n.id)}`)) },
    {
      name: 'expand',
      weight: 2,
      requests: [...nodes.slice(0, variants - hubs.length), ...hubs].map((n) => ({ method: 'POST' as const, path: '/api/expand', body: { ids: [n.id], limit: 25, offset: 0 } })),
    },
    {
      name: 'paths',
      weight: 1,
      requests: typicalActors.map((a, i) => get(`/api/paths?from=${encodeURIComponent(a.id)}&to=${encodeURIComponent(typicalPeople[(i + 2) % typicalPeople.length]!.id)}&maxLength=6&avoid=Article&limit=3`)),
    },
    // The start view (client/src/explorer/derive.ts: START_LIMIT, START_LABELS).
    { name: 'graph (start view)', weight: 1, requests: [get('/api/graph?limit=60&labels=Actor,Person,Role,Agreement,Document')] },
  ];
}

export interface Item {
  name: string;
  request: ApiRequest;
  calls: RecordedCall[];
}

/** One request schedule both sides walk through: the weights interleaved, each kind cycling through its variants. */
export function schedule(mix: MixEntry[], captured: Map<ApiRequest, RecordedCall[]>): Item[] {
  const out: Item[] = [];
  const rounds = Math.max(...mix.map((m) => m.requests.length));
  for (let round = 0; round < rounds; round++) {
    for (let slot = 0; slot < Math.max(...mix.map((m) => m.weight)); slot++) {
      for (const m of mix) {
        if (slot >= m.weight) continue;
        const request = m.requests[(round * m.weight + slot) % m.requests.length]!;
        out.push({ name: m.name, request, calls: captured.get(request)! });
      }
    }
  }
  return out;
}

/** The recorded calls replayed by the bare driver, every statement an auto-commit read in a session of its mode. */
async function replayAutoCommit(driver: Driver, calls: RecordedCall[]): Promise<void> {
  const groups = new Map<number, RecordedCall[]>();
  for (const c of calls) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  for (const group of groups.values()) {
    await Promise.all(
      group.map(async (c) => {
        const session = driver.session({ database: 'neo4j', defaultAccessMode: c.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
        try {
          for (const s of c.statements) await session.run(s.cypher, s.params);
        } finally {
          await session.close();
        }
      }),
    );
  }
}

// ─── closed-loop load ──────────────────────────────────────────────────────────────────────────────────────

export interface Tally {
  ms: number;
  /** Latencies of the requests answered 2xx. */
  ok: number[];
  byStatus: Map<number, number>;
  with503RetryAfter: number;
  firstError?: string;
}

/** An empty count of answers and latencies. */
export const newTally = (): Tally => ({ ms: 0, ok: [], byStatus: new Map(), with503RetryAfter: 0 });

/**
 * `connections` workers on a fresh keep-alive agent, each sending the next request of `plan` as soon as the last
 * is answered, for `ms`. A fresh agent per phase: sockets left idle through the other side's phase would meet
 * the server's keep-alive timeout (5 s) just as they are reused, and fail as "socket hang up".
 */
export async function httpPhase(baseUrl: string, plan: Item[], connections: number, ms: number, into?: Tally): Promise<Tally> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  try {
    return await closedLoop(connections, ms, (i) => hit(agent, baseUrl, plan[i % plan.length]!.request), into);
  } finally {
    agent.destroy();
  }
}

/** `connections` workers, each sending its next request as soon as the last one is answered, for `ms`. */
export async function closedLoop(connections: number, ms: number, op: (i: number) => Promise<Answer>, into: Tally = newTally()): Promise<Tally> {
  let next = 0;
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const a = await op(next++);
        into.byStatus.set(a.status, (into.byStatus.get(a.status) ?? 0) + 1);
        if (a.status >= 200 && a.status < 300) into.ok.push(a.ms);
        else {
          if (a.status === 503 && a.retryAfter) into.with503RetryAfter++;
          into.firstError ??= a.error;
        }
      }
    }),
  );
  into.ms += performance.now() - started;
  return into;
}

export interface Side {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers other than 2xx (or driver errors on the bare side). */
  failures: number;
  firstError?: string;
}

/** Requests/s and latency quantiles of a tally's 2xx answers. */
export function side(t: Tally): Side {
  const sorted = [...t.ok].sort((a, b) => a - b);
  const failures = [...t.byStatus.entries()].filter(([s]) => s < 200 || s >= 300).reduce((a, [, n]) => a + n, 0);
  return {
    requests: sorted.length,
    seconds: t.ms / 1000,
    perSecond: sorted.length / (t.ms / 1000),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    failures,
    ...(t.firstError ? { firstError: t.firstError } : {}),
  };
}

// ─── the benchmark ─────────────────────────────────────────────────────────────────────────────────────────

export interface ThroughputOptions {
  articles: number;
  connections: number[];
  /** Length of one timed phase per side; each side gets `reps` phases, alternating. */
  phaseMs: number;
  reps: number;
  loadConnections: number;
  loadMs: number;
  runawayPhaseMs: number;
  /** Baseline/runaway phase pairs (B R, then R B …). */
  runawayReps: number;
  /** Configuration for the app beyond its defaults, e.g. admission limits to try (`--app-env`). */
  appEnv?: Record<string, string>;
}

export interface ThroughputLevel {
  connections: number;
  api: Side;
  bare: Side;
  ratio: number;
}

export interface LoadResult {
  connections: number;
  /** How long requests were started; `seconds` adds the time the last ones took to be answered. */
  plannedSeconds: number;
  seconds: number;
  answers: number;
  byStatus: Record<string, number>;
  status500: number;
  shed503: number;
  shed503WithRetryAfter: number;
  /** Answered, not shed (every status but 503 and 429; 0 = socket error or no answer). */
  admitted: Side;
}

export interface RunawayResult {
  connections: number;
  cypher: string;
  baseline: Side;
  during: Side;
  ratioP95: number;
  /** How the four runaway clients' requests were answered, by status. */
  runawayAnswers: Record<string, number>;
}

export interface ThroughputBench {
  articles: number;
  appEnv: Record<string, string>;
  command: string;
  mix: { name: string; weight: number; variants: number; statements: number; example: string }[];
  levels: ThroughputLevel[];
  load?: LoadResult;
  runaways?: RunawayResult;
  error?: string;
}

// Four analysts' ad-hoc queries that run until the Cypher time limit stops them: a three-way cartesian product
// over the entities, filtered so that it cannot finish early, CPU-bound and using almost no memory.
const RUNAWAY_CYPHER = "MATCH (a:Entity), (b:Entity), (c:Entity) WHERE a.name < b.name AND b.name < c.name AND a.name + b.name + c.name STARTS WITH '~' RETURN count(*) AS n";

/** Runs the three measurements on a fresh compiled app; what it got so far is kept when a later part fails. */
export async function benchThroughput(opts: ThroughputOptions): Promise<ThroughputBench> {
  const out: ThroughputBench = { articles: opts.articles, appEnv: opts.appEnv ?? {}, command: 'node --enable-source-maps dist-server/main.js', mix: [], levels: [] };
  const dir = await corpus(opts.articles);
  log('Starting the compiled app (node dist-server/main.js) with its own embedded Neo4j …');
  const app = await startCompiledApp(opts.appEnv ?? {});
  const driver = neo4j.driver(app.boltUri, neo4j.auth.basic('neo4j', app.password));
  try {
    log(`Loading ${opts.articles} articles into the app's Neo4j …`);
    await runLoader(dir, { uri: app.boltUri, password: app.password, driver }, 600_000);

    const mix = await chooseMix(driver);
    const requests = mix.flatMap((m) => m.requests);
    const recorded = await captureStatements({ uri: app.boltUri, password: app.password }, requests);
    const captured = new Map(requests.map((r, i) => [r, recorded[i]!]));
    const count = (calls: RecordedCall[]) => calls.reduce((a, c) => a + c.statements.length, 0);
    out.mix = mix.map((m) => ({
      name: m.name,
      weight: m.weight,
      variants: m.requests.length,
      statements: Math.round((10 * m.requests.reduce((a, r) => a + count(captured.get(r)!), 0)) / m.requests.length) / 10,
      example: `${m.requests[0]!.method} ${m.requests[0]!.path}${m.requests[0]!.body ? ` ${JSON.stringify(m.requests[0]!.body)}` : ''}`,
    }));
    const plan = schedule(mix, captured);

    // 1. API vs bare driver, side by side.
    for (const connections of opts.connections) {
      const api = (ms: number, into?: Tally) => httpPhase(app.url, plan, connections, ms, into);
      const bare = async (i: number): Promise<Answer> => {
        const t = performance.now();
        try {
          await replayAutoCommit(driver, plan[i % plan.length]!.calls);
          return { status: 200, ms: performance.now() - t, retryAfter: false };
        } catch (err) {
          return { status: 0, ms: performance.now() - t, retryAfter: false, error: err instanceof Error ? err.message : String(err) };
        }
      };
      await api(1_500);
      await closedLoop(connections, 1_500, bare);
      const [a, b] = [newTally(), newTally()];
      for (let rep = 0; rep < opts.reps; rep++) {
        if (rep % 2 === 0) {
          await api(opts.phaseMs, a);
          await closedLoop(connections, opts.phaseMs, bare, b);
        } else {
          await closedLoop(connections, opts.phaseMs, bare, b);
          await api(opts.phaseMs, a);
        }
      }
      const level = { connections, api: side(a), bare: side(b), ratio: 0 };
      level.ratio = level.api.perSecond / level.bare.perSecond;
      out.levels.push(level);
      log(
        `  ${connections} connections: API ${level.api.perSecond.toFixed(0)}/s (p50 ${level.api.p50.toFixed(1)}, p99 ${level.api.p99.toFixed(1)} ms), bare ${level.bare.perSecond.toFixed(0)}/s (p50 ${level.bare.p50.toFixed(1)}, p99 ${level.bare.p99.toFixed(1)} ms): ${level.ratio.toFixed(2)}×${level.api.failures + level.bare.failures ? ` — failures ${level.api.failures}/${level.bare.failures}: ${level.api.firstError ?? level.bare.firstError}` : ''}`,
      );
    }

    // 2. Many connections at once.
    {
      log(`${opts.loadConnections} connections for ${opts.loadMs / 1000} s …`);
      const t = await httpPhase(app.url, plan, opts.loadConnections, opts.loadMs);
      // Admitted = answered by the explorer rather than shed; their latencies, whatever the status.
      const admittedTally = newTally();
      admittedTally.ms = t.ms;
      admittedTally.ok = t.ok;
      const byStatus = Object.fromEntries([...t.byStatus.entries()].sort(([x], [y]) => x - y).map(([s, n]) => [String(s), n]));
      const otherAdmitted = [...t.byStatus.entries()].filter(([s]) => s !== 503 && s !== 429 && s !== 0 && (s < 200 || s >= 300)).reduce((a, [, n]) => a + n, 0);
      out.load = {
        connections: opts.loadConnections,
        plannedSeconds: opts.loadMs / 1000,
        seconds: t.ms / 1000,
        answers: [...t.byStatus.values()].reduce((a, n) => a + n, 0),
        byStatus,
        status500: t.byStatus.get(500) ?? 0,
        shed503: t.byStatus.get(503) ?? 0,
        shed503WithRetryAfter: t.with503RetryAfter,
        admitted: { ...side(admittedTally), failures: otherAdmitted + (t.byStatus.get(0) ?? 0), ...(t.firstError ? { firstError: t.firstError } : {}) },
      };
      log(`  answers by status ${JSON.stringify(byStatus)}; admitted p99 ${out.load.admitted.p99.toFixed(0)} ms`);
    }

    // 3. Runaway ad-hoc queries against the explorer's own requests.
    out.runaways = await runaways(app, plan, opts);
  } catch (err) {
    out.error = err instanceof Error ? err.message : String(err);
    log(`The throughput benchmark failed: ${out.error}`);
  } finally {
    await driver.close().catch(() => {});
    await app.stop();
  }
  return out;
}

async function runaways(app: CompiledApp, plan: Item[], opts: ThroughputOptions): Promise<RunawayResult> {
  const connections = 10;
  log(`Four runaway ad-hoc queries vs ${connections} connections of explorer requests (${opts.runawayReps} × ${opts.runawayPhaseMs / 1000} s each way) …`);
  const explorer = (ms: number, into?: Tally) => httpPhase(app.url, plan, connections, ms, into);
  const runawayAnswers = new Map<number, number>();
  // Four analysts on four loopback addresses, so the per-client limit does not merge them into one.
  const analysts = [11, 12, 13, 14].map((n) => ({ address: `127.0.0.${n}`, agent: new Agent({ keepAlive: true, maxSockets: 1 }) }));
  const runaway: ApiRequest = { method: 'POST', path: '/api/cypher/run', body: { cypher: RUNAWAY_CYPHER } };
  const baseline = newTally();
  const during = newTally();
  const withRunaways = async () => {
    let stop = false;
    const loops = analysts.map(async (a) => {
      while (!stop) {
        const answer = await hit(a.agent, app.url, runaway, a.address);
        runawayAnswers.set(answer.status, (runawayAnswers.get(answer.status) ?? 0) + 1);
        // A careful client waits as long as Retry-After says before it asks again.
        if (answer.retryAfter && !stop) await new Promise((r) => setTimeout(r, 1_000));
      }
    });
    // Let the runaways get going before the clock starts.
    await new Promise((r) => setTimeout(r, 1_000));
    await explorer(opts.runawayPhaseMs, during);
    stop = true;
    await Promise.all(loops);
  };
  try {
    await explorer(1_500);
    for (let rep = 0; rep < opts.runawayReps; rep++) {
      if (rep % 2 === 0) {
        await explorer(opts.runawayPhaseMs, baseline);
        await withRunaways();
      } else {
        await withRunaways();
        await explorer(opts.runawayPhaseMs, baseline);
      }
    }
  } finally {
    for (const a of analysts) a.agent.destroy();
  }
  const b = side(baseline);
  const d = side(during);
  const result: RunawayResult = {
    connections,
    cypher: RUNAWAY_CYPHER,
    baseline: b,
    during: d,
    ratioP95: d.p95 / b.p95,
    runawayAnswers: Object.fromEntries([...runawayAnswers.entries()].sort(([x], [y]) => x - y).map(([s, n]) => [String(s), n])),
  };
  log(`  explorer p95 ${b.p95.toFixed(1)} → ${d.p95.toFixed(1)} ms (${result.ratioP95.toFixed(2)}×); runaways answered ${JSON.stringify(result.runawayAnswers)}`);
  return result;
}
