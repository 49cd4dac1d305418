import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureBundle, staticImports } from '../../../bench/page';

const temp = mkdtempSync(join(tmpdir(), 'explorer-bundle-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('staticImports', () => {
  it('finds the static imports of a minified chunk and leaves out import()', () => {
    const code = 'import{a as b,c}from"./vendor-1.js";import"./side-2.js";export{x}from"./re-3.js";const l=()=>import("./lazy-4.js");__vitePreload(()=>import(\'./lazy-5.js\'),[]);import * as ns from "./ns-6.js"';
    expect(staticImports(code).sort()).toEqual(['./ns-6.js', './re-3.js', './side-2.js', './vendor-1.js']);
  });

  it('ignores bare package specifiers, which a built chunk does not fetch', () => {
    expect(staticImports('import x from"react";')).toEqual([]);
  });
});

describe('measureBundle', () => {
  it('counts the entry of index.html, its preloads and their static imports as the main bundle, and lists the rest as lazy', () => {
    const dist = join(temp, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-a.js"></script><link rel="modulepreload" crossorigin href="/assets/react-b.js"><link rel="stylesheet" href="/assets/index-c.css"></head><body></body></html>',
    );
    writeFileSync(join(dist, 'assets', 'index-a.js'), 'import{r}from"./react-b.js";import"./shared-d.js";const e=()=>import("./editor-e.js");' + 'x'.repeat(1000));
    writeFileSync(join(dist, 'assets', 'react-b.js'), 'export const r=1;');
    writeFileSync(join(dist, 'assets', 'shared-d.js'), 'import"./react-b.js";');
    writeFileSync(join(dist, 'assets', 'editor-e.js'), 'import"./shared-d.js";' + 'y'.repeat(5000));
    writeFileSync(join(dist, 'assets', 'index-c.css'), 'body{}');
    const b = measureBundle(dist);
    expect(b.entries).toEqual(['assets/index-a.js']);
    expect(b.main.map((c) => c.file).sort()).toEqual(['assets/index-a.js', 'assets/react-b.js', 'assets/shared-d.js']);
    expect(b.mainGzip).toBe(b.main.reduce((a, c) => a + c.gzip, 0));
    expect(b.mainGzip).toBeLessThan(b.main.reduce((a, c) => a + c.bytes, 0));
    expect(b.lazy.map((c) => c.file)).toEqual(['assets/editor-e.js']);
    expect(b.css.map((c) => c.file)).toEqual(['assets/index-c.css']);
  });

  it('says to build first when there is no dist/index.html', () => {
    expect(() => measureBundle(join(temp, 'nothing'))).toThrow(/npm run build/);
  });
});
