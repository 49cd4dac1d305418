import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/generate';
import { graphCounts, loadSeedDirectory } from '../../../server/seed/load';
import { loadCorpusStreaming, type LoadProgress } from '../../../server/seed/stream';
import { SeedValidationError } from '../../../server/seed/validate';
import { getTestDriver, resetDatabase } from '../../support/neo4j';

describe('loading a large corpus in streamed batches', () => {
  const root = mkdtempSync(join(tmpdir(), 'explorer-stream-'));
  const corpus = join(root, 'corpus');
  let wholeCounts: { nodes: number; relationships: number };

  beforeAll(async () => {
    generateCorpus({ articles: 80, seed: 11, out: corpus, entitiesPerFile: 100 });
    await resetDatabase();
    wholeCounts = await loadSeedDirectory(getTestDriver(), corpus);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes exactly what the all-or-nothing loader writes, and reports progress with a rate', async () => {
    await resetDatabase();
    const progress: LoadProgress[] = [];

    const report = await loadCorpusStreaming(getTestDriver(), corpus, { batchArticles: 10, onProgress: (p) => progress.push(p) });

    expect({ nodes: report.nodes, relationships: report.relationships }).toEqual(wholeCounts);
    expect(report.articles).toBe(80);
    expect(report.batches).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ phase: 'articles', done: 80, total: 80 });
    expect(progress.every((p) => p.rate > 0)).toBe(true);
  });

  it('can be interrupted and run again without duplicates', async () => {
    // Given a load that stopped halfway (only the first half of the article files were there)
    await resetDatabase();
    const half = join(root, 'half');
    cpSync(corpus, half, { recursive: true });
    const dataFiles = readdirSync(join(half, 'data')).filter((f) => !f.startsWith('entities')).sort();
    for (const f of dataFiles.slice(40)) rmSync(join(half, 'data', f));
    await loadCorpusStreaming(getTestDriver(), half, { batchArticles: 15 });

    // When the whole corpus is loaded again, twice
    await loadCorpusStreaming(getTestDriver(), corpus, { batchArticles: 15 });
    await loadCorpusStreaming(getTestDriver(), corpus, { batchArticles: 15 });

    // Then the graph is the same as one clean load
    expect(await graphCounts(getTestDriver())).toEqual(wholeCounts);
  });

  it('rejects a batch with a wrong quote, naming the file and fact, and writes nothing of that batch', async () => {
    await resetDatabase();
    const broken = join(root, 'broken');
    cpSync(corpus, broken, { recursive: true });
    const victim = readdirSync(join(broken, 'data')).filter((f) => !f.startsWith('entities')).sort()[50]!;
    const path = join(broken, 'data', victim);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/quote: (.*)säger/, 'quote: $1sade'));

    const error = await loadCorpusStreaming(getTestDriver(), broken, { batchArticles: 10, adaptiveBatches: false }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).message).toContain(victim);
    expect((error as SeedValidationError).message).toMatch(/fact "fact-g[\w-]+": evidence\[0\]: offsets/);
    const { records } = await getTestDriver().executeQuery('MATCH (a:Article) RETURN count(a) AS n');
    // The five batches before the broken one are in; nothing of the broken batch is.
    expect(records[0]?.get('n').toNumber()).toBe(50);
  });
});
