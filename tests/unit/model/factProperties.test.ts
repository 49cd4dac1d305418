import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FACT_TYPES, factPropertiesSchema, validateFactProperties, type FactType } from '../../../contract/model';
import { readCorpus, SeedValidationError } from '../../../server/seed/validate';
import { copyCorpus, factIn, SEED_DIR, type CorpusCopy } from '../seed/corpus-copy';

const A000 = '000_86db7d93b8a02246.yaml';
const A001 = '001_6a08060631717b97.yaml';
const A004 = '004_83f8f03f60adec00.yaml';

describe('validateFactProperties: a fact’s own properties against its type', () => {
  it('accepts the properties every curated fact carries', async () => {
    const files = (await readdir(join(SEED_DIR, 'data'))).filter((f) => f.endsWith('.yaml') && !f.startsWith('entities'));
    const problems: string[] = [];
    let checked = 0;
    for (const f of files) {
      const data = parse(await readFile(join(SEED_DIR, 'data', f), 'utf8')) as { facts: { id: string; type: string; properties?: unknown }[] };
      for (const fact of data.facts) {
        checked += 1;
        problems.push(...validateFactProperties(fact.type, fact.properties ?? {}).map((p) => `${fact.id}: ${p}`));
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('accepts a fact without properties, and every property a type allows', () => {
    expect(validateFactProperties('AT', {})).toEqual([]);
    expect(validateFactProperties('AT', undefined)).toEqual([]);
    expect(
      validateFactProperties('REQUESTS', { saidBy: 'person-lena-micko', detail: 'möjlighet till dubbelriktad kommunikation', timeframe: 'på sikt', degree: 'i huvudsak' }),
    ).toEqual([]);
    expect(validateFactProperties('FINDS', { findings: ['a', 'b'], mainFinding: true })).toEqual([]);
    expect(validateFactProperties('PRIORITISES', { year: 2018 })).toEqual([]);
  });

  it('refuses the old ad-hoc keys, naming the properties the type allows', () => {
    expect(validateFactProperties('PREPARES', { task: 'ta fram former' })).toEqual(['properties.task: "task" is not a property the model knows; PREPARES allows tasks (contract/model.ts)']);
    const as = validateFactProperties('SERVES', { as: 'gemensam resurs' });
    expect(as).toHaveLength(1);
    expect(as[0]).toMatch(/^properties\.as: .*SERVES allows capacity, targetCapacity, how/);
    for (const [type, key] of [
      ['ABOUT', 'expectedEffect'],
      ['REQUESTS', 'when'],
      ['RESPONSIBLE_FOR', 'evolving'],
      ['FINDS', 'clearestResult'],
    ] as const) {
      expect(validateFactProperties(type, { [key]: 'x' })).toEqual([expect.stringMatching(new RegExp(`^properties\\.${key}: "${key}" is not a property the model knows`))]);
    }
  });

  it('refuses a property of the model on a type that does not allow it', () => {
    expect(validateFactProperties('HOLDS', { findings: ['x'] })).toEqual(['properties.findings: "findings" is not a property of HOLDS; HOLDS allows status (contract/model.ts)']);
    expect(validateFactProperties('AT', { detail: 'x' })).toEqual(['properties.detail: "detail" is not a property of AT; AT carries no properties of its own (contract/model.ts)']);
  });

  it('refuses a value of the wrong type, saying what was expected', () => {
    expect(validateFactProperties('RESPONSIBLE_FOR', { tasks: 'en uppgift' })).toEqual(['properties.tasks: expected a list of texts']);
    expect(validateFactProperties('RESPONSIBLE_FOR', { tasks: [] })).toEqual(['properties.tasks: expected at least one text']);
    expect(validateFactProperties('PRIORITISES', { year: '2018' })).toEqual(['properties.year: expected a whole year, e.g. 2018']);
    expect(validateFactProperties('FINDS', { mainFinding: 'ja' })).toEqual(['properties.mainFinding: expected true or false']);
    expect(validateFactProperties('REQUESTS', { detail: '' })).toEqual(['properties.detail: expected a non-empty text']);
    expect(validateFactProperties('COLLABORATES_WITH', { status: 'kanske' })[0]).toMatch(/^properties\.status: expected planerad, möjlig, utsedd/);
    expect(validateFactProperties('COLLABORATES_WITH', { status: 'planerad (handslaget, punkt 4)' })).toEqual([]);
  });

  it('refuses an id of the wrong kind in a reference property', () => {
    expect(validateFactProperties('SUPPORTS', { saidBy: 'actor-skr' })).toEqual(['properties.saidBy: expected a Person id: kebab-case, starting with "person-"']);
    expect(validateFactProperties('PARTY_TO', { onBehalfOf: 'Regeringen' })).toEqual(['properties.onBehalfOf: expected an Actor id: kebab-case, starting with "actor-"']);
  });

  it('accepts a proposal’s new-entity key in a reference property when asked to leave ids to the caller', () => {
    expect(validateFactProperties('SUPPORTS', { saidBy: 'new-3' }, { checkIdForm: false })).toEqual([]);
    expect(validateFactProperties('SUPPORTS', { saidBy: 42 }, { checkIdForm: false })).toEqual(['properties.saidBy: expected a Person id']);
    expect(validateFactProperties('SUPPORTS', { saidBy: 'new-3' })).toHaveLength(1);
  });

  it('refuses the names the loader sets itself, and names that are not camelCase', () => {
    expect(validateFactProperties('HOLDS', { validFrom: '2018' })).toEqual(['properties.validFrom: "validFrom" belongs at the top level of the fact, not among its properties']);
    expect(validateFactProperties('HOLDS', { evidenceCount: 2 })).toEqual(['properties.evidenceCount: "evidenceCount" is computed by the loader; leave it out']);
    expect(validateFactProperties('HOLDS', { 'said-by': 'x' })).toEqual(['properties.said-by: "said-by" is not a camelCase property name']);
  });

  it('refuses an unknown fact type and properties that are not a mapping', () => {
    expect(validateFactProperties('LIKES', {})).toEqual([expect.stringMatching(/^properties: unknown fact type "LIKES"; the model has HOLDS, AT, /)]);
    expect(validateFactProperties('HOLDS', ['status'])).toEqual(['properties: properties must be a mapping of property names to values']);
  });

  it('gives every fact type a strict zod schema of its allowed properties', () => {
    for (const type of Object.keys(FACT_TYPES) as FactType[]) {
      const schema = factPropertiesSchema(type);
      expect(Object.keys(schema.shape).sort()).toEqual([...FACT_TYPES[type].properties].sort());
      expect(schema.safeParse({ notAProperty: 'x' }).success).toBe(false);
      expect(schema.safeParse({}).success).toBe(true);
    }
  });
});

// Each test copies and validates the whole corpus; allow for a busy machine.
describe('the seed validator holds fact properties to the model', { timeout: 30_000 }, () => {
  let copy: CorpusCopy;

  beforeEach(async () => {
    copy = await copyCorpus();
  });
  afterEach(async () => {
    await copy.remove();
  });

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

  it('rejects an old key in a data file, naming file, fact, property and what the type allows', async () => {
    await copy.edit(A004, (d) => {
      const f = factIn(d, 'fact-digg-serves-kommuner');
      f.properties = { as: f.properties.capacity };
    });
    const err = await rejection(copy.dir);
    expect(err.problems).toEqual([
      {
        file: expect.stringContaining(A004),
        entry: 'fact "fact-digg-serves-kommuner"',
        message: 'properties.as: "as" is not a property the model knows; SERVES allows capacity, targetCapacity, how (contract/model.ts)',
      },
    ]);
  });

  it('rejects a single task written as text where the model wants a list', async () => {
    await copy.edit(A004, (d) => {
      const f = factIn(d, 'fact-digg-responsible-for-e-legitimation');
      f.properties.tasks = f.properties.tasks[0];
    });
    const err = await rejection(copy.dir);
    expect(err.message).toContain(`${A004}: fact "fact-digg-responsible-for-e-legitimation": properties.tasks: expected a list of texts`);
  });

  it('rejects saidBy naming a person the corpus does not have', async () => {
    await copy.edit(A000, (d) => (factIn(d, 'fact-skr-criticises-mina-meddelanden').properties.saidBy = 'person-nobody'));
    const err = await rejection(copy.dir);
    expect(err.message).toContain(`${A000}: fact "fact-skr-criticises-mina-meddelanden": dangling reference: properties.saidBy "person-nobody" is not a Person id of the corpus`);
  });

  it('rejects onBehalfOf naming a node of another label', async () => {
    await copy.edit(A001, (d) => (factIn(d, 'fact-lena-micko-party-to-handslag').properties.onBehalfOf = 'place-sverige'));
    const err = await rejection(copy.dir);
    expect(err.message).toMatch(/properties\.onBehalfOf: expected an Actor id: kebab-case, starting with "actor-"/);
  });
});
