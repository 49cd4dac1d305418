import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

/** The seed directory of the repository. */
export const SEED_DIR = fileURLToPath(new URL('../../../seed', import.meta.url));

/** A throw-away copy of the seed corpus that a test may break in one place. */
export interface CorpusCopy {
  dir: string;
  /** Rewrites one data file (e.g. `001_6a08060631717b97.yaml`) through a function of its parsed content. */
  edit(file: string, change: (data: any) => void): Promise<void>;
  /** Rewrites one data file as text, for changes that must keep its layout. */
  editText(file: string, change: (text: string) => string): Promise<void>;
  remove(): Promise<void>;
}

export async function copyCorpus(): Promise<CorpusCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'seed-copy-'));
  await cp(SEED_DIR, dir, { recursive: true });
  return {
    dir,
    async edit(file, change) {
      const path = join(dir, 'data', file);
      const data: unknown = parse(await readFile(path, 'utf8'));
      change(data);
      await writeFile(path, stringify(data, { lineWidth: 0 }));
    },
    async editText(file, change) {
      const path = join(dir, 'data', file);
      await writeFile(path, change(await readFile(path, 'utf8')));
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The fact with `id` in a parsed article data file. */
export function factIn(data: { facts: { id: string }[] }, id: string): any {
  const fact = data.facts.find((f) => f.id === id);
  if (!fact) throw new Error(`test setup: no fact ${id}`);
  return fact;
}
