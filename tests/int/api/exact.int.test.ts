import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestDatabase } from '../../support/neo4j';
import { seedCorpus, startExplorer, type Explorer } from './harness';

/**
 * Issue 13, item 6: what Schemathesis found and the OpenAPI document now states, on the real database. Labels and
 * types are checked against the model (the document's enums), not against what the database happens to hold.
 */
describe('the API accepts what its document allows', () => {
  let api: Explorer;

  beforeAll(async () => {
    await seedCorpus();
    // A label of the model that no node has, and an article that is evidence for no fact.
    await getTestDatabase().write(
      "MATCH (n:Event) DETACH DELETE n WITH count(*) AS gone CREATE (:Article {id: 'article-lonely', title: 'Ensam', text: 'Ingen fakta här.', published: date('2020-02-29'), file: 'article-lonely.txt'})",
    );
    api = await startExplorer();
  });
  afterAll(async () => api?.close());

  it('answers a filter on a model label that no node has with an empty graph, not a 400', async () => {
    const { status, body } = await api.get('/api/graph?labels=Event&limit=5');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.graph.nodes).toEqual([]);
    const neighbours = await api.get('/api/nodes/actor-skr/neighbours?labels=Event');
    expect(neighbours.status).toBe(200);
    expect(neighbours.body).toMatchObject({ total: 0, returned: 0 });
    expect(neighbours.body.graph.nodes.map((n: { id: string }) => n.id)).toEqual(['actor-skr']);
  });

  it('still refuses a label outside the model, naming it and the known ones', async () => {
    const { status, body } = await api.get('/api/search?q=skr&labels=Organisation');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/query parameter "labels": unknown label "Organisation"; known: Actor, Agreement/);
  });

  it('answers an article that is evidence for no fact (it answered 500)', async () => {
    const { status, body } = await api.get('/api/articles/article-lonely');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ article: { id: 'article-lonely', published: '2020-02-29' }, quotes: [], mentions: [] });
  });

  it('accepts 29 February of a leap year and refuses 0000-00-00', async () => {
    expect((await api.get('/api/time/diff?from=2019-01-01&to=2020-02-29')).status).toBe(200);
    const { status, body } = await api.get('/api/time/diff?from=0000-00-00&to=2020-02-29');
    expect(status).toBe(400);
    expect(body.error.details).toContainEqual(expect.objectContaining({ parameter: 'from' }));
  });

  it('runs a query with an empty JSON object as its body', async () => {
    const { status, body } = await api.post('/api/queries/agreement-points/run', {});
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
  });
});
