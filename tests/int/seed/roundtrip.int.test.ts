import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { exportSources, ExportError, writeSeedDirectory } from '../../../server/seed/export';
import { loadCorpus, loadSeedDirectory } from '../../../server/seed/load';
import type { ArticleFile, EntitiesFile } from '../../../server/seed/schema';
import { readCorpus, readSources, validateSources, type SeedSources } from '../../../server/seed/validate';
import { ROOT } from '../../support/app';
import { snapshot } from '../../support/graphSnapshot';
import { getTestDriver, resetDatabase } from '../../support/neo4j';
import { SEED_DIR } from '../../unit/seed/corpus-copy';

/** Every file under `dir` with its bytes, by relative path. */
async function filesIn(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), await readFile(path));
  }
  return files;
}

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'export-'));
  temps.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** Exports the database to a fresh directory, checks it as the seed loader does, reloads it into an empty database. */
async function exportAndReload(): Promise<{ dir: string; sources: SeedSources }> {
  const sources = await exportSources(getTestDriver());
  const dir = await tempDir();
  await writeSeedDirectory(sources, dir);
  await readCorpus(dir);
  await resetDatabase();
  await loadSeedDirectory(getTestDriver(), dir);
  return { dir, sources };
}

// An article as the review UI would accept it: a URL, a reviewer and a time, a date the text does not print,
// a new person, a quote, and a fact that also cites an older article.
const REVIEWED_TEXT = 'Digg får ny avdelningschef\r\n\r\nKarin Åberg börjar på Digg i januari 🚀.\r\n"Vi ska göra det enkelt för kommuner", säger Karin Åberg.\r\n';
const REVIEWED_FILE = '100_reviewed.txt';

function reviewedSources(seed: SeedSources): SeedSources {
  const at = (quote: string) => ({ quote, start: REVIEWED_TEXT.indexOf(quote), end: REVIEWED_TEXT.indexOf(quote) + quote.length });
  const { quote, start, end } = seed.articleFiles.find((f) => f.data.article.id === 'article-004')!.data.facts[0]!.evidence[0]!;
  const olderQuote = { quote, start, end };
  const entities: EntitiesFile = {
    entities: [...seed.entitiesFiles[0]!.data.entities, { id: 'person-karin-aberg', label: 'Person', kind: 'person', name: 'Karin Åberg', aliases: [] }],
  };
  const article: ArticleFile = {
    article: {
      id: 'article-100',
      file: REVIEWED_FILE,
      title: 'Digg får ny avdelningschef',
      outlet: 'Exempelbladet',
      published: '2026-11-30',
      publishedNote: 'date given by the reviewer',
      url: 'https://example.org/digg/ny-chef?utm=1',
      reviewedAt: '2026-12-01T10:15:30.250+01:00',
      reviewedBy: 'analytiker',
      authors: [],
    },
    mentions: [
      { entity: 'person-karin-aberg', surfaces: ['Karin Åberg'] },
      { entity: 'actor-digg', surfaces: ['Digg'] },
      { entity: 'actor-kommuner', surfaces: ['kommuner'] },
    ],
    facts: [
      { id: 'fact-karin-aberg-quoted-in-100', type: 'QUOTED_IN', from: 'person-karin-aberg', to: 'article-100', properties: {}, source: 'text', evidence: [at('"Vi ska göra det enkelt för kommuner"')] },
      { id: 'fact-karin-aberg-affiliated-with-digg', type: 'AFFILIATED_WITH', from: 'person-karin-aberg', to: 'actor-digg', validFrom: '2027-01', properties: { basis: 'börjar på Digg' }, source: 'text', evidence: [at('Karin Åberg börjar på Digg i januari')] },
      {
        id: 'fact-digg-prioritises-kommuner',
        type: 'PRIORITISES',
        from: 'actor-digg',
        to: 'actor-kommuner',
        properties: { saidBy: 'person-karin-aberg', detail: 'göra det enkelt för kommuner', year: 2027 },
        source: 'text',
        evidence: [at('Vi ska göra det enkelt för kommuner'), { article: 'article-004', ...olderQuote }],
      },
    ],
  };
  const texts = new Map(seed.texts);
  texts.set(REVIEWED_FILE, { text: REVIEWED_TEXT, sha256: createHash('sha256').update(REVIEWED_TEXT, 'utf8').digest('hex') });
  return {
    entitiesFiles: [{ path: 'data/entities.yaml', data: entities }],
    articleFiles: [...seed.articleFiles, { path: 'data/100_reviewed.yaml', name: '100_reviewed.yaml', data: article }],
    texts,
  };
}

// Each test loads and exports the whole corpus, some twice; allow for a busy machine.
describe('exporting the graph to the seed format and loading it again', { timeout: 180_000 }, () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('gives back the seeded graph node for node and property for property', async () => {
    // given the seed corpus loaded
    await loadSeedDirectory(getTestDriver(), SEED_DIR);
    const before = await snapshot();
    // when the graph is exported, the export validated and loaded into an empty database
    const { dir } = await exportAndReload();
    // then the graph is the same
    const after = await snapshot();
    expect(after.nodes.length).toBe(before.nodes.length);
    expect(after.relationships.length).toBe(before.relationships.length);
    expect(after).toEqual(before);
    // and the article texts are the seed's, byte for byte, with a SHA256SUMS the seed's own matches
    const seedFiles = await filesIn(join(SEED_DIR, 'articles'));
    const exported = await filesIn(join(dir, 'articles'));
    for (const [name, bytes] of seedFiles) expect(exported.get(name)?.equals(bytes), name).toBe(true);
    // and exporting the reloaded graph writes the same files again
    const again = await tempDir();
    await writeSeedDirectory(await exportSources(getTestDriver()), again);
    const first = await filesIn(dir);
    const second = await filesIn(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, bytes] of first) expect(second.get(name)?.toString('utf8'), name).toBe(bytes.toString('utf8'));
  });

  it('puts every fact back in the file of the article it lives in, with the seed\'s mentions', async () => {
    // given the seed loaded and exported
    await loadSeedDirectory(getTestDriver(), SEED_DIR);
    const exported = await exportSources(getTestDriver());
    const seed = await readSources(SEED_DIR);
    // then each article file holds the same facts (by id) and the same mention surfaces as the hand-written one
    for (const original of seed.articleFiles) {
      const copy = exported.articleFiles.find((f) => f.name === original.name);
      expect(copy, original.name).toBeDefined();
      expect(copy!.data.facts.map((f) => f.id).sort(), original.name).toEqual(original.data.facts.map((f) => f.id).sort());
      const surfaces = (file: ArticleFile) => Object.fromEntries(file.mentions.map((m) => [m.entity, [...m.surfaces].sort()]));
      expect(surfaces(copy!.data), original.name).toEqual(surfaces(original.data));
    }
  });

  it('round-trips a reviewed article: URL, reviewer, review time, a date without printed evidence', async () => {
    // given the seed plus an article accepted in review, loaded through the seed loader's checks
    const corpus = validateSources(reviewedSources(await readSources(SEED_DIR)));
    await loadCorpus(getTestDriver(), corpus);
    const before = await snapshot();
    const stored = await getTestDriver().executeQuery("MATCH (a:Article {id: 'article-100'}) RETURN a.reviewedAt AS at, a.publishedQuote AS quote");
    expect(neo4j.isDateTime(stored.records[0]!.get('at'))).toBe(true);
    expect(stored.records[0]!.get('quote')).toBeNull();
    // when it is exported and loaded again
    const { dir, sources } = await exportAndReload();
    // then the graph is the same, and the file says what the reviewer said
    expect(await snapshot()).toEqual(before);
    const reviewed = sources.articleFiles.find((f) => f.data.article.id === 'article-100')!.data;
    expect(reviewed.article).toMatchObject({
      url: 'https://example.org/digg/ny-chef?utm=1',
      reviewedAt: '2026-12-01T09:15:30.250Z',
      reviewedBy: 'analytiker',
      publishedNote: 'date given by the reviewer',
      published: '2026-11-30',
    });
    expect(reviewed.article.publishedEvidence).toBeUndefined();
    expect(reviewed.facts.find((f) => f.id === 'fact-karin-aberg-affiliated-with-digg')).toMatchObject({ validFrom: '2027-01', properties: { basis: 'börjar på Digg' } });
    // and a fact citing an older article too stays in the reviewed article's file, the older quote marked as such
    const prioritises = reviewed.facts.find((f) => f.id === 'fact-digg-prioritises-kommuner')!;
    expect(prioritises.properties).toEqual({ saidBy: 'person-karin-aberg', detail: 'göra det enkelt för kommuner', year: 2027 });
    expect(prioritises.evidence.map((e) => e.article)).toEqual([undefined, 'article-004']);
    // and the text with its CRLF line ends and emoji is written byte for byte
    expect(await readFile(join(dir, 'articles', REVIEWED_FILE), 'utf8')).toBe(REVIEWED_TEXT);
  });

  it('refuses to export what the seed format cannot carry rather than dropping it', async () => {
    // given the seed loaded, and a property written to an entity outside the loader
    await loadSeedDirectory(getTestDriver(), SEED_DIR);
    await getTestDriver().executeQuery("MATCH (e:Entity {id: 'actor-digg'}) SET e.popularity = 3");
    // when it is exported, then the export fails and names the entity and the property
    const attempt = exportSources(getTestDriver());
    await expect(attempt).rejects.toBeInstanceOf(ExportError);
    await expect(attempt).rejects.toThrow(/entity "actor-digg": properties the seed format has no place for: popularity/);
  });
});

/** Runs `npm run export -- …` as a user would (without npm's banner), against the test database. */
function exportCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/cli/export.ts', ...args],
      { cwd: ROOT, env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword') }, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run export', { timeout: 180_000 }, () => {
  it('writes the graph into a new directory, says what it wrote, and refuses a non-empty one without --force', async () => {
    // given the seed loaded
    await resetDatabase();
    await loadSeedDirectory(getTestDriver(), SEED_DIR);
    const dir = join(await tempDir(), 'corpus');
    // when it is exported into a directory that does not exist yet
    const first = await exportCli([dir]);
    // then it is written, and loads as a seed corpus
    expect(first.code, first.stderr).toBe(0);
    const seed = await readCorpus(SEED_DIR);
    expect(first.stdout).toContain(`${seed.articles.length} article texts in articles/ (0 reviewed), with articles/SHA256SUMS`);
    expect(first.stdout).toContain(`${seed.facts.length} facts in ${seed.articles.length} article data files`);
    await expect(readCorpus(dir)).resolves.toBeDefined();
    // and a second export into the same directory is refused, naming the way out
    const second = await exportCli([dir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/is not empty .*add --force/);
    // unless --force is given
    const forced = await exportCli([dir, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const files = (await filesIn(dir)).size;
    expect(forced.stdout).toContain(`replaced ${files} files of an earlier export`);
  });
});
