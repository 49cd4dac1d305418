/**
 * API overhead benchmark: each endpoint through HTTP (the real app in its own process) against the bare
 * driver running the very statements the app sends for that request, interleaved request by request.
 *
 * The statements are captured, not copied by hand: an in-process app whose driver is wrapped in a recorder
 * answers each request once to warm up and once more to record, so the bare side replays exactly the Cypher
 * and parameters of the service (id resolution, the main query, evidence and name look-ups, EXPLAIN checks),
 * in the same read/write mode, with statements the service ran concurrently replayed concurrently.
 */
import { request as httpRequest, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver, type ManagedTransaction, type Session, type SessionConfig } from 'neo4j-driver';
import { pino } from 'pino';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDriver, Database } from '../server/neo4j/database';
import { startApp, type RunningApp } from '../tests/support/app';
import type { BenchNeo4j } from './lib/neo4j';
import { log, procStatusKb, summarise, type Summary } from './lib/util';

// ─── one request, over HTTP ────────────────────────────────────────────────────────────────────────────────

export interface ApiRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** Sends a request on a kept-alive socket and reads the whole body; rejects on a status other than 2xx. */
export function send(baseUrl: string, req: ApiRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
    const r = httpRequest(
      `${baseUrl}${req.path}`,
      { method: req.method, agent, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          if ((res.statusCode ?? 0) >= 300) reject(new Error(`${req.method} ${req.path} answered ${res.statusCode}: ${body.toString('utf8').slice(0, 300)}`));
          else resolve(body.length);
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.setTimeout(120_000, () => r.destroy(new Error(`${req.method} ${req.path} timed out`)));
    if (payload) r.write(payload);
    r.end();
  });
}

// ─── recording what the service sends to Neo4j ─────────────────────────────────────────────────────────────

interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** One unit of work the service ran: an executeQuery, an auto-commit `session.run`, or a transaction function with its statements. */
export interface RecordedCall {
  kind: 'query' | 'auto' | 'tx';
  mode: 'READ' | 'WRITE';
  statements: Statement[];
  /** Calls with the same group ran concurrently (one started while another was still running). */
  group: number;
}

class Recorder {
  calls: RecordedCall[] = [];
  on = false;
  private inflight = 0;
  private group = 0;

  begin(kind: RecordedCall['kind'], mode: RecordedCall['mode']): RecordedCall {
    if (this.inflight === 0) this.group++;
    this.inflight++;
    const call: RecordedCall = { kind, mode, statements: [], group: this.group };
    if (this.on) this.calls.push(call);
    return call;
  }

  end(): void {
    this.inflight--;
  }
}

function wrapTx(tx: ManagedTransaction, call: RecordedCall): ManagedTransaction {
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === 'run') {
        return (cypher: string, params: Record<string, unknown> = {}) => {
          call.statements.push({ cypher, params });
          return target.run(cypher, params);
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

function wrapSession(session: Session, cfg: SessionConfig | undefined, rec: Recorder): Session {
  const sessionMode = cfg?.defaultAccessMode === neo4j.session.READ ? 'READ' : 'WRITE';
  return new Proxy(session, {
    get(target, prop) {
      if (prop === 'executeRead' || prop === 'executeWrite') {
        return async (work: (tx: ManagedTransaction) => unknown, txConfig?: unknown) => {
          const call = rec.begin('tx', prop === 'executeRead' ? 'READ' : 'WRITE');
          try {
            const fn = (target[prop] as (w: (tx: ManagedTransaction) => unknown, c?: unknown) => Promise<unknown>).bind(target);
            return await fn((tx) => work(wrapTx(tx, call)), txConfig);
          } finally {
            rec.end();
          }
        };
      }
      if (prop === 'run') {
        return (cypher: string, params: Record<string, unknown> = {}, txConfig?: unknown) => {
          const call = rec.begin('auto', sessionMode);
          call.statements.push({ cypher, params });
          const result = (target.run as (c: string, p: unknown, t?: unknown) => ReturnType<Session['run']>).call(target, cypher, params, txConfig);
          void result.summary().then(
            () => rec.end(),
            () => rec.end(),
          );
          return result;
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** A driver that records every statement sent through executeQuery and sessions while `rec.on`. */
function recordingDriver(driver: Driver, rec: Recorder): Driver {
  return new Proxy(driver, {
    get(target, prop) {
      if (prop === 'executeQuery') {
        return async (cypher: string, params: Record<string, unknown> = {}, config: { routing?: string } & Record<string, unknown> = {}) => {
          const call = rec.begin('query', config.routing === 'READ' ? 'READ' : 'WRITE');
          call.statements.push({ cypher, params });
          try {
            return await target.executeQuery(cypher, params, config as Parameters<Driver['executeQuery']>[2]);
          } finally {
            rec.end();
          }
        };
      }
      if (prop === 'session') return (cfg?: SessionConfig) => wrapSession(target.session(cfg), cfg, rec);
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** Answers each request in an in-process app (once to warm caches, once recorded) and returns what it sent to Neo4j. */
export async function captureStatements(neo: Pick<BenchNeo4j, 'uri' | 'password'>, requests: ApiRequest[]): Promise<RecordedCall[][]> {
  const config = loadConfig({ NEO4J_URI: neo.uri, NEO4J_PASSWORD: neo.password, SEED_ON_START: 'false', LOG_LEVEL: 'silent' });
  const rec = new Recorder();
  const driver = createDriver(neo.uri, 'neo4j', neo.password);
  const logger = pino({ level: 'silent' });
  const db = new Database(recordingDriver(driver, rec), neo.uri, config.neo4j.database, config.queryTimeoutMs);
  const app = createApp({ config, db, log: logger, embedded: false }, logger);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const out: RecordedCall[][] = [];
    for (const req of requests) {
      await send(baseUrl, req);
      rec.calls = [];
      rec.on = true;
      await send(baseUrl, req);
      rec.on = false;
      out.push(rec.calls.filter((c) => c.statements.length > 0));
    }
    return out;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await driver.close();
  }
}

async function runCall(driver: Driver, call: RecordedCall): Promise<void> {
  if (call.kind === 'query') {
    const s = call.statements[0]!;
    await driver.executeQuery(s.cypher, s.params, { database: 'neo4j', routing: call.mode });
    return;
  }
  if (call.kind === 'auto') {
    await autoCommit(driver, call);
    return;
  }
  const session = driver.session({ database: 'neo4j', defaultAccessMode: call.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  try {
    const work = async (tx: ManagedTransaction) => {
      for (const s of call.statements) await tx.run(s.cypher, s.params);
    };
    await (call.mode === 'READ' ? session.executeRead(work) : session.executeWrite(work));
  } finally {
    await session.close();
  }
}

/** Runs a call's statements as auto-commit queries in one session of its mode: the cheapest path through the driver. */
export async function autoCommit(driver: Driver, call: RecordedCall): Promise<void> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: call.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  try {
    for (const s of call.statements) await session.run(s.cypher, s.params);
  } finally {
    await session.close();
  }
}

/** Replays one request's recorded calls with the bare driver: groups in order, each group's calls concurrently. */
export async function replay(driver: Driver, calls: RecordedCall[]): Promise<void> {
  const groups = new Map<number, RecordedCall[]>();
  for (const c of calls) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  for (const group of groups.values()) await Promise.all(group.map((c) => runCall(driver, c)));
}

// ─── the measurement ───────────────────────────────────────────────────────────────────────────────────────

export interface Endpoint {
  name: string;
  /** Request variants, used round-robin (the same variant for both sides of an iteration). */
  requests: ApiRequest[];
}

export interface EndpointResult {
  name: string;
  example: string;
  statements: number;
  api: Summary;
  bare: Summary;
  ratioP50: number;
  ratioP95: number;
  errors: number;
  firstError?: string;
}

export interface ApiBenchOptions {
  reps: number;
  warmup: number;
  /** Stop an endpoint's loop after this long, whatever the count. */
  timeBudgetMs: number;
}

/** Times every endpoint over HTTP and with the bare driver, alternating which goes first. */
export async function benchEndpoints(app: RunningApp, neo: BenchNeo4j, endpoints: Endpoint[], opts: ApiBenchOptions): Promise<EndpointResult[]> {
  const bare = createDriver(neo.uri, 'neo4j', neo.password);
  const results: EndpointResult[] = [];
  try {
    for (const ep of endpoints) {
      let captured: RecordedCall[][];
      try {
        captured = await captureStatements(neo, ep.requests);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        log(`  ${ep.name}: the request itself fails, so nothing to compare: ${message}`);
        const none = summarise([]);
        results.push({ name: ep.name, example: `${ep.requests[0]!.method} ${ep.requests[0]!.path}`, statements: 0, api: none, bare: none, ratioP50: NaN, ratioP95: NaN, errors: 1, firstError: message });
        continue;
      }
      const statements = Math.round(captured.reduce((a, c) => a + c.reduce((b, call) => b + call.statements.length, 0), 0) / captured.length);
      const apiTimes: number[] = [];
      const bareTimes: number[] = [];
      let errors = 0;
      let firstError: string | undefined;
      const deadline = Date.now() + opts.timeBudgetMs;
      for (let i = 0; i < opts.warmup + opts.reps && Date.now() < deadline; i++) {
        const v = i % ep.requests.length;
        const timeApi = async () => {
          const t = performance.now();
          await send(app.url, ep.requests[v]!);
          return performance.now() - t;
        };
        const timeBare = async () => {
          const t = performance.now();
          await replay(bare, captured[v]!);
          return performance.now() - t;
        };
        try {
          let a: number;
          let b: number;
          if (i % 2 === 0) {
            a = await timeApi();
            b = await timeBare();
          } else {
            b = await timeBare();
            a = await timeApi();
          }
          if (i >= opts.warmup) {
            apiTimes.push(a);
            bareTimes.push(b);
          }
        } catch (err) {
          errors++;
          firstError ??= err instanceof Error ? err.message : String(err);
          if (errors > 20) break;
        }
      }
      const api = summarise(apiTimes);
      const bareS = summarise(bareTimes);
      const r0 = ep.requests[0]!;
      results.push({
        name: ep.name,
        example: `${r0.method} ${r0.path}${r0.body ? ` ${JSON.stringify(r0.body)}` : ''}`,
        statements,
        api,
        bare: bareS,
        ratioP50: api.p50 / bareS.p50,
        ratioP95: api.p95 / bareS.p95,
        errors,
        ...(firstError ? { firstError } : {}),
      });
      log(`  ${ep.name}: api p50 ${api.p50.toFixed(2)} / p95 ${api.p95.toFixed(2)} ms, bare p50 ${bareS.p50.toFixed(2)} / p95 ${bareS.p95.toFixed(2)} ms (${api.n} reps, ${errors} errors)`);
    }
  } finally {
    await bare.close();
  }
  return results;
}

export interface MemoryResult {
  requests: number;
  errors: number;
  rssBeforeKb: number | undefined;
  rssAfterKb: number | undefined;
  seconds: number;
}

/** Server RSS before and after `count` mixed requests (four at a time, bounded in count and time). */
export async function memoryUnderLoad(app: RunningApp, endpoints: Endpoint[], count: number, timeBudgetMs: number): Promise<MemoryResult> {
  const pid = app.process.pid!;
  const mix = endpoints.flatMap((e) => e.requests);
  const rssBeforeKb = procStatusKb(pid, 'VmRSS');
  const started = Date.now();
  let next = 0;
  let done = 0;
  let errors = 0;
  const worker = async () => {
    while (next < count && Date.now() - started < timeBudgetMs) {
      const req = mix[next++ % mix.length]!;
      try {
        await send(app.url, req);
      } catch {
        errors++;
      }
      done++;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return { requests: done, errors, rssBeforeKb, rssAfterKb: procStatusKb(pid, 'VmRSS'), seconds: (Date.now() - started) / 1000 };
}

/** Starts the real app (`tsx server/main.ts`) in its own process against the bench database. */
export function startBenchApp(neo: BenchNeo4j): Promise<RunningApp> {
  return startApp({ NEO4J_URI: neo.uri, NEO4J_PASSWORD: neo.password, SEED_ON_START: 'false', LOG_LEVEL: 'warn' });
}

// ─── choosing the requests ─────────────────────────────────────────────────────────────────────────────────

/** Picks request variants from the loaded data: typical nodes for detail, hubs for capped expansion. */
export async function chooseEndpoints(neo: BenchNeo4j, variants = 5): Promise<Endpoint[]> {
  const q = async <T>(cypher: string, params: Record<string, unknown> = {}) =>
    (await neo.driver.executeQuery(cypher, params, { database: 'neo4j', routing: 'READ' })).records.map((r) => r.toObject() as T);
  const { actors, people } = (await q<{ actors: number; people: number }>('RETURN COUNT { (:Actor) } AS actors, COUNT { (:Person) } AS people'))[0]!;
  const spaced = (n: number) => Array.from({ length: variants }, (_, i) => neo4j.int(Math.floor(((i + 0.5) * Number(n)) / variants)));
  // Evenly spaced through the label scan: typical, mostly long-tail nodes, the same way at every corpus size.
  const typicalActors = (await Promise.all(spaced(actors).map((skip) => q<{ id: string; name: string }>('MATCH (a:Actor) RETURN a.id AS id, a.name AS name SKIP $skip LIMIT 1', { skip })))).flat();
  const typicalPeople = (await Promise.all(spaced(people).map((skip) => q<{ id: string; name: string }>('MATCH (p:Person) RETURN p.id AS id, p.name AS name SKIP $skip LIMIT 1', { skip })))).flat();
  const hubs = await q<{ id: string }>('MATCH (a:Actor) RETURN a.id AS id ORDER BY COUNT { (a)--() } DESC LIMIT $n', { n: neo4j.int(variants) });
  const detailNodes = typicalActors.flatMap((a, i) => [a, typicalPeople[i]!].filter(Boolean)).slice(0, variants);
  const prefix = (name: string) => name.split(/\s+/)[0]!.slice(0, 5);
  return [
    {
      name: 'search',
      requests: detailNodes.map((n, i) => ({ method: 'GET' as const, path: `/api/search?q=${encodeURIComponent(i % 2 ? prefix(n.name) : n.name)}&limit=10` })),
    },
    { name: 'node detail', requests: detailNodes.map((n) => ({ method: 'GET' as const, path: `/api/nodes/${encodeURIComponent(n.id)}` })) },
    { name: 'expansion (hub, limit 25)', requests: hubs.map((h) => ({ method: 'GET' as const, path: `/api/nodes/${encodeURIComponent(h.id)}/neighbours?limit=25` })) },
    // Past the ranking the server remembers for a hub: ranks all of the hub's neighbours, as a first expansion does.
    { name: 'expansion (hub, offset 500)', requests: hubs.map((h) => ({ method: 'GET' as const, path: `/api/nodes/${encodeURIComponent(h.id)}/neighbours?limit=25&offset=500` })) },
    {
      name: 'path',
      requests: typicalActors.map((a, i) => {
        const b = typicalPeople[(i + 2) % typicalPeople.length]!;
        return { method: 'GET' as const, path: `/api/paths?from=${encodeURIComponent(a.id)}&to=${encodeURIComponent(b.id)}&maxLength=6&avoid=Article&limit=3` };
      }),
    },
    {
      name: 'saved query (partners-of-actor)',
      requests: typicalActors.map((a) => ({ method: 'POST' as const, path: '/api/queries/partners-of-actor/run', body: { params: { actor: a.id, limit: 50 } } })),
    },
  ];
}

// ─── latency growth with corpus size ───────────────────────────────────────────────────────────────────────

export interface GrowthResult {
  name: string;
  small: Summary;
  large: Summary;
  errors: number;
}

/**
 * The same endpoints on two corpus sizes at once (two databases, two apps), requests alternating between
 * them (small, large, large, small, …), so that the machine's load hits both sizes alike.
 */
export async function benchGrowth(
  small: { app: RunningApp; endpoints: Endpoint[] },
  large: { app: RunningApp; endpoints: Endpoint[] },
  opts: { reps: number; warmup: number; timeBudgetMs: number },
): Promise<GrowthResult[]> {
  const results: GrowthResult[] = [];
  for (const ep of small.endpoints) {
    const other = large.endpoints.find((e) => e.name === ep.name);
    if (!other) continue;
    const a: number[] = [];
    const b: number[] = [];
    let errors = 0;
    const deadline = Date.now() + opts.timeBudgetMs;
    const time = async (url: string, req: ApiRequest) => {
      const t = performance.now();
      await send(url, req);
      return performance.now() - t;
    };
    for (let i = 0; i < opts.warmup + opts.reps && Date.now() < deadline; i++) {
      const rs = ep.requests[i % ep.requests.length]!;
      const rl = other.requests[i % other.requests.length]!;
      try {
        let ts: number;
        let tl: number;
        if (i % 2 === 0) {
          ts = await time(small.app.url, rs);
          tl = await time(large.app.url, rl);
        } else {
          tl = await time(large.app.url, rl);
          ts = await time(small.app.url, rs);
        }
        if (i >= opts.warmup) {
          a.push(ts);
          b.push(tl);
        }
      } catch {
        errors++;
        if (errors > 20) break;
      }
    }
    const r = { name: ep.name, small: summarise(a), large: summarise(b), errors };
    log(`  growth, ${ep.name}: p50 ${r.small.p50.toFixed(1)} → ${r.large.p50.toFixed(1)} ms, p95 ${r.small.p95.toFixed(1)} → ${r.large.p95.toFixed(1)} ms`);
    results.push(r);
  }
  return results;
}
