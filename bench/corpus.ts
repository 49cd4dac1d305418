/** The cached synthetic corpora the benchmarks load, generated on demand into `.data/corpora/` (or `root`). */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './lib/util';

const ROOT = new URL('..', import.meta.url).pathname;
export const CORPORA_DIR = join(ROOT, '.data', 'corpora');

/**
 * The corpus of `articles` articles (seed 1) under `root`; generated in a child process when absent or
 * incomplete. `root` is created first: on a fresh clone `.data/corpora/` does not exist yet, and the lock
 * file beside the corpus could not be written (issue 13).
 */
export async function corpus(articles: number, root: string = CORPORA_DIR): Promise<string> {
  mkdirSync(root, { recursive: true });
  const dir = join(root, `synthetic-${articles}-s1`);
  const marker = join(dir, '.complete');
  // Another run (or `npm run gen` started by hand with this lock) is writing it: wait for it, bounded.
  const lock = `${dir}.generating`;
  for (let waited = 0; existsSync(lock) && !existsSync(marker) && waited < 2 * 3600; waited += 10) {
    if (waited % 300 === 0) log(`Waiting for the corpus of ${articles} articles being generated elsewhere (${lock}) …`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
  if (existsSync(marker)) return dir;
  log(`Generating ${articles} articles into ${dir} …`);
  writeFileSync(lock, String(process.pid));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/generate.ts', '--articles', String(articles), '--seed', '1', '--out', dir], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`Generating the corpus of ${articles} articles failed (exit ${code}).`);
    writeFileSync(marker, new Date().toISOString() + '\n');
  } finally {
    rmSync(lock, { force: true });
  }
  return dir;
}
