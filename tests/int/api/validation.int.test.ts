import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCorpus, startExplorer, type Explorer } from './harness';

describe('the explorer API refuses bad parameters with a 400 that names them', () => {
  let api: Explorer;

  beforeAll(async () => {
    await seedCorpus();
    api = await startExplorer();
  });
  afterAll(async () => api?.close());

  it.each([
    ['/api/search', 'q'],
    ['/api/search?q=skr&limit=0', 'limit'],
    ['/api/search?q=skr&labels=Organisation', 'labels'],
    ['/api/search/articles?q=', 'q'],
    ['/api/nodes/actor-skr/neighbours?limit=201', 'limit'],
    ['/api/nodes/actor-skr/neighbours?limit=ten', 'limit'],
    ['/api/nodes/actor-skr/neighbours?offset=-1', 'offset'],
    ['/api/nodes/actor-skr/neighbours?asOf=2018-02-30', 'asOf'],
    ['/api/nodes/actor-skr/neighbours?asOf=yesterday', 'asOf'],
    ['/api/nodes/actor-skr/neighbours?types=HOLDS,EMPLOYS', 'types'],
    ['/api/nodes/actor-skr/neighbours?labels=Robot', 'labels'],
    ['/api/nodes/actor-skr/neighbours?includeMentions=maybe', 'includeMentions'],
    ['/api/paths?from=person-lena-micko', 'to'],
    ['/api/paths?from=person-lena-micko&to=person-ardalan-shekarabi&maxLength=11', 'maxLength'],
    ['/api/paths?from=person-lena-micko&to=person-ardalan-shekarabi&avoid=Artikel', 'avoid'],
    ['/api/graph?limit=5000', 'limit'],
    ['/api/graph?asOf=2018-6-1', 'asOf'],
    ['/api/graph?types=MATCH (n) DETACH DELETE n', 'types'],
    ['/api/graph?articles=article-999', 'articles'],
    ['/api/time/diff?from=2018-01-01&to=2018-13-01', 'to'],
  ])('GET %s → 400 naming "%s"', async (path, parameter) => {
    const { status, body } = await api.get(path);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining(`"${parameter}"`) });
    expect(body.error.details).toContainEqual(expect.objectContaining({ parameter }));
  });

  it('refuses a bad POST /api/expand body, naming the field', async () => {
    for (const [body, parameter] of [
      [{}, 'ids'],
      [{ ids: [] }, 'ids'],
      [{ ids: ['actor-skr'], limit: 500 }, 'limit'],
      [{ ids: ['actor-skr'], types: ['NOPE'] }, 'types'],
    ] as const) {
      const res = await api.post('/api/expand', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(`body field "${parameter}"`);
    }
  });

  it.each(['/api/nodes/%E0', '/api/nodes/%E0/neighbours', '/api/articles/%FF%FE', '/api/queries/%C3'])('answers GET %s (an escape that is not UTF-8) with a 400, not a 500', async (path) => {
    const { status, body } = await api.get(path);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('%-escape') });
  });

  it('answers a gzip body that does not decompress with a 400 that says so', async () => {
    const res = await fetch(`${api.base}/api/expand`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: Buffer.from('this is not gzip at all'),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/decompress|Content-Encoding/);
  });

  it('refuses JSON nested deeper than the documented limit with a 400, and answers the next request as usual', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 3000; i++) deep = { a: deep };
    const res = await api.post('/api/cypher/run', { cypher: 'RETURN $a AS a', params: { a: deep } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('nests deeper than 32 levels');
    const ok = await api.post('/api/expand', { ids: ['actor-skr'], limit: 5 });
    expect(ok.status).toBe(200);
  });

  it.each([
    ['DELETE', '/api/nodes/actor-skr', 'GET, HEAD'],
    ['POST', '/api/search', 'GET, HEAD'],
    ['PUT', '/api/queries', 'GET, HEAD, POST'],
    ['GET', '/api/expand', 'POST'],
    ['PATCH', '/api/queries/roles-of-person', 'DELETE, GET, HEAD, PUT'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const res = await fetch(`${api.base}${path}`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('still answers 404 for a path the API does not have', async () => {
    expect((await api.get('/api/nowhere')).status).toBe(404);
  });

  it('leaves the graph untouched after an attempt to inject Cypher through a label', async () => {
    const before = (await api.get('/api/schema')).body;
    await api.get(`/api/graph?labels=${encodeURIComponent('Actor) DETACH DELETE n //')}`);
    await api.get(`/api/search?q=${encodeURIComponent("') YIELD node DETACH DELETE node //")}`);
    expect((await api.get('/api/schema')).body).toEqual(before);
  });
});
