#!/usr/bin/env node
// Compiles the server to plain JavaScript in dist-server/ (one ES module per entry point, npm packages left as
// imports), so production runs on plain Node with only the runtime dependencies installed.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// dist-server/ sits one level below the root, as scripts/ does: modules that find files relative to their own
// location (scripts/neo4j-jars.mjs, server/paths.ts) resolve the same from both.
const outdir = join(root, 'dist-server');

/** The programs a deployment runs: the server and the command-line tools that work on its database. */
export const ENTRY_POINTS = {
  main: 'server/main.ts',
  seed: 'server/seed/cli.ts',
  query: 'server/cli/query.ts',
  ingest: 'server/cli/ingest.ts',
  export: 'server/cli/export.ts',
  user: 'server/cli/user.ts',
};

/** Compiles the entry points into `out` (dist-server/ by default; keep it one level below the root). */
export async function buildServer(out = outdir) {
  rmSync(out, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServer();
  console.log(`Server compiled to ${outdir}`);
}
