import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root (where package.json is), found by walking up from this module. The server runs both from
 * its sources (`server/…`, through tsx in development) and bundled (`dist-server/main.js`), at different
 * depths, so files it ships with (cypher/, dist/) are located from here rather than by a fixed `../..`.
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'cypher'))) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the project root (package.json and cypher/) above ${start}`);
  }
}

export const APP_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project. */
export const fromRoot = (...parts: string[]): string => join(APP_ROOT, ...parts);
