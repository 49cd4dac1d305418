import { appendFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCorpus, SeedValidationError } from '../../../server/seed/validate';
import { copyCorpus, factIn, type CorpusCopy } from './corpus-copy';

const A001 = '001_6a08060631717b97.yaml';
const A003 = '003_a32396b384e801f0.yaml';

/** Reads the corpus and returns the validation error it must raise. */
async function rejection(dir: string): Promise<SeedValidationError> {
  try {
    await readCorpus(dir);
  } catch (err) {
    if (err instanceof SeedValidationError) return err;
    throw err;
  }
  throw new Error('expected the corpus to be rejected');
}

// Each test copies and validates the whole corpus; allow for a busy machine.
describe('validating a seed corpus before anything is written', { timeout: 30_000 }, () => {
  let copy: CorpusCopy;

  beforeEach(async () => {
    copy = await copyCorpus();
  });
  afterEach(async () => {
    await copy.remove();
  });

  it('accepts an untouched copy of the seed', async () => {
    await expect(readCorpus(copy.dir)).resolves.toMatchObject({ articles: expect.any(Array) });
  });

  it('rejects a fact without an id, naming the file and the entry', async () => {
    // given a fact whose id was deleted
    await copy.edit(A001, (d) => delete factIn(d, 'fact-handslag-has-point-3').id);
    // when the corpus is read
    const err = await rejection(copy.dir);
    // then the error says which file and which entry
    expect(err.code).toBe('SEED_INVALID');
    expect(err.message).toMatch(/data\/001_6a08060631717b97\.yaml: facts\[\d+\] \(no valid id, type HAS_POINT\): id:/);
    expect(err.problems).toEqual([expect.objectContaining({ file: expect.stringContaining(A001), entry: expect.stringMatching(/^facts\[\d+\]/) })]);
  });

  it('rejects a dangling reference to an entity that does not exist', async () => {
    await copy.edit(A001, (d) => (factIn(d, 'fact-skr-party-to-handslag').from = 'actor-skl-typo'));
    const err = await rejection(copy.dir);
    expect(err.message).toContain(`${A001}: fact "fact-skr-party-to-handslag": dangling reference: from "actor-skl-typo"`);
  });

  it('rejects a date that is not on the calendar, such as 2017-13-40', async () => {
    await copy.edit(A001, (d) => (factIn(d, 'fact-handslag-has-point-1').validFrom = '2017-13-40'));
    const err = await rejection(copy.dir);
    expect(err.message).toContain(`${A001}: fact "fact-handslag-has-point-1": validFrom: not a real calendar date`);
  });

  it('rejects a quote that is not in the article text', async () => {
    await copy.edit(A001, (d) => (factIn(d, 'fact-handslag-has-point-3').evidence[0].quote = 'SKL kommer stödja regeringen.'));
    const err = await rejection(copy.dir);
    expect(err.message).toContain(`${A001}: fact "fact-handslag-has-point-3": evidence[0]: quote not found in article text (article-001): "SKL kommer stödja regeringen."`);
  });

  it('rejects a quote whose offsets point elsewhere and says where it really is', async () => {
    // given a quote shifted by one character
    let start = 0;
    await copy.edit(A001, (d) => {
      const ev = factIn(d, 'fact-handslag-has-point-3').evidence[0];
      start = ev.start;
      ev.start += 1;
      ev.end += 1;
    });
    const err = await rejection(copy.dir);
    expect(err.message).toContain(`${A001}: fact "fact-handslag-has-point-3": evidence[0]: offsets [${start + 1}, `);
    expect(err.message).toContain(`it occurs at [${start}, `);
  });

  it('rejects evidence cited from another article at the wrong offsets', async () => {
    await copy.edit('000_86db7d93b8a02246.yaml', (d) => (factIn(d, 'fact-skr-named-skl').evidence[2].article = 'article-002'));
    const err = await rejection(copy.dir);
    expect(err.message).toContain('fact "fact-skr-named-skl": evidence[2]: quote not found in article text (article-002)');
  });

  it('rejects two entries with the same id', async () => {
    await copy.edit(A003, (d) => (factIn(d, 'fact-finansdepartementet-prioritises-digg').id = 'fact-finansdepartementet-prioritises-oppna-data'));
    const err = await rejection(copy.dir);
    expect(err.message).toContain('duplicate id "fact-finansdepartementet-prioritises-oppna-data"');
  });

  it('rejects a relationship between labels the model does not allow', async () => {
    await copy.edit(A003, (d) => (factIn(d, 'fact-christian-naumanen-wrote-003').to = 'doc-kommits-tidningen'));
    const err = await rejection(copy.dir);
    expect(err.message).toContain('fact "fact-christian-naumanen-wrote-003": WROTE cannot run to a Document ("doc-kommits-tidningen")');
  });

  it('rejects a relationship type outside the model', async () => {
    await copy.edit(A003, (d) => (factIn(d, 'fact-christian-naumanen-wrote-003').type = 'WROTE]->() DETACH DELETE (x'));
    const err = await rejection(copy.dir);
    expect(err.message).toContain('fact "fact-christian-naumanen-wrote-003": type:');
  });

  it('rejects a mention whose surface is not in the article', async () => {
    await copy.edit(A001, (d) => d.mentions.find((m: { entity: string }) => m.entity === 'actor-inera').surfaces.push('Inera AB'));
    const err = await rejection(copy.dir);
    expect(err.message).toContain(`${A001}: mention of "actor-inera": surface "Inera AB" not found in article text`);
  });

  it('rejects an author without a WROTE fact carrying the byline', async () => {
    await copy.edit(A001, (d) => (d.article.authors = ['person-lena-micko']));
    const err = await rejection(copy.dir);
    expect(err.message).toContain(`${A001}: article "article-001": author "person-lena-micko" has no WROTE fact`);
  });

  it('rejects an entity that no article mentions and no fact uses', async () => {
    await appendFile(join(copy.dir, 'data', 'entities.yaml'), '\n  - id: actor-orphan\n    label: Actor\n    kind: agency\n    name: Orphan\n');
    const err = await rejection(copy.dir);
    expect(err.message).toContain('entities.yaml: entity "actor-orphan": neither mentioned in an article nor part of any fact');
  });

  it('rejects an article text without a data file', async () => {
    await unlink(join(copy.dir, 'data', '004_83f8f03f60adec00.yaml'));
    const err = await rejection(copy.dir);
    expect(err.message).toContain('004_83f8f03f60adec00.txt: no data file describes this article');
  });

  it('rejects a data file that is not valid YAML, naming the file', async () => {
    await appendFile(join(copy.dir, 'data', A001), '\nfacts: [unclosed\n');
    const err = await rejection(copy.dir);
    expect(err.problems[0]?.file).toContain(A001);
    expect(err.message).toContain('YAML:');
  });

  it('reports every problem at once, not only the first', async () => {
    await copy.edit(A001, (d) => {
      factIn(d, 'fact-handslag-has-point-1').validFrom = '2017-02-30';
      factIn(d, 'fact-skr-party-to-handslag').to = 'agreement-missing';
    });
    await copy.edit(A003, (d) => (factIn(d, 'fact-christian-naumanen-wrote-003').evidence[0].quote = 'Text: Someone Else'));
    const err = await rejection(copy.dir);
    // a schema error stops the cross-file checks, so fix it and look again
    expect(err.problems).toHaveLength(1);
    await copy.edit(A001, (d) => (factIn(d, 'fact-handslag-has-point-1').validFrom = '2017-12-06'));
    const again = await rejection(copy.dir);
    expect(again.problems.map((p) => p.entry)).toEqual(expect.arrayContaining(['fact "fact-skr-party-to-handslag"', 'fact "fact-christian-naumanen-wrote-003"']));
  });
});
