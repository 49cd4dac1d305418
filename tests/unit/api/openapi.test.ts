import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { IsoDate } from '../../../contract/graph';
import { FACT_TYPE_NAMES, MENTIONS, NODE_LABELS } from '../../../contract/model';
import { codePoints, nameList, queryInt, text } from '../../../contract/wire';
import { allRoutes } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { buildOpenApi } from '../../../server/http/openapi';
import { Database } from '../../../server/neo4j/database';

/**
 * Issue 13, item 6: the OpenAPI document states what the server enforces. The document is built from the app's
 * own routes (no database is contacted) and its constraints are compared with the zod schemas that validate.
 */

type Json = Record<string, any>;

const config = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'not-used-here', PORT: '1' });
const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'not-used-here'));
const routes = allRoutes({ config, db: new Database(driver, 'bolt://127.0.0.1:1', 'neo4j', 1_000), log: pino({ level: 'silent' }), embedded: false });
const doc = buildOpenApi(routes, { title: 't', version: '0', description: 'd' }) as { paths: Record<string, Record<string, Json>> };

function operation(path: string, method: string): Json {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`no ${method} ${path} in the document`);
  return op;
}
function parameter(path: string, method: string, name: string): Json {
  const p = (operation(path, method).parameters as Json[]).find((x) => x.name === name);
  if (!p) throw new Error(`no parameter ${name} on ${method} ${path}`);
  return p.schema as Json;
}
/** The document's regex as the JSON Schema consumer reads it (ECMA-262, unicode off for these patterns). */
function matches(pattern: string, value: string): boolean {
  return new RegExp(pattern).test(value);
}

describe('dates in the OpenAPI document', () => {
  const asOf = parameter('/api/nodes/{id}/neighbours', 'get', 'asOf');

  it('gives a pattern that 0000-00-00, month 13 and 29 February of a common year do not match', () => {
    for (const bad of ['0000-00-00', '2019-13-01', '2019-02-29', '1900-02-29', '2018-04-31', '0000-01-01', '2019-1-1', '2019-01-01T00:00']) {
      expect(matches(asOf.pattern, bad), bad).toBe(false);
    }
    expect(asOf.format).toBe('date');
  });

  it('admits exactly the dates the server accepts, leap days included', () => {
    const disagreements: string[] = [];
    for (const year of [1, 4, 99, 100, 400, 1900, 1999, 2000, 2019, 2020, 2100, 2400, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          if (matches(asOf.pattern, date) !== IsoDate.safeParse(date).success) disagreements.push(date);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(IsoDate.safeParse('2020-02-29').success).toBe(true);
    expect(IsoDate.safeParse('2000-02-29').success).toBe(true);
  });
});

describe('labels and relationship types in the OpenAPI document', () => {
  it('enumerates the model\'s node labels and relationship types', () => {
    const labels = parameter('/api/graph', 'get', 'labels');
    const types = parameter('/api/graph', 'get', 'types');
    expect(labels.anyOf.find((s: Json) => s.type === 'array').items.enum).toEqual([...NODE_LABELS]);
    expect(types.anyOf.find((s: Json) => s.type === 'array').items.enum).toEqual([...FACT_TYPE_NAMES, MENTIONS]);
  });

  it('gives a comma-separated pattern that agrees with the server on lists of labels', () => {
    const pattern = parameter('/api/search', 'get', 'labels').anyOf.find((s: Json) => s.type === 'string').pattern as string;
    const schema = nameList(NODE_LABELS, 'label');
    for (const value of ['Actor', 'Actor,Person', 'Entity,Article,Name', 'Robot', 'Actor,', ',Actor', 'Actor,,Person', '', 'actor', 'Actor, Person']) {
      expect(matches(pattern, value), value).toBe(schema.safeParse(value).success);
    }
  });

  it('names the unknown label and lists the known ones', () => {
    const parsed = nameList(NODE_LABELS, 'label').safeParse('Actor,Robot');
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(/unknown label "Robot"; known: Actor, Agreement/);
  });
});

describe('request bodies in the OpenAPI document', () => {
  const bodies = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.requestBody)
      .map(([method, op]) => ({ label: `${method.toUpperCase()} ${path}`, body: op.requestBody as Json })),
  );

  it('marks every body required, as the server refuses a request without one', () => {
    expect(bodies.length).toBeGreaterThan(8);
    expect(bodies.filter((b) => b.body.required !== true).map((b) => b.label)).toEqual([]);
  });

  it('forbids unknown keys in every object of every body, as the server refuses them', () => {
    const open: string[] = [];
    const walk = (schema: Json | undefined, where: string) => {
      if (!schema || typeof schema !== 'object') return;
      if (schema.type === 'object' && schema.properties && schema.additionalProperties !== false) open.push(where);
      for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) walk(child, `${where}.${key}`);
      for (const key of ['items', 'additionalProperties'] as const) if (typeof schema[key] === 'object') walk(schema[key], `${where}[]`);
      for (const key of ['anyOf', 'oneOf', 'allOf'] as const) (schema[key] as Json[] | undefined)?.forEach((s, i) => walk(s, `${where}|${i}`));
    };
    for (const b of bodies) walk(b.body.content['application/json'].schema, b.label);
    expect(open).toEqual([]);
  });

  it('declares no content for a 204 answer', () => {
    const del = operation('/api/queries/{name}', 'delete').responses;
    expect(del['204']).toEqual({ description: 'Done; no content' });
  });

  it('documents the answers every body operation can get from the parsers', () => {
    const responses = operation('/api/expand', 'post').responses;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '400', '413', '415', '503', '504']));
    expect(responses['503'].headers['Retry-After'].required).toBe(true);
  });
});

describe('numbers and text', () => {
  it('documents integer query parameters with their bounds', () => {
    expect(parameter('/api/nodes/{id}/neighbours', 'get', 'limit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 200, default: 25 });
    expect(parameter('/api/graph', 'get', 'limit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 2000 });
  });

  it('reads only decimal whole numbers from a query string', () => {
    const limit = queryInt(1, 200);
    for (const bad of ['', ' 5', '1e2', '0x10', '1.5', '201', '0', '-1', 'ten', '１２', '99999999999999999999']) expect(limit.safeParse(bad).success, bad).toBe(false);
    expect(limit.parse('25')).toBe(25);
  });

  it('counts text length in code points, as JSON Schema does', () => {
    const q = text(5, { nonBlank: true, trim: true });
    expect(codePoints('😀😀😀')).toBe(3);
    expect(q.safeParse('😀😀😀😀😀').success).toBe(true);
    expect(q.safeParse('😀😀😀😀😀😀').success).toBe(false);
    expect(q.safeParse('   ').success).toBe(false);
    expect(q.parse(' ab ')).toBe('ab');
    expect(parameter('/api/search', 'get', 'q')).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
  });
});
