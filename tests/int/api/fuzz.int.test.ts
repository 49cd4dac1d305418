import { Agent, request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../../server/app';
import { seedCorpus, startExplorer, type Explorer } from './harness';

/**
 * Issue 13, items 5 and 6: a bounded, repeatable fuzz run on loopback. Requests are generated from the app's own
 * OpenAPI document (valid and mutated parameters and bodies) and hand-made malformed ones are mixed in: %-escapes
 * that are not UTF-8 in every path parameter, bodies that do not decompress, JSON nested far past the limit,
 * wrong content types, huge numbers, bytes that are not UTF-8, odd query strings. No answer may be a 5xx other
 * than a 503 or 504 carrying the JSON error body, and every malformed request must be refused with a 4xx.
 */

const SEED = 0x13_2026;
/** Generated requests; FUZZ_REQUESTS=10000 runs the issue's full target (about 40 s more on this machine). */
const GENERATED = Number(process.env['FUZZ_REQUESTS'] ?? 3_000);
const MALFORMED_ROUNDS = 6;
const CONCURRENCY = 6;
const BUDGET_MS = Math.max(80_000, GENERATED * 25);

/** mulberry32: a small seeded PRNG, so every run sends the same requests. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof prng>;

interface FuzzRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** A request that is malformed on purpose: it must be refused with a 4xx. */
  malformed?: string;
}

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

type JsonSchema = Record<string, any>;

const JUNK_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '💥🔥'.repeat(40),
  'Ⅻ٣४',
  'a'.repeat(5000),
  "') DETACH DELETE n //",
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\ud800',
  'true',
  '-0',
  'NaN',
  '1e309',
  '0000-00-00',
  '2019-02-29',
  '2020-02-29',
  '9999-12-31',
];
const HUGE_NUMBERS = ['1e309', '-1e309', '99999999999999999999999999', '-9007199254740993', '0x10', '1.5', '08', '', '１２'];

/** Ids that exist in the seed, so some generated requests reach the database and not only the validators. */
const KNOWN = {
  node: ['actor-skr', 'actor-digg', 'person-lena-micko', 'person-ardalan-shekarabi'],
  query: ['agreement-points', 'graph-as-of', 'roles-of-person', 'most-connected-actors', 'no-such-query'],
};

function randomString(rng: Rng): string {
  if (rng.chance(0.4)) return rng.pick(JUNK_STRINGS);
  const alphabet = 'abcdefghijklmnopqrstuvwxyzåäöABC0123456789-_ ,.%&=?#/\\"\'\u00e9\u4e2d\u{1f600}';
  const chars = [...alphabet];
  return Array.from({ length: rng.int(0, 24) }, () => rng.pick(chars)).join('');
}

/** A value for a JSON Schema: mostly valid, sometimes off by a little, sometimes junk. */
function valueFor(schema: JsonSchema | undefined, rng: Rng, name: string, depth = 0): unknown {
  if (!schema || depth > 6) return randomString(rng);
  if (rng.chance(0.08)) return rng.pick<unknown>([null, true, 0, -1, 1e308, [], {}, randomString(rng)]);
  if (schema.anyOf) return valueFor(rng.pick(schema.anyOf as JsonSchema[]), rng, name, depth + 1);
  if (schema.enum) return rng.chance(0.9) ? rng.pick(schema.enum as unknown[]) : randomString(rng);
  if (schema.const !== undefined) return schema.const;
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const lo = typeof schema.minimum === 'number' ? schema.minimum : -1000;
      const hi = typeof schema.maximum === 'number' ? Math.min(schema.maximum, lo + 10_000) : lo + 1000;
      if (rng.chance(0.15)) return rng.pick([lo - 1, hi + 1, 2 ** 53, -(2 ** 53), 1.5]);
      return rng.int(lo, hi);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'array': {
      const n = rng.int(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, (schema.minItems ?? 0) + 4));
      return Array.from({ length: n }, () => valueFor(schema.items as JsonSchema, rng, name, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set<string>(schema.required ?? []);
      for (const [key, prop] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
        if (required.has(key) ? rng.chance(0.95) : rng.chance(0.5)) out[key] = valueFor(prop, rng, key, depth + 1);
      }
      if (rng.chance(0.1)) out[rng.pick(['extra', '__proto__', 'constructor', ''])] = randomString(rng);
      return out;
    }
    case 'string': {
      if (schema.format === 'date') return rng.chance(0.8) ? `${rng.int(1, 2999)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 31)).padStart(2, '0')}` : rng.pick(JUNK_STRINGS);
      if (name === 'cypher') return rng.pick(['RETURN 1 AS one', 'MATCH (n) RETURN n LIMIT 3', 'MATCH (n {id: $id}) RETURN n', 'CREATE (x)', 'RETURN $a + ', randomString(rng)]);
      if (['id', 'from', 'to'].includes(name) || name === 'ids') return rng.chance(0.6) ? rng.pick(KNOWN.node) : randomString(rng);
      if (name === 'name') return rng.chance(0.6) ? rng.pick(KNOWN.query) : randomString(rng);
      return randomString(rng);
    }
    default:
      return randomString(rng);
  }
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as its WTF-8 bytes (%ED%A0%80 …). */
function encodePathPart(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out += ch.length === 1 && c >= 0xd800 && c <= 0xdfff ? `%ED%${(0x80 + ((c >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 + (c & 0x3f)).toString(16).toUpperCase()}` : encodeURIComponent(ch);
  }
  return out;
}

function toQueryValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (typeof value === 'string') return [value];
  return [JSON.stringify(value) ?? ''];
}

/** One request generated from an operation of the OpenAPI document. */
function generated(doc: JsonSchema, rng: Rng): FuzzRequest {
  const [template, ops] = rng.pick(Object.entries(doc.paths as Record<string, Record<string, JsonSchema>>));
  const [method, op] = rng.pick(Object.entries(ops));
  const params = (op.parameters ?? []) as { name: string; in: string; required: boolean; schema: JsonSchema }[];
  let path = template;
  const query = new URLSearchParams();
  for (const p of params) {
    if (p.in === 'path') {
      const v = valueFor(p.schema, rng, p.name);
      path = path.replace(`{${p.name}}`, encodePathPart(typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
    } else if (p.required || rng.chance(0.5)) {
      for (const v of toQueryValue(valueFor(p.schema, rng, p.name))) query.append(p.name, v);
    }
  }
  if (rng.chance(0.05)) query.append(rng.pick(['limit', 'labels', 'asOf', 'q']), rng.pick(HUGE_NUMBERS));
  const qs = query.toString();
  const request: FuzzRequest = { method: method.toUpperCase(), path: qs ? `${path}?${qs}` : path };
  const bodySchema = op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
  if (bodySchema && rng.chance(0.97)) {
    request.headers = { 'content-type': 'application/json' };
    request.body = Buffer.from(JSON.stringify(valueFor(bodySchema, rng, 'body')) ?? 'null');
  }
  return request;
}

function deepJson(depth: number, open: string, close: string, leaf = '1'): string {
  return open.repeat(depth) + leaf + close.repeat(depth);
}

/** Requests malformed on purpose, each naming what is wrong with it. */
function malformed(rng: Rng): FuzzRequest[] {
  const badEscapes = ['%E0', '%', '%G1', '%C3%28', '%ED%A0%80', '%FF%FE', '%F0%9F', '%C0%AF', 'x%2'];
  const pathTemplates = ['/api/nodes/{}', '/api/nodes/{}/neighbours', '/api/articles/{}', '/api/queries/{}', '/api/ingest/proposals/{}'];
  const postTemplates = ['/api/queries/{}/run', '/api/ingest/proposals/{}/accept'];
  const json = (o: unknown) => Buffer.from(JSON.stringify(o));
  const bodyTargets: [string, Buffer][] = [
    ['/api/expand', json({ ids: ['actor-skr'], limit: 5 })],
    ['/api/cypher/run', json({ cypher: 'RETURN 1 AS one' })],
    ['/api/cypher/check', json({ cypher: 'RETURN 1 AS one' })],
    ['/api/queries/agreement-points/run', json({ params: {} })],
    ['/api/ingest/convert', json({ format: 'txt', content: 'En text.' })],
    ['/api/ingest/proposals', json({ title: 'Fuzz', text: 'En kort text om SKR.' })],
  ];
  const [target, good] = rng.pick(bodyTargets);
  const out: FuzzRequest[] = [];
  for (const template of pathTemplates) out.push({ method: 'GET', path: template.replace('{}', rng.pick(badEscapes)), malformed: 'a %-escape that is not UTF-8 in a path parameter' });
  for (const template of postTemplates) {
    out.push({ method: 'POST', path: template.replace('{}', rng.pick(badEscapes)), headers: { 'content-type': 'application/json' }, body: json({}), malformed: 'a bad %-escape in a POST path' });
  }
  const jsonHeaders = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...extra });
  out.push(
    { method: 'POST', path: target, headers: jsonHeaders({ 'content-encoding': 'gzip' }), body: Buffer.from('this is not gzip at all'), malformed: 'a gzip body that does not decompress' },
    { method: 'POST', path: target, headers: jsonHeaders({ 'content-encoding': 'gzip' }), body: gzipSync(good).subarray(0, 12), malformed: 'a truncated gzip body' },
    { method: 'POST', path: target, headers: jsonHeaders({ 'content-encoding': 'gzip' }), body: gzipSync(Buffer.from('{"ids": [')), malformed: 'gzip of JSON that does not parse' },
    { method: 'POST', path: target, headers: jsonHeaders({ 'content-encoding': 'deflate' }), body: Buffer.from([0x78, 0x9c, 0xff, 0x00, 0x13]), malformed: 'a deflate body that does not inflate' },
    { method: 'POST', path: target, headers: jsonHeaders({ 'content-encoding': 'zstd' }), body: good, malformed: 'a Content-Encoding the server does not read' },
    { method: 'POST', path: target, headers: jsonHeaders(), body: Buffer.from(deepJson(rng.int(MAX_JSON_DEPTH + 1, 20_000), '[', ']')), malformed: 'arrays nested past the limit' },
    { method: 'POST', path: target, headers: jsonHeaders(), body: Buffer.from(`{"params":${deepJson(rng.int(3_000, 50_000), '{"a":', '}')}}`), malformed: 'objects nested past the limit' },
    { method: 'POST', path: target, headers: { 'content-type': 'text/plain' }, body: good, malformed: 'JSON sent as text/plain' },
    { method: 'POST', path: target, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from('ids=actor-skr&limit=5'), malformed: 'a form instead of JSON' },
    { method: 'POST', path: target, headers: { 'content-type': 'application/json; charset=latin1' }, body: good, malformed: 'a charset the parser does not read' },
    { method: 'POST', path: target, malformed: 'no body at all' },
    { method: 'POST', path: target, headers: jsonHeaders(), body: Buffer.from(''), malformed: 'an empty JSON body' },
    { method: 'POST', path: target, headers: jsonHeaders(), body: Buffer.from(rng.pick(['{', '{"ids":}', '[1,]', 'NaN', '{"a":1}}', "{'a':1}", '\u0000'])), malformed: 'JSON that does not parse' },
    { method: 'POST', path: target, headers: jsonHeaders(), body: Buffer.from('"just a string"'), malformed: 'a JSON string instead of an object' },
    { method: 'POST', path: target, headers: jsonHeaders(), body: Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x73, 0x22, 0x3a, 0x5b, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x5d, 0x7d]), malformed: 'bytes that are not UTF-8' },
    { method: 'POST', path: target, headers: jsonHeaders(), body: Buffer.from('{"ids":["actor-skr"],"limit":1e400,"offset":-1e400,"timeoutMs":123456789012345678901234567890}'), malformed: 'numbers too large for any field' },
    { method: 'POST', path: target, headers: jsonHeaders(), body: Buffer.from(JSON.stringify({ ids: ['\ud800'], cypher: '\ud800', title: '\u0000', text: '\u0001\u0002', format: 'exe' })), malformed: 'unicode junk in every field' },
    { method: 'POST', path: '/api/expand', headers: jsonHeaders(), body: Buffer.from(JSON.stringify({ ids: ['actor-skr'], pad: 'x'.repeat(300_000) })), malformed: 'a body over the 256 kB limit' },
    { method: 'GET', path: `/api/search?q=skr&limit=${encodeURIComponent(rng.pick(HUGE_NUMBERS.filter((n) => n !== '' && n !== '08')))}`, malformed: 'a limit that is not a small whole number' },
    { method: 'GET', path: '/api/search?q[a][b]=skr', malformed: 'an object where text belongs' },
    { method: 'GET', path: `/api/graph?${'a'.repeat(5)}${'[x]'.repeat(40)}=1&limit[]=5`, malformed: 'a nested query parameter' },
    // The query parser drops keys that would touch a prototype, so this one is only checked for not failing.
    { method: 'GET', path: '/api/graph?labels[__proto__][x]=1&types[constructor][prototype]=1&limit=3' },
    { method: 'GET', path: `/api/search?q=%F0%9F&asOf=${rng.pick(['0000-00-00', '2019-02-29', '2019-13-01', '20190101', '2019-1-1'])}`, malformed: 'a broken escape and a date that does not exist' },
    { method: 'GET', path: `/api/nodes/actor-skr/neighbours?offset=${encodeURIComponent(rng.pick(HUGE_NUMBERS.filter((n) => n !== '0x10' && n !== '08')))}`, malformed: 'an offset that is not a whole number in range' },
    { method: rng.pick(['PUT', 'PATCH', 'DELETE']), path: '/api/search?q=skr', malformed: 'a method the path does not answer' },
  );
  return out;
}

function send(agent: Agent, base: URL, r: FuzzRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...(r.headers ?? {}) };
    if (r.body) headers['content-length'] = r.body.length;
    const req = httpRequest({ host: base.hostname, port: base.port, method: r.method, path: r.path, headers, agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', reject);
    req.end(r.body);
  });
}

function isJsonError(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
  } catch {
    return false;
  }
}

describe('fuzzing the API on loopback (seeded, bounded)', () => {
  let api: Explorer;
  let doc: JsonSchema;

  beforeAll(async () => {
    await seedCorpus();
    api = await startExplorer();
    doc = (await api.get<JsonSchema>('/api/openapi.json')).body;
  });
  afterAll(async () => api?.close());

  it(`answers ${GENERATED} generated and hundreds of malformed requests without a 5xx other than 503/504, and refuses every malformed one with a 4xx`, async () => {
    const rng = prng(SEED);
    const requests: FuzzRequest[] = [];
    for (let i = 0; i < GENERATED; i++) requests.push(generated(doc, rng));
    for (let round = 0; round < MALFORMED_ROUNDS; round++) {
      for (const m of malformed(rng)) requests.splice(rng.int(0, requests.length), 0, m);
    }

    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const base = new URL(api.base);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    let next = 0;
    let sent = 0;
    const worker = async () => {
      while (next < requests.length && Date.now() - started < BUDGET_MS) {
        const r = requests[next++]!;
        const where = `${r.method} ${r.path.length > 160 ? `${r.path.slice(0, 160)}…` : r.path}${r.body ? ` (${r.headers?.['content-type'] ?? 'no type'}, ${r.headers?.['content-encoding'] ?? 'identity'}, ${r.body.length} B: ${r.body.subarray(0, 80).toString('utf8')})` : ''}`;
        let answer: Answer;
        try {
          answer = await send(agent, base, r);
        } catch (err) {
          problems.push(`${where} → no answer: ${(err as Error).message}`);
          continue;
        }
        sent++;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const shed = answer.status === 503 || answer.status === 504;
        if (answer.status >= 500 && !(shed && isJsonError(answer.body))) problems.push(`${where} → ${answer.status} ${answer.body.slice(0, 200)}`);
        else if (r.malformed && !(answer.status >= 400 && answer.status < 500) && !shed) problems.push(`${where} (${r.malformed}) → ${answer.status}, not a 4xx: ${answer.body.slice(0, 200)}`);
        else if (answer.status >= 400 && !isJsonError(answer.body) && r.method !== 'HEAD') problems.push(`${where} → ${answer.status} without the JSON error body: ${answer.body.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const histogram = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`fuzz: ${sent} of ${requests.length} requests in ${seconds} s; statuses ${histogram}`);
    expect(problems.slice(0, 25), `${problems.length} requests answered wrongly (statuses ${histogram})`).toEqual([]);
    // The budget is a safety net, not the plan: the run must have sent (nearly) everything.
    expect(sent).toBeGreaterThan(requests.length * 0.95);
  }, BUDGET_MS + 60_000);
});
