import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, Database } from '../../../server/neo4j/database';
import { applySchema } from '../../../server/neo4j/schema';
import { loadSeedDirectory } from '../../../server/seed/load';
import { startTestNeo4j, type TestNeo4j } from '../../support/embedded';
import { startExplorer, type Explorer } from './harness';

// This file runs its own Neo4j, because it stops it under a running app.
describe('the explorer API when the database goes away', () => {
  let neo4j: TestNeo4j;
  let db: Database;
  let api: Explorer;

  beforeAll(async () => {
    neo4j = await startTestNeo4j();
    db = new Database(createDriver(neo4j.instance.uri, 'neo4j', neo4j.password), neo4j.instance.uri, 'neo4j', 5_000);
    await applySchema(db);
    await loadSeedDirectory(db.driver, 'seed');
    api = await startExplorer(db, neo4j.instance.uri, neo4j.password);
  });

  afterAll(async () => {
    await api?.close();
    await db?.close();
    await neo4j?.dispose();
  });

  const paths = [
    '/api/search?q=skr',
    '/api/search?q=skr&labels=Actor',
    '/api/search/articles?q=handslag',
    '/api/nodes/actor-skr',
    '/api/nodes/actor-skr/neighbours?types=HOLDS',
    '/api/paths?from=person-lena-micko&to=person-ardalan-shekarabi',
    '/api/graph?asOf=2018-06-01',
    '/api/time/diff?from=2018-01-01&to=2020-01-01',
    '/api/articles',
    '/api/articles/article-001',
    '/api/schema',
  ];

  it('answers every endpoint while the database is up', async () => {
    for (const path of paths) expect((await api.get(path)).status, path).toBe(200);
  });

  it('answers 503 DATABASE_UNAVAILABLE within 2 seconds on every endpoint once it is stopped', async () => {
    await neo4j.instance.stop();
    for (const path of paths) {
      const { status, body, ms } = await api.get(path);
      expect(status, path).toBe(503);
      expect(body.error, path).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.any(String) });
      expect(ms, path).toBeLessThan(2_000);
    }
  });
});
