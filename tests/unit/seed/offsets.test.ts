import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillOffsets } from '../../../server/seed/offsets';
import { copyCorpus, type CorpusCopy } from './corpus-copy';

describe('the offsets tool for curators', { timeout: 30_000 }, () => {
  let copy: CorpusCopy;

  beforeEach(async () => {
    copy = await copyCorpus();
  });
  afterEach(async () => {
    await copy.remove();
  });

  it('restores every start and end byte for byte after they were deleted, keeping comments and layout', async () => {
    // given data files stripped of all offsets
    const dataDir = join(copy.dir, 'data');
    const files = (await readdir(dataDir)).filter((f) => f !== 'entities.yaml');
    const originals = new Map<string, string>();
    for (const f of files) {
      const text = await readFile(join(dataDir, f), 'utf8');
      originals.set(f, text);
      await writeFile(join(dataDir, f), text.replace(/^\s+(start|end): \d+\n/gm, ''));
    }
    // when the tool runs
    const reports = await fillOffsets(copy.dir);
    // then the files are exactly as curated
    expect(reports.flatMap((r) => r.unresolved)).toEqual([]);
    for (const f of files) expect(await readFile(join(dataDir, f), 'utf8'), f).toBe(originals.get(f));
  });

  it('corrects offsets that point at the wrong place', async () => {
    const file = join(copy.dir, 'data', '003_a32396b384e801f0.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/(quote: "Text: Christian Naumanen"\n\s+start: )\d+/, (_, head: string) => `${head}7`));
    await fillOffsets(copy.dir);
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('refuses to guess where a quote that occurs twice belongs', async () => {
    const file = join(copy.dir, 'data', '003_a32396b384e801f0.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/quote: "Text: Christian Naumanen"\n\s+start: \d+\n\s+end: \d+/, 'quote: "KommITS"'));
    const reports = await fillOffsets(copy.dir);
    expect(reports.find((r) => r.file.startsWith('003'))?.unresolved).toEqual([expect.stringContaining('fact fact-christian-naumanen-wrote-003 evidence[0]: quote occurs')]);
  });
});
