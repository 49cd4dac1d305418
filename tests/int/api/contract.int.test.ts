import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { z } from 'zod';
import * as exploreContract from '../../../contract/explore';
import * as graphContract from '../../../contract/graph';
import * as healthContract from '../../../contract/health';
import * as ingestContract from '../../../contract/ingest';
import * as queriesContract from '../../../contract/queries';
import * as authContract from '../../../contract/auth';
import { allRoutes } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import type { AnyRoute } from '../../../server/http/route';
import { getTestDatabase } from '../../support/neo4j';
import { seedCorpus, startExplorer, type Explorer } from './harness';

/**
 * Issue 11: response bodies are checked against their schemas. Every GET endpoint of the real app, on the real
 * seed, answers a body that the zod schema of contract/ it declares accepts (`Schema.parse`, strict where the
 * schema is strict). The endpoints come from the app's own route list, so a new GET endpoint without a sample
 * request here fails the first test.
 */

/** Every schema the contract folder exports, to check that routes declare their answer with one of them. */
const CONTRACT_SCHEMAS = new Set<unknown>([...Object.values(exploreContract), ...Object.values(graphContract), ...Object.values(healthContract), ...Object.values(queriesContract), ...Object.values(ingestContract), ...Object.values(authContract)]);

/** Requests that exercise each GET endpoint on the seed; `:article` is replaced by a real article id, `:draft` by a draft's. */
const SAMPLES: Record<string, string[]> = {
  '/api/health': ['/api/health'],
  '/api/search': ['/api/search?q=skr', '/api/search?q=Sveriges%20Kommuner&asOf=2019-06-01', '/api/search?q=micko&limit=3'],
  '/api/search/articles': ['/api/search/articles?q=handslag'],
  '/api/nodes/:id': ['/api/nodes/actor-skr', '/api/nodes/actor-skr?asOf=2019-06-01', '/api/nodes/person-lena-micko'],
  '/api/nodes/:id/neighbours': ['/api/nodes/actor-digg/neighbours?limit=25', '/api/nodes/actor-digg/neighbours?limit=25&offset=25'],
  '/api/paths': ['/api/paths?from=person-lena-micko&to=person-ardalan-shekarabi', '/api/paths?from=actor-skr&to=actor-digg&asOf=2019-06-01'],
  '/api/graph': ['/api/graph', '/api/graph?limit=5', '/api/graph?asOf=2019-06-01'],
  '/api/time/diff': ['/api/time/diff?from=2019-01-01&to=2020-01-01'],
  '/api/time/timeline': ['/api/time/timeline'],
  '/api/articles': ['/api/articles'],
  '/api/articles/:id': ['/api/articles/:article'],
  '/api/schema': ['/api/schema'],
  '/api/queries': ['/api/queries'],
  '/api/queries/:name': ['/api/queries/agreements-of-actor'],
  '/api/ingest/proposals': ['/api/ingest/proposals'],
  '/api/ingest/proposals/:id': ['/api/ingest/proposals/:draft'],
  '/api/auth/me': ['/api/auth/me'],
  '/api/admin/users': ['/api/admin/users'],
  '/api/audit': ['/api/audit', '/api/audit?limit=5&action=ingest.draft'],
};

const config = loadConfig({ NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), PORT: '1' });
// JSON answers only: the single sign-on redirects (302) and the audit CSV have tests of their own.
const getRoutes: AnyRoute[] = allRoutes({ config, db: getTestDatabase(), log: pino({ level: 'silent' }), embedded: false }).filter(
  (r) => r.method === 'get' && !((r.status ?? 200) >= 300 && (r.status ?? 200) < 400) && r.contentType === undefined,
);

describe('every GET endpoint answers what its contract schema says', () => {
  let api: Explorer;
  let articleId: string;
  let draftId: string;

  beforeAll(async () => {
    await seedCorpus();
    api = await startExplorer();
    const { body } = await api.get<{ articles: { id: string }[] }>('/api/articles');
    articleId = body.articles[0]!.id;
    const draft = await api.post<{ id: string }>('/api/ingest/proposals', {
      title: 'Kontraktstest',
      text: 'Kontraktstest\n\nPublicerad: 6 december 2017\n\n– Det här är ett utkast, säger Karin Lund, ordförande för SKR.',
    });
    draftId = draft.body.id;
  });
  afterAll(async () => api?.close());

  it('has a sample request for every GET endpoint, and each declares a schema of contract/', () => {
    expect(getRoutes.map((r) => r.path).filter((p) => !SAMPLES[p]), 'GET endpoints without a sample request in this test').toEqual([]);
    expect(getRoutes.filter((r) => !CONTRACT_SCHEMAS.has(r.response)).map((r) => r.path), 'GET endpoints whose response schema is not exported by contract/').toEqual([]);
  });

  for (const [path, samples] of Object.entries(SAMPLES)) {
    for (const sample of samples) {
      it(`GET ${sample}`, async () => {
        const route = getRoutes.find((r) => r.path === path);
        expect(route, `the app has a GET ${path} route`).toBeDefined();
        const url = sample.replace(':article', encodeURIComponent(articleId)).replace(':draft', encodeURIComponent(draftId));
        const { status, body } = await api.get(url);
        expect(status, JSON.stringify(body)?.slice(0, 300)).toBe(200);
        const parsed = (route!.response as z.ZodType).safeParse(body);
        expect(parsed.success ? [] : parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`), `${url} does not match its schema`).toEqual([]);
      });
    }
  }
});
