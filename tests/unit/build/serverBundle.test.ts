import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without types
import { buildServer, ENTRY_POINTS } from '../../../scripts/build-server.mjs';
import { ROOT } from '../../support/app';

const out = join(ROOT, '.tmp-bundle-test');
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The package a bare import specifier names: `pino-http/x` → `pino-http`, `@a/b/c` → `@a/b`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('the compiled server (npm start, npm ci --omit=dev)', () => {
  it('imports nothing at run time but Node built-ins and the runtime dependencies', async () => {
    await buildServer(out);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const files = readdirSync(out).filter((f) => f.endsWith('.js'));
    expect(files).toEqual(expect.arrayContaining(Object.keys(ENTRY_POINTS as Record<string, string>).map((name) => `${name}.js`)));

    const imported = new Set<string>();
    for (const f of files) {
      const code = readFileSync(join(out, f), 'utf8');
      for (const m of code.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"'.][^"']*)["']|import\(\s*["']([^"'.][^"']*)["']\s*\)/gm)) {
        imported.add(m[1] ?? m[2]!);
      }
    }
    const builtins = new Set(builtinModules);
    const foreign = [...imported].filter((s) => !s.startsWith('node:') && !builtins.has(s)).map(packageOf);
    expect(foreign.length).toBeGreaterThan(0);
    expect([...new Set(foreign)].filter((p) => !(p in pkg.dependencies))).toEqual([]);
  });
});
