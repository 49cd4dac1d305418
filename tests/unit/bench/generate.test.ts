import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/generate';
import { readCorpus } from '../../../server/seed/validate';

const dirs: string[] = [];
function generate(articles: number, seed: number): string {
  const out = mkdtempSync(join(tmpdir(), 'explorer-gen-'));
  dirs.push(out);
  generateCorpus({ articles, seed, out, entitiesPerFile: 200 });
  return out;
}

function digest(dir: string): string {
  const hash = createHash('sha256');
  for (const sub of ['articles', 'data']) {
    for (const f of readdirSync(join(dir, sub)).sort()) hash.update(f).update(readFileSync(join(dir, sub, f)));
  }
  return hash.digest('hex');
}

afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the synthetic corpus generator', () => {
  it('writes the same bytes for the same seed and different ones for another seed', () => {
    expect(digest(generate(25, 7))).toBe(digest(generate(25, 7)));
    expect(digest(generate(25, 8))).not.toBe(digest(generate(25, 7)));
  });

  it('writes a corpus that passes every rule of the seed validator, in entity files of bounded size', { timeout: 60_000 }, async () => {
    const dir = generate(120, 3);
    const entityFiles = readdirSync(join(dir, 'data')).filter((f) => f.startsWith('entities-'));
    expect(entityFiles.length).toBeGreaterThan(1);

    const corpus = await readCorpus(dir);

    expect(corpus.articles).toHaveLength(120);
    expect(corpus.facts.every((f) => f.evidence.length >= 1)).toBe(true);
  });

  it('is shaped like the real corpus: hub actors, a long tail, people changing roles, facts stated by several articles', { timeout: 60_000 }, async () => {
    const corpus = await readCorpus(generate(300, 5));

    const articlesPerActor = new Map<string, number>();
    for (const a of corpus.articles) {
      for (const m of a.mentions) if (m.entity.startsWith('actor-')) articlesPerActor.set(m.entity, (articlesPerActor.get(m.entity) ?? 0) + 1);
    }
    const counts = [...articlesPerActor.values()].sort((x, y) => y - x);
    // A hub in a quarter of the articles, while nearly half the actors appear in at most two.
    expect(counts[0]).toBeGreaterThan(corpus.articles.length * 0.25);
    expect(counts.filter((c) => c <= 2).length).toBeGreaterThan(counts.length * 0.4);

    const rolesPerPerson = new Map<string, Set<string>>();
    for (const f of corpus.facts.filter((f) => f.type === 'HOLDS')) {
      if (!rolesPerPerson.has(f.from)) rolesPerPerson.set(f.from, new Set());
      rolesPerPerson.get(f.from)!.add(f.to);
    }
    expect([...rolesPerPerson.values()].some((roles) => roles.size > 1)).toBe(true);
    expect(corpus.facts.some((f) => f.type === 'HOLDS' && f.validTo !== undefined)).toBe(true);
    expect(corpus.facts.some((f) => new Set(f.evidence.map((e) => e.article)).size > 1)).toBe(true);
    expect(corpus.facts.some((f) => f.type === 'NAMED')).toBe(true);
  });
});
