import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_FILE, splitStatements } from '../../../server/neo4j/schema';
import { toGraphRows, toNeo4jDate, type GraphRows } from '../../../server/seed/load';
import { FACT_TYPE_NAMES, MENTIONS, RELATIONSHIP_TYPES } from '../../../server/seed/model';
import { readCorpus, type Corpus } from '../../../server/seed/validate';
import { SEED_DIR } from './corpus-copy';

describe('turning the corpus into loader rows', () => {
  let corpus: Corpus;
  let rows: GraphRows;

  beforeAll(async () => {
    corpus = await readCorpus(SEED_DIR);
    rows = toGraphRows(corpus);
  });

  it('writes one node per entity, name and article', () => {
    expect(rows.entities.reduce((n, b) => n + b.rows.length, 0)).toBe(corpus.entities.length);
    expect(rows.names).toHaveLength(2);
    expect(rows.articles).toHaveLength(5);
  });

  it('stores dates as Neo4j dates, never as strings', () => {
    const digg = rows.entities.flatMap((b) => b.rows).find((r) => r.id === 'actor-digg')!;
    expect(neo4j.isDate(digg.props['validFrom'])).toBe(true);
    expect(String(digg.props['validFrom'])).toBe('2018-09-01');
    for (const a of rows.articles) expect(neo4j.isDate(a.props['published'])).toBe(true);
    for (const r of rows.facts.flatMap((b) => b.rows)) expect(neo4j.isDate(r.props['firstSeen']), r.id).toBe(true);
  });

  it('keeps the precision of a date the text gives only as a year', () => {
    expect(toNeo4jDate('2011')).toEqual({ date: new neo4j.types.Date(2011, 1, 1), precision: 'year' });
    expect(toNeo4jDate('2018-09')).toEqual({ date: new neo4j.types.Date(2018, 9, 1), precision: 'month' });
    const styrelsen = rows.entities.flatMap((b) => b.rows).find((r) => r.id === 'actor-digitaliseringsstyrelsen')!;
    expect(styrelsen.props['validFromPrecision']).toBe('year');
  });

  it('gives every fact relationship its evidence as parallel lists of articles, quotes and integer offsets', () => {
    for (const batch of rows.facts) {
      for (const r of batch.rows) {
        const p = r.props as { evidenceArticles: unknown[]; evidenceQuotes: unknown[]; evidenceStarts: unknown[]; evidenceEnds: unknown[]; evidenceCount: unknown };
        expect(p.evidenceQuotes.length, r.id).toBeGreaterThan(0);
        expect([p.evidenceArticles.length, p.evidenceStarts.length, p.evidenceEnds.length], r.id).toEqual([p.evidenceQuotes.length, p.evidenceQuotes.length, p.evidenceQuotes.length]);
        expect(neo4j.isInt(p.evidenceCount)).toBe(true);
        for (const s of p.evidenceStarts) expect(neo4j.isInt(s)).toBe(true);
      }
    }
  });

  it('uses only relationship types from the model', () => {
    expect(rows.facts.every((b) => (FACT_TYPE_NAMES as string[]).includes(b.type))).toBe(true);
  });

  it('records each mention span with its surface', () => {
    const m = rows.mentions.find((r) => r.from === 'article-003' && r.to === 'person-christian-naumanen')!;
    expect(m.props['surface']).toEqual(['Christian Naumanen']);
    expect((m.props['starts'] as unknown[]).length).toBe(1);
  });
});

describe('the graph schema file', () => {
  const statements = splitStatements(readFileSync(SCHEMA_FILE, 'utf8'));

  it('indexes the id of every relationship type the seed writes', () => {
    for (const type of RELATIONSHIP_TYPES) {
      expect(statements.some((s) => s.includes(`[r:${type}]`) && s.includes('(r.id)')), type).toBe(true);
    }
    expect(RELATIONSHIP_TYPES).toContain(MENTIONS);
  });

  it('searches names accent-folded and article text with Swedish stemming', () => {
    expect(statements.find((s) => s.includes('FULLTEXT INDEX entityNames'))).toMatch(/n\.searchText.*'standard-folding'/s);
    expect(statements.find((s) => s.includes('FULLTEXT INDEX articleText'))).toMatch(/n\.text, n\.title.*'swedish'/s);
  });

  it('makes ids unique for entities, articles, names and roles', () => {
    for (const label of ['Entity', 'Article', 'Name', 'Role']) {
      expect(statements.some((s) => s.includes(`(n:${label}) REQUIRE n.id IS UNIQUE`)), label).toBe(true);
    }
  });
});
