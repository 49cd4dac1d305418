import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { parse } from 'yaml';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExportError, fromNeo4jDate, toSeedYaml, writeSeedDirectory } from '../../../server/seed/export';
import { toNeo4jDate } from '../../../server/seed/load';
import type { ArticleFile } from '../../../server/seed/schema';
import { readCorpus, readSources, type Corpus, type SeedSources } from '../../../server/seed/validate';
import { SEED_DIR } from './corpus-copy';

/** A small article file whose strings are the ones YAML writers get wrong. */
function awkward(): ArticleFile {
  return {
    article: {
      id: 'article-900',
      file: '900_x.txt',
      title: 'yes',
      outlet: null,
      outletNote: 'null',
      published: '2011-01-01',
      publishedEvidence: { quote: ' leading space, "quotes", a # and: a colon\nand a line break ', start: 0, end: 10 },
      issue: '2011',
      authors: [],
    },
    mentions: [{ entity: 'actor-x', surfaces: ['a, b', '[brackets]', "it's", '- dash', '🚀 rocket', '~'] }],
    facts: [
      {
        id: 'fact-x',
        type: 'ABOUT',
        from: 'doc-x',
        to: 'actor-x',
        validFrom: '2011',
        source: 'curator',
        note: `${'A long note that needs folding, '.repeat(6)}with  two spaces inside so it cannot fold.`,
        properties: { detail: 'true', tasks: ['one: two', ''.padEnd(120, 'x')], year: 2011 },
        evidence: [{ quote: '\ttab\u00a0nbsp\u2028ls', start: 1, end: 2 }],
      },
    ],
  };
}

describe('writing seed YAML', () => {
  let seed: SeedSources;
  beforeAll(async () => {
    seed = await readSources(SEED_DIR);
  });

  it('reads back as exactly the data it was given, for every seed file', () => {
    for (const f of [...seed.entitiesFiles, ...seed.articleFiles]) {
      expect(parse(toSeedYaml(f.data)), f.path).toEqual(JSON.parse(JSON.stringify(f.data)));
    }
  });

  it('keeps strings that look like other YAML types, or hold quotes, commas and line breaks, as the same strings', () => {
    const data = awkward();
    expect(parse(toSeedYaml(data))).toEqual(data);
  });

  it('writes in the hand-written files\' style: double-quoted quotes on one line, quoted dates, flow lists of surfaces, folded prose', () => {
    const file = seed.articleFiles.find((f) => f.name === '001_6a08060631717b97.yaml')!;
    const yaml = toSeedYaml(file.data, ' A header');
    expect(yaml.startsWith('# A header\n')).toBe(true);
    expect(yaml).toContain("  published: '2017-12-06'\n");
    expect(yaml).toContain('    quote: "Publicerad: 6 december 2017"\n');
    expect(yaml).toContain('    surfaces: [SKL]\n');
    expect(yaml).toMatch(/\n {2}outletNote: >-\n {4}\S/);
    // every evidence quote sits on one line, however long
    for (const line of yaml.split('\n').filter((l) => l.includes('quote:'))) expect(line).toMatch(/quote: ".*"$/);
    // entries are separated by a blank line, as in the seed
    expect(yaml).toMatch(/\n\n {2}- id: fact-/);
  });

  it('turns stored dates back into the precision the text gave', () => {
    for (const iso of ['2011', '2018-09', '2018-09-01']) {
      const { date, precision } = toNeo4jDate(iso);
      expect(fromNeo4jDate(date, precision === 'day' ? undefined : precision)).toBe(iso);
    }
    expect(fromNeo4jDate('2018-09-01')).toBeUndefined();
    expect(fromNeo4jDate(new neo4j.types.Date(2018, 9, 1), 'month')).toBe('2018-09');
  });
});

describe('writing a seed directory', () => {
  const dirs: string[] = [];
  const fresh = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seed-write-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  /** The parts of a corpus that do not depend on where it was read from. */
  const content = (c: Corpus) => ({
    entities: c.entities,
    names: c.names,
    articles: c.articles.map(({ dataFile: _, ...a }) => a),
    facts: c.facts.map(({ dataFile: _, ...f }) => f),
  });

  it('writes the seed\'s own sources as a directory that validates to the same corpus, texts and SHA256SUMS byte for byte', async () => {
    // given the seed's files read into memory
    const sources = await readSources(SEED_DIR);
    // when they are written to an empty directory
    const dir = await fresh();
    const written = await writeSeedDirectory(sources, dir);
    // then it reads as the same corpus
    expect(content(await readCorpus(dir))).toEqual(content(await readCorpus(SEED_DIR)));
    // and the texts and checksums are the seed's
    for (const f of await readdir(join(SEED_DIR, 'articles'))) {
      expect((await readFile(join(dir, 'articles', f))).equals(await readFile(join(SEED_DIR, 'articles', f))), f).toBe(true);
    }
    expect(written.data).toEqual(['data/entities.yaml', ...sources.articleFiles.map((f) => `data/${f.name}`)]);
  });

  it('keeps a byte-order mark the text was loaded with, so the recorded SHA-256 still holds', async () => {
    const text = 'Rubrik\nText.\n';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const dir = await fresh();
    await writeSeedDirectory({ entitiesFiles: [], articleFiles: [], texts: new Map([['bom.txt', { text, sha256 }]]) }, dir);
    expect((await readFile(join(dir, 'articles', 'bom.txt'))).equals(bytes)).toBe(true);
    expect(await readFile(join(dir, 'articles', 'SHA256SUMS'), 'utf8')).toBe(`${sha256}  bom.txt\n`);
  });

  it('refuses a text that does not match its recorded SHA-256, and writes nothing', async () => {
    const dir = await fresh();
    const attempt = writeSeedDirectory({ entitiesFiles: [], articleFiles: [], texts: new Map([['x.txt', { text: 'changed', sha256: '0'.repeat(64) }]]) }, dir);
    await expect(attempt).rejects.toBeInstanceOf(ExportError);
    await expect(attempt).rejects.toThrow(/x\.txt.*do not give the recorded sha256/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('with replace, removes an earlier export\'s files that the new one does not have', async () => {
    // given a directory holding an export with an extra article
    const sources = await readSources(SEED_DIR);
    const dir = await fresh();
    const extra: SeedSources = { ...sources, texts: new Map([...sources.texts, ['999_gone.txt', { text: 'x', sha256: createHash('sha256').update('x').digest('hex') }]]) };
    await writeSeedDirectory(extra, dir);
    // when the seed is written over it with replace
    const written = await writeSeedDirectory(sources, dir, { replace: true });
    // then the extra text is gone, and the directory validates
    expect(written.replaced).toBeGreaterThan(0);
    expect(await readdir(join(dir, 'articles'))).not.toContain('999_gone.txt');
    await expect(readCorpus(dir)).resolves.toBeDefined();
  });
});
