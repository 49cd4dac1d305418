import { beforeEach, describe, expect, it } from 'vitest';
import { graphCounts, loadCorpus, loadSeedDirectory } from '../../../server/seed/load';
import { readCorpus, SeedValidationError } from '../../../server/seed/validate';
import { getTestDriver, resetDatabase } from '../../support/neo4j';
import { copyCorpus, SEED_DIR } from '../../unit/seed/corpus-copy';

async function ids(cypher: string): Promise<string[]> {
  const result = await getTestDriver().executeQuery(cypher);
  return result.records.map((r) => r.get('id') as string);
}

describe('loading the seed corpus into Neo4j', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('loads all five articles with their entities, names and facts', async () => {
    // given the validated corpus
    const corpus = await readCorpus(SEED_DIR);
    // when it is loaded into an empty database
    const counts = await loadSeedDirectory(getTestDriver(), SEED_DIR);
    // then every node and relationship of the corpus is there, and nothing else
    const mentions = corpus.articles.reduce((n, a) => n + a.mentions.length, 0);
    expect(counts).toEqual({ nodes: corpus.entities.length + corpus.names.length + corpus.articles.length, relationships: corpus.facts.length + mentions });
    expect(await ids('MATCH (a:Article) RETURN a.id AS id ORDER BY id')).toEqual(['article-000', 'article-001', 'article-002', 'article-003', 'article-004']);
    expect(await graphCounts(getTestDriver())).toEqual(counts);
  });

  it('gives the same node and relationship counts when the same corpus is loaded twice', async () => {
    const first = await loadSeedDirectory(getTestDriver(), SEED_DIR);
    const second = await loadSeedDirectory(getTestDriver(), SEED_DIR);
    expect(second).toEqual(first);
    expect(await graphCounts(getTestDriver())).toEqual(first);
  });

  it('rejects a malformed corpus and leaves the database as it was', async () => {
    // given a loaded graph and a copy of the seed with a quote that is not in its article
    const before = await loadSeedDirectory(getTestDriver(), SEED_DIR);
    const broken = await copyCorpus();
    await broken.editText('001_6a08060631717b97.yaml', (t) => t.replace('quote: "Lena Micko och Ardalan Shekarabi."', 'quote: "Lena Micko och Stefan Löfven."'));
    try {
      // when it is loaded
      const attempt = loadSeedDirectory(getTestDriver(), broken.dir);
      // then it is refused with the file and entry named, and nothing changed
      await expect(attempt).rejects.toBeInstanceOf(SeedValidationError);
      await expect(attempt).rejects.toThrow(/001_6a08060631717b97\.yaml: fact "fact-lena-micko-pictured-in-001": evidence\[0\]: quote not found/);
      expect(await graphCounts(getTestDriver())).toEqual(before);
    } finally {
      await broken.remove();
    }
  });

  it('writes all or nothing: a failure in the middle of the load leaves an empty database empty', async () => {
    // given a validated corpus whose last fact carries a value Neo4j cannot store
    const corpus = await readCorpus(SEED_DIR);
    const last = corpus.facts[corpus.facts.length - 1]!;
    (last.properties as Record<string, unknown>)['nested'] = { not: 'storable' };
    // when it is loaded, then the write fails and nothing of the earlier statements remains
    await expect(loadCorpus(getTestDriver(), corpus)).rejects.toThrow();
    expect(await graphCounts(getTestDriver())).toEqual({ nodes: 0, relationships: 0 });
  });

  it('removes a fact that was deleted from the files when the corpus is loaded again', async () => {
    // given a loaded graph
    await loadSeedDirectory(getTestDriver(), SEED_DIR);
    // and a corrected copy without one fact
    const corrected = await copyCorpus();
    await corrected.editText('004_83f8f03f60adec00.yaml', (t) => t.replace(/ {2}- id: fact-digg-advises-regeringen[\s\S]*$/, ''));
    try {
      // when the corrected corpus is loaded
      await loadSeedDirectory(getTestDriver(), corrected.dir);
      // then the relationship is gone and the rest is still there
      expect(await ids('MATCH ()-[r:ADVISES]->() RETURN r.id AS id')).toEqual([]);
      expect(await ids("MATCH ()-[r:ESTABLISHED {id: 'fact-regeringen-established-digg'}]->() RETURN r.id AS id")).toHaveLength(1);
    } finally {
      await corrected.remove();
    }
  });

  it('finds entities by any of their names, accent-folded, through the entityNames index', async () => {
    await loadSeedDirectory(getTestDriver(), SEED_DIR);
    const search = (q: string) => ids(`CALL db.index.fulltext.queryNodes('entityNames', '${q}') YIELD node RETURN node.id AS id LIMIT 10`);
    expect(await search('lantmateriet')).toContain('actor-lantmateriet');
    // Shorter texts that contain the word ("SKL Kommentus", "Ordförande för SKL") may rank above SKL itself.
    expect(await search('SKL')).toContain('actor-skr');
    expect(await search('SKR')).toContain('actor-skr');
    expect((await search('"Sveriges Kommuner och Landsting"'))[0]).toBe('actor-skr');
    expect(await search('digg')).toContain('actor-digg');
  });

  it('finds article text with Swedish stemming through the articleText index', async () => {
    await loadSeedDirectory(getTestDriver(), SEED_DIR);
    const found = await ids("CALL db.index.fulltext.queryNodes('articleText', 'handslagen') YIELD node RETURN node.id AS id");
    expect(found).toEqual(['article-001']);
  });
});
