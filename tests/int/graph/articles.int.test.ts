import neo4j from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDirectory } from '../../../server/seed/load';
import { getTestDriver, resetDatabase } from '../../support/neo4j';
import { SEED_DIR } from '../../unit/seed/corpus-copy';

type Row = Record<string, unknown>;

async function rows(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  const result = await getTestDriver().executeQuery(cypher, params);
  return result.records.map((r) => r.toObject());
}

function sorted<T>(xs: T[]): T[] {
  return [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Who holds which title where, according to the evidence of one article. */
async function rolesIn(article: string): Promise<[string, string, string][]> {
  const found = await rows(
    `MATCH (p:Person)-[h:HOLDS]->(r:Role)-[at:AT]->(o:Actor)
     WHERE $article IN h.evidenceArticles
     RETURN p.id AS person, r.title AS title, o.id AS org`,
    { article },
  );
  return sorted(found.map((r) => [r['person'], r['title'], r['org']] as [string, string, string]));
}

/** Every fact relationship an article gives evidence for, as [from, TYPE, to]. */
async function factsIn(article: string): Promise<[string, string, string][]> {
  const found = await rows(
    `MATCH (a)-[r]->(b) WHERE type(r) <> 'MENTIONS' AND $article IN r.evidenceArticles
     RETURN a.id AS from, type(r) AS type, b.id AS to`,
    { article },
  );
  return found.map((r) => [r['from'], r['type'], r['to']] as [string, string, string]);
}

/** The people an article mentions, by id. */
async function peopleIn(article: string): Promise<string[]> {
  const found = await rows('MATCH (:Article {id: $article})-[:MENTIONS]->(p:Person) RETURN p.id AS id ORDER BY id', { article });
  return found.map((r) => r['id'] as string);
}

describe('the loaded graph of the five articles', () => {
  beforeAll(async () => {
    await resetDatabase();
    await loadSeedDirectory(getTestDriver(), SEED_DIR);
  });

  describe.each([
    {
      article: 'article-000',
      people: ['person-lena-micko', 'person-marianne-olofsson'],
      roles: [['person-lena-micko', 'ordförande', 'actor-skr']],
      facts: [
        ['actor-utredningen-nationella-digitala-tjanster', 'PUBLISHED', 'doc-digitalforvaltning-nu'],
        ['actor-utredningen-nationella-digitala-tjanster', 'PROPOSES', 'topic-samlande-digital-myndighet'],
        ['actor-utredningen-nationella-digitala-tjanster', 'PROPOSES', 'topic-befintlig-myndighet-far-ansvaret'],
        ['actor-skr', 'SUPPORTS', 'doc-digitalforvaltning-nu'],
        ['actor-skr', 'SUPPORTS', 'topic-samlande-digital-myndighet'],
        ['actor-skr', 'REQUESTS', 'topic-fristaende-digitaliseringsmyndighet'],
        ['actor-skr', 'PUBLISHED', 'doc-skl-yttrande-digitalforvaltning-nu'],
        ['actor-skr', 'SUPPORTS', 'service-mina-meddelanden'],
        ['actor-skr', 'CRITICISES', 'service-mina-meddelanden'],
        ['actor-skr', 'REFERS_TO', 'actor-digitaliseringsstyrelsen'],
        ['actor-digitaliseringsstyrelsen', 'LOCATED_IN', 'place-danmark'],
        ['actor-skr', 'NAMED', 'name-skl'],
        ['person-lena-micko', 'QUOTED_IN', 'article-000'],
        ['actor-kommits', 'PUBLISHED', 'doc-kommits-tidningen'],
        ['actor-kommits', 'HAS_CONTACT', 'person-marianne-olofsson'],
      ],
    },
    {
      article: 'article-001',
      people: ['person-ardalan-shekarabi', 'person-bengt-kjellson', 'person-lena-micko'],
      roles: [
        ['person-lena-micko', 'ordförande', 'actor-skr'],
        ['person-ardalan-shekarabi', 'civilminister', 'actor-regeringen'],
        ['person-bengt-kjellson', 'generaldirektör', 'actor-lantmateriet'],
        ['person-bengt-kjellson', 'ordförande', 'actor-organisationskommitten'],
      ],
      facts: [
        ['actor-skr', 'PARTY_TO', 'agreement-handslag-2017'],
        ['actor-regeringen', 'PARTY_TO', 'agreement-handslag-2017'],
        ['person-lena-micko', 'PARTY_TO', 'agreement-handslag-2017'],
        ['person-ardalan-shekarabi', 'PARTY_TO', 'agreement-handslag-2017'],
        ['agreement-handslag-2017', 'PRESENTED_AT', 'event-digigov-2017'],
        ['actor-organisationskommitten', 'PREPARES', 'actor-digg'],
        ['actor-skr', 'COLLABORATES_WITH', 'actor-organisationskommitten'],
        ['actor-digg', 'LOCATED_IN', 'place-sundsvall'],
        ['person-lena-micko', 'PICTURED_IN', 'article-001'],
        ['person-ardalan-shekarabi', 'PICTURED_IN', 'article-001'],
      ],
    },
    {
      article: 'article-002',
      people: ['person-jenny-birkestad', 'person-marianne-olofsson'],
      roles: [['person-jenny-birkestad', 'chef för avdelningen för digitalisering', 'actor-skr']],
      facts: [
        ['actor-digg', 'PUBLISHED', 'doc-digg-rapport-internationella-jamforelser'],
        ['doc-digg-rapport-internationella-jamforelser', 'FINDS', 'place-sverige'],
        ['actor-skr', 'SUPPORTS', 'doc-digg-rapport-internationella-jamforelser'],
        ['actor-skr', 'REQUESTS', 'topic-nationell-digital-infrastruktur'],
        ['actor-skr', 'REQUESTS', 'topic-gemensam-prioritering'],
        ['actor-skr', 'NAMED', 'name-skr'],
        ['person-jenny-birkestad', 'QUOTED_IN', 'article-002'],
      ],
    },
    {
      article: 'article-003',
      people: ['person-christian-naumanen', 'person-marianne-olofsson', 'person-therese-kristensson'],
      roles: [['person-therese-kristensson', 'ansvarig för studien', 'actor-enheten-for-digital-forvaltning']],
      facts: [
        ['actor-enheten-for-digital-forvaltning', 'PART_OF', 'actor-finansdepartementet'],
        ['actor-kommits', 'PARTY_TO', 'agreement-digitaliseringsstudien'],
        ['actor-skr', 'PARTY_TO', 'agreement-digitaliseringsstudien'],
        ['actor-finansdepartementet', 'PARTY_TO', 'agreement-digitaliseringsstudien'],
        ['actor-regeringen', 'PARTY_TO', 'agreement-digitaliseringsstudien'],
        ['actor-regeringen', 'PUBLISHED', 'doc-budgetproposition-2018'],
        ['doc-budgetproposition-2018', 'REFERS_TO', 'agreement-digitaliseringsstudien'],
        ['actor-utredningen-nationella-digitala-tjanster', 'PUBLISHED', 'doc-slutbetankande-nationella-digitala-tjanster'],
        ['doc-kommittedirektiv-digg', 'ABOUT', 'actor-digg'],
        ['person-christian-naumanen', 'WROTE', 'article-003'],
        ['article-003', 'EXCERPTED_FROM', 'doc-kommits-tidningen-2018-1'],
        ['doc-kommits-tidningen-2018-1', 'PART_OF', 'doc-kommits-tidningen'],
      ],
    },
    {
      article: 'article-004',
      people: ['person-anna-eriksson'],
      roles: [['person-anna-eriksson', 'generaldirektör', 'actor-digg']],
      facts: [
        ['actor-regeringen', 'ESTABLISHED', 'actor-digg'],
        ['actor-digg', 'LOCATED_IN', 'place-sundsvall'],
        ['place-sundsvall', 'LOCATED_IN', 'place-sverige'],
        ['actor-digg', 'RESPONSIBLE_FOR', 'topic-nationell-digital-infrastruktur'],
        ['actor-digg', 'RESPONSIBLE_FOR', 'service-e-legitimation'],
        ['actor-digg', 'SERVES', 'actor-kommuner'],
        ['actor-digg', 'ADVISES', 'actor-regeringen'],
        ['person-anna-eriksson', 'QUOTED_IN', 'article-004'],
      ],
    },
  ])('$article', ({ article, people, roles, facts }) => {
    it('mentions exactly these people', async () => {
      expect(await peopleIn(article)).toEqual(people);
    });

    it('connects each person to a role at an organisation as the text does', async () => {
      expect(await rolesIn(article)).toEqual(sorted(roles));
    });

    it('has the facts the text states about its organisations, agreements and documents', async () => {
      expect(await factsIn(article)).toEqual(expect.arrayContaining(facts));
    });
  });

  it('gives the handshake of 6 December 2017 five points with the parties each point names', async () => {
    const points = await rows(
      `MATCH (:Agreement {id: 'agreement-handslag-2017'})-[:HAS_POINT]->(p:AgreementPoint)
       OPTIONAL MATCH (party)-[:PARTY_TO]->(p)
       WITH p, party.id AS party ORDER BY party
       RETURN p.number AS number, collect(party) AS parties ORDER BY number`,
    );
    expect(points.map((p) => [Number(p['number']), p['parties']])).toEqual([
      [1, ['actor-regeringen', 'actor-skr']],
      [2, ['actor-regeringen', 'actor-skr']],
      [3, ['actor-skr']],
      [4, ['actor-inera', 'actor-skl-kommentus', 'actor-skr']],
      [5, ['actor-departementen', 'actor-kommuner', 'actor-landsting', 'actor-regioner', 'actor-skr', 'actor-statliga-myndigheter']],
    ]);
    const [agreement] = await rows("MATCH (a:Agreement {id: 'agreement-handslag-2017'}) RETURN a.validFrom AS validFrom");
    expect(String(agreement?.['validFrom'])).toBe('2017-12-06');
  });

  it('tells SKL and SKR apart only by time: one actor, two names, the rename on 2019-11-27', async () => {
    const named = await rows(
      `MATCH (a:Actor)-[n:NAMED]->(name:Name)
       RETURN a.id AS actor, name.short AS short, toString(n.validFrom) AS validFrom, toString(n.validTo) AS validTo, n.source AS source
       ORDER BY short`,
    );
    expect(named).toEqual([
      { actor: 'actor-skr', short: 'SKL', validFrom: null, validTo: '2019-11-27', source: 'curator' },
      { actor: 'actor-skr', short: 'SKR', validFrom: '2019-11-27', validTo: null, source: 'curator' },
    ]);
  });

  it('stores dates as Neo4j dates, not strings', async () => {
    const [r] = await rows(
      `MATCH (a:Article {id: 'article-000'}), (d:Actor {id: 'actor-digg'}), ()-[f:HOLDS {id: 'fact-lena-micko-holds-skr-ordforande'}]->()
       RETURN a.published AS published, d.validFrom AS validFrom, f.firstSeen AS firstSeen`,
    );
    for (const value of Object.values(r ?? {})) expect(neo4j.isDate(value)).toBe(true);
    expect(String(r?.['published'])).toBe('2017-06-14');
    expect(String(r?.['firstSeen'])).toBe('2017-06-14');
  });

  it('backs every relationship except MENTIONS with quotes that are verbatim in the Article text at the stored offsets', async () => {
    // given the article texts as stored
    const texts = new Map((await rows('MATCH (a:Article) RETURN a.id AS id, a.text AS text')).map((r) => [r['id'] as string, r['text'] as string]));
    // and every relationship in the graph
    const rels = await rows(
      `MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS'
       RETURN r.id AS id, type(r) AS type, r.evidenceArticles AS articles, r.evidenceQuotes AS quotes,
              r.evidenceStarts AS starts, r.evidenceEnds AS ends, r.evidenceCount AS count, r.firstSeen AS firstSeen`,
    );
    expect(rels.length).toBeGreaterThan(100);
    // then each has evidence, and each quote is the exact slice of its article
    for (const r of rels) {
      const quotes = r['quotes'] as string[];
      expect(quotes?.length, `${r['type']} ${r['id']}`).toBeGreaterThan(0);
      expect(Number(r['count'])).toBe(quotes.length);
      expect(neo4j.isDate(r['firstSeen'])).toBe(true);
      quotes.forEach((quote, i) => {
        const text = texts.get((r['articles'] as string[])[i]!);
        const start = Number((r['starts'] as unknown[])[i]);
        const end = Number((r['ends'] as unknown[])[i]);
        expect(text?.slice(start, end), `${r['id']} evidence ${i}`).toBe(quote);
      });
    }
  });

  it('places every MENTIONS span on its surface in the Article text', async () => {
    const spans = await rows('MATCH (a:Article)-[m:MENTIONS]->(e:Entity) RETURN a.text AS text, m.starts AS starts, m.ends AS ends, m.surface AS surface, e.id AS entity');
    for (const s of spans) {
      (s['surface'] as string[]).forEach((surface, i) => {
        expect((s['text'] as string).slice(Number((s['starts'] as unknown[])[i]), Number((s['ends'] as unknown[])[i])), s['entity'] as string).toBe(surface);
      });
    }
  });

  it('labels every domain node Entity plus exactly one kind label', async () => {
    const bad = await rows(
      `MATCH (n:Entity)
       WITH n, [l IN labels(n) WHERE l IN ['Actor','Person','Role','Agreement','AgreementPoint','Document','Service','Event','Place','Topic']] AS kinds
       WHERE size(kinds) <> 1 OR n.searchText IS NULL OR n.name IS NULL
       RETURN n.id AS id`,
    );
    expect(bad).toEqual([]);
  });
});
