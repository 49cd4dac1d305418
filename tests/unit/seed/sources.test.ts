import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../server/seed/schema';
import { readSources, SeedValidationError, validateSources, type SeedSources } from '../../../server/seed/validate';
import { SEED_DIR } from './corpus-copy';

/** A deep copy of the sources with one article's metadata changed. */
function withArticle(sources: SeedSources, id: string, change: (meta: Record<string, unknown>) => void): SeedSources {
  const copy = structuredClone(sources);
  const file = copy.articleFiles.find((f) => f.data.article.id === id)!;
  change(file.data.article as unknown as Record<string, unknown>);
  return copy;
}

function problemsOf(sources: SeedSources): string[] {
  try {
    validateSources(sources);
  } catch (err) {
    if (err instanceof SeedValidationError) return err.problems.map((p) => `${p.file}: ${p.entry}: ${p.message}`);
    throw err;
  }
  return [];
}

describe('validating sources held in memory (the accept path) as the seed loader does', () => {
  let seed: SeedSources;
  beforeAll(async () => {
    seed = await readSources(SEED_DIR);
  });

  it('accepts the seed as read from disk, with nothing read again', () => {
    expect(validateSources(seed).articles).toHaveLength(5);
  });

  it('checks the schema again, since sources built in code never went through YAML', () => {
    const broken = withArticle(seed, 'article-001', (m) => {
      m['url'] = 'javascript:alert(1)';
      m['reviewedAt'] = 'yesterday';
    });
    const problems = problemsOf(broken);
    expect(problems.some((p) => /article "article-001": url: expected an http or https URL/.test(p))).toBe(true);
    expect(problems.some((p) => /reviewedAt: expected an ISO date-time/.test(p))).toBe(true);
  });

  it('holds the offsets of an in-memory article to its text', () => {
    const broken = withArticle(seed, 'article-001', (m) => {
      const ev = m['publishedEvidence'] as NonNullable<ArticleMeta['publishedEvidence']>;
      ev.start += 1;
      ev.end += 1;
    });
    expect(problemsOf(broken).join('\n')).toMatch(/article "article-001": publishedEvidence: offsets \[1, 28\) do not hold the quote/);
  });

  it('accepts a reviewed article without printed date evidence only when publishedNote says where the date comes from', () => {
    const reviewed = withArticle(seed, 'article-001', (m) => {
      delete m['publishedEvidence'];
      m['url'] = 'https://example.org/a';
      m['reviewedAt'] = '2026-12-01T10:15:00Z';
      m['reviewedBy'] = 'analytiker';
    });
    expect(problemsOf(reviewed).join('\n')).toMatch(/publishedNote: no publishedEvidence: say where the date comes from/);
    reviewed.articleFiles.find((f) => f.data.article.id === 'article-001')!.data.article.publishedNote = 'date given by the reviewer';
    expect(problemsOf(reviewed)).toEqual([]);
  });
});
