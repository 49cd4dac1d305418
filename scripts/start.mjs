#!/usr/bin/env node
// `npm start`: builds the client and the server once when the build tools are installed, then runs the
// compiled server on plain Node. After `npm ci --omit=dev` (no build tools) it runs what was built before.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'dist-server', 'main.js');
const client = join(root, 'dist', 'index.html');
const canBuild = existsSync(join(root, 'node_modules', 'vite')) && existsSync(join(root, 'node_modules', 'esbuild'));

if (canBuild && process.env.START_SKIP_BUILD !== '1') {
  const vite = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
  const { buildServer } = await import('./build-server.mjs');
  await buildServer();
} else if (!existsSync(server) || !existsSync(client)) {
  console.error(
    'The explorer is not built and the build tools are not installed (npm ci --omit=dev).\n' +
      'Build it where the dev dependencies are installed: npm ci && npm run build, then npm prune --omit=dev.',
  );
  process.exit(1);
}

process.setSourceMapsEnabled(true);
await import(pathToFileURL(server).href);
