import { describe, expect, it } from 'vitest';
import { evidenceArticleIds, zipEvidence } from '../../../server/services/evidence';
import { capGraph } from '../../../server/services/graph';
import { shortestPathsCypher } from '../../../server/services/paths';
import { nameBonus, rankHits } from '../../../server/services/search';
import { filterParams, listOrAll } from '../../../server/cypher/explore/fragments';
import { ValidationError } from '../../../server/errors';

const row = (id: string, name: string, aliases: string[], score: number) => ({ id, name, aliases, score, labels: ['Entity', 'Actor'], kind: 'agency' });

describe('search ranking', () => {
  it('puts an exact name or alias before prefixes, and a prefix covering more of the name first', () => {
    expect(nameBonus('skl', ['Sveriges Kommuner och Regioner', 'SKL'])).toBe(100);
    expect(nameBonus('sk', ['SKR'])).toBeGreaterThan(nameBonus('sk', ['SKL Kommentus']));
    expect(nameBonus('myndigheten för dig', ['Myndigheten för digital förvaltning'])).toBeGreaterThan(0);
    expect(nameBonus('regioner', ['Sveriges Kommuner och Regioner'])).toBe(5);
  });

  it('merges duplicate ids and cuts to the limit', () => {
    const hits = rankHits('skl', [row('actor-skl-kommentus', 'SKL Kommentus', [], 3), row('actor-skr', 'Sveriges Kommuner och Regioner', ['SKL'], 1), row('actor-skr', 'Sveriges Kommuner och Regioner', ['SKL'], 2)], 5);
    expect(hits.map((h) => h.id)).toEqual(['actor-skr', 'actor-skl-kommentus']);
    expect(rankHits('skl', [row('a', 'A', [], 1), row('b', 'B', [], 2)], 1)).toHaveLength(1);
  });
});

describe('evidence lists', () => {
  const articles = new Map([['article-001', { id: 'article-001', title: 'Handslag för fördjupad digital samverkan', outlet: null, published: '2017-12-06' }]]);

  it('zips the parallel evidence lists into entries with the article title and date', () => {
    const evidence = zipEvidence({ evidenceArticles: ['article-001', 'article-009'], evidenceQuotes: ['Med ett handslag', 'x'], evidenceStarts: [78, 1], evidenceEnds: [94, 2] }, articles);
    expect(evidence).toEqual([
      { articleId: 'article-001', articleTitle: 'Handslag för fördjupad digital samverkan', outlet: null, published: '2017-12-06', quote: 'Med ett handslag', start: 78, end: 94 },
      { articleId: 'article-009', articleTitle: 'article-009', outlet: null, published: '', quote: 'x', start: 1, end: 2 },
    ]);
    expect(zipEvidence({}, articles)).toEqual([]);
    expect(evidenceArticleIds([{ evidenceArticles: ['a', 'b'] }, { evidenceArticles: ['b'] }, {}])).toEqual(['a', 'b']);
  });
});

describe('query building', () => {
  it('writes maxLength into the path pattern only as an integer from 1 to 10', () => {
    expect(shortestPathsCypher(6)).toContain('[*..6]');
    for (const bad of [0, 11, 2.5, Number.NaN]) expect(() => shortestPathsCypher(bad)).toThrow(ValidationError);
  });

  it('keeps parameter types stable: lists never null or empty, the date always a string', () => {
    expect(filterParams({})).toEqual({ types: ['*'], labels: ['*'], asOf: '0001-01-01', dated: false, includeMentions: false });
    expect(filterParams({ types: ['MENTIONS'], labels: ['Actor'], asOf: '2018-06-01' })).toEqual({ types: ['MENTIONS'], labels: ['Actor'], asOf: '2018-06-01', dated: true, includeMentions: true });
    expect(listOrAll([])).toEqual(['*']);
  });
});

describe('capping the overview graph', () => {
  const edges: [string, string, string][] = [
    ['r1', 'hub', 'a'],
    ['r2', 'hub', 'b'],
    ['r3', 'a', 'b'],
    ['r4', 'c', 'd'],
  ];

  it('keeps the best connected nodes and only edges between kept nodes', () => {
    const capped = capGraph(['hub', 'a', 'b', 'c', 'd', 'lonely'], edges, 3, false);
    expect(capped.nodes.sort()).toEqual(['a', 'b', 'hub']);
    expect(capped.edges.sort()).toEqual(['r1', 'r2', 'r3']);
    expect(capped).toMatchObject({ totalNodes: 6, totalEdges: 4 });
  });

  it('drops nodes without a matching edge when filtering by type or article', () => {
    expect(capGraph(['hub', 'a', 'b', 'c', 'd', 'lonely'], edges, 100, true).nodes).not.toContain('lonely');
  });
});
