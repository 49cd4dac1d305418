import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neighbourhood, NodeDetail } from '../../../contract/explore';
import { DETAIL_CAPS } from '../../../server/services/nodes';
import { HUB_DEGREE, PAIR_CAP } from '../../../server/services/explore';
import { getTestDatabase, getTestDriver, resetDatabase } from '../../support/neo4j';
import { startExplorer, type Explorer } from './harness';

// A hub with more neighbours than HUB_DEGREE: its ranking is remembered between requests, and must stay
// what a fresh ranking would say, and follow the data when the hub's relationships change.
const NEIGHBOURS = HUB_DEGREE + 40;
const pad = (i: number) => String(i).padStart(4, '0');

async function write(cypher: string, params: Record<string, unknown> = {}): Promise<void> {
  await getTestDriver().executeQuery(cypher, params, { database: 'neo4j' });
}

const neighbourIds = (r: Neighbourhood) => r.graph.nodes.map((n) => n.id).filter((id) => id !== 'actor-hub');

describe('expanding a hub', () => {
  let api: Explorer;

  beforeAll(async () => {
    await resetDatabase();
    await write(`CREATE (:Entity:Actor {id: 'actor-hub', name: 'Navet för Sveriges kommuner'})`);
    // Neighbour 0000 shares 12 facts with the hub, 0001 shares 3, the rest one each.
    await write(
      `MATCH (h:Actor {id: 'actor-hub'})
       UNWIND range(0, $n - 1) AS i
       CREATE (m:Entity:Actor {id: 'actor-n' + right('000' + toString(i), 4), name: 'Grannkommun ' + right('000' + toString(i), 4)})
       WITH h, m, i
       UNWIND range(1, CASE i WHEN 0 THEN 12 WHEN 1 THEN 3 ELSE 1 END) AS k
       CREATE (h)-[:COLLABORATES_WITH {id: 'fact-hub-' + toString(i) + '-' + toString(k)}]->(m)`,
      { n: NEIGHBOURS },
    );
    api = await startExplorer();
  });
  afterAll(async () => {
    await api?.close();
    await resetDatabase();
  });

  it('puts the best connected neighbours first and brings at most PAIR_CAP relationships per neighbour, saying how many stayed out', async () => {
    const { status, body } = await api.get<Neighbourhood>('/api/nodes/actor-hub/neighbours?limit=3');
    expect(status).toBe(200);
    expect(neighbourIds(body)).toEqual(['actor-n0000', 'actor-n0001', 'actor-n0002']);
    expect(body).toMatchObject({ total: NEIGHBOURS, offset: 0, returned: 3, hasMore: true, relationshipsLeftOut: 12 - PAIR_CAP });
    expect(body.graph.edges.filter((e) => e.target === 'actor-n0000')).toHaveLength(PAIR_CAP);
    expect(body.graph.edges.filter((e) => e.target === 'actor-n0001')).toHaveLength(3);
  });

  it('pages through the same order on every request, the same as a server that never ranked this hub', async () => {
    const pages = async (explorer: Explorer) => {
      const ids: string[] = [];
      for (let offset = 0; offset < NEIGHBOURS; offset += 100) {
        const { body } = await explorer.get<Neighbourhood>(`/api/nodes/actor-hub/neighbours?limit=100&offset=${offset}`);
        expect(body.total).toBe(NEIGHBOURS);
        ids.push(...neighbourIds(body));
      }
      return ids;
    };
    const first = await pages(api);
    const again = await pages(api);
    const fresh = await startExplorer(getTestDatabase());
    try {
      const other = await pages(fresh);
      expect(first).toHaveLength(NEIGHBOURS);
      expect(new Set(first).size).toBe(NEIGHBOURS);
      expect(again).toEqual(first);
      expect(other).toEqual(first);
      // Ties (one fact each) are in name order.
      expect(first.slice(2, 5)).toEqual(['actor-n0002', 'actor-n0003', 'actor-n0004']);
    } finally {
      await fresh.close();
    }
  });

  it("lists the first facts of a hub's detail and says how many there are", async () => {
    const { status, body } = await api.get<NodeDetail>('/api/nodes/actor-hub');
    expect(status).toBe(200);
    const facts = 12 + 3 + (NEIGHBOURS - 2);
    expect(body.totals).toEqual({ facts, roles: 0, mentionedIn: 0 });
    expect(body.facts).toHaveLength(Math.min(facts, DETAIL_CAPS.maxFacts));
    expect(DETAIL_CAPS.maxFacts).toBeLessThan(facts);
    // By type, then by the other end's name: the first are Grannkommun 0000's twelve.
    expect(body.facts.slice(0, 12).every((f) => f.other.id === 'actor-n0000')).toBe(true);
    expect(body.degree).toEqual([{ type: 'COLLABORATES_WITH', direction: 'out', count: facts }]);
  });

  it('follows the data: a new neighbour and new facts show in the next expansion', async () => {
    await api.get('/api/nodes/actor-hub/neighbours?limit=5');
    await write(
      `MATCH (h:Actor {id: 'actor-hub'}), (m:Actor {id: 'actor-n0300'})
       CREATE (x:Entity:Actor {id: 'actor-nytt', name: 'Ny aktör'})
       CREATE (h)-[:PARTY_TO {id: 'fact-hub-new'}]->(x)
       WITH h, m UNWIND range(1, 20) AS k
       CREATE (m)-[:SUPPORTS {id: 'fact-hub-300-new-' + toString(k)}]->(h)`,
    );
    const { body } = await api.get<Neighbourhood>('/api/nodes/actor-hub/neighbours?limit=5');
    expect(body.total).toBe(NEIGHBOURS + 1);
    expect(neighbourIds(body)[0]).toBe('actor-n0300');
    expect(body.graph.edges.filter((e) => e.source === 'actor-n0300' || e.target === 'actor-n0300')).toHaveLength(PAIR_CAP);
    expect(body.relationshipsLeftOut).toBe(21 - PAIR_CAP + 12 - PAIR_CAP);
  });
});
