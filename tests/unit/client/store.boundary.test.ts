import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
    out.push((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

describe('the client/server boundary', () => {
  it('no file under client/src imports from server/ (shared code lives in contract/)', () => {
    const offenders: string[] = [];
    for (const file of files(join(root, 'client/src'), /\.(ts|tsx)$/)) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = relative(root, resolve(dirname(file), spec));
        if (target === 'server' || target.startsWith(`server${sep}`)) offenders.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('contract/ uses neither Node nor DOM APIs, so both sides can import it', () => {
    const offenders: string[] = [];
    for (const file of files(join(root, 'contract'), /\.ts$/)) {
      const source = readFileSync(file, 'utf8');
      for (const spec of specifiers(source)) if (spec.startsWith('node:') || /^(fs|path|os|crypto|http|url|stream|child_process)$/.test(spec)) offenders.push(`${relative(root, file)} → ${spec}`);
      // Globals are used through a member (`document.title`); the bare word is also the model's `document` property.
      if (/\b(?:window|document|localStorage|Buffer)\s*\.|\bprocess\.env\b/.test(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))) offenders.push(`${relative(root, file)} uses a runtime global`);
      for (const spec of specifiers(source)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(root, resolve(dirname(file), spec));
        if (!target.startsWith(`contract`)) offenders.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('finds an import of server code when there is one (the check itself works)', () => {
    expect(specifiers("import { x } from '../../server/schemas/evidence';\nconst y = await import('../a');")).toEqual(['../../server/schemas/evidence', '../a']);
  });
});
