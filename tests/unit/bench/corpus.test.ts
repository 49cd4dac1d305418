import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus } from '../../../bench/corpus';

const temp = mkdtempSync(join(tmpdir(), 'explorer-corpus-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the bench corpus step', () => {
  it('generates a corpus into a corpora directory that does not exist yet, as on a fresh clone (issue 13)', async () => {
    const root = join(temp, 'fresh-clone', '.data', 'corpora');
    expect(existsSync(root)).toBe(false);
    const dir = await corpus(3, root);
    expect(dir).toBe(join(root, 'synthetic-3-s1'));
    expect(existsSync(join(dir, '.complete'))).toBe(true);
    expect(readdirSync(join(dir, 'articles')).length).toBe(3);
    // The lock is gone once the corpus is whole, and a second call reuses the cached corpus.
    expect(existsSync(`${dir}.generating`)).toBe(false);
    expect(await corpus(3, root)).toBe(dir);
  }, 60_000);
});
