/** The design tokens keep every text colour readable (WCAG ≥ 4.5:1) in the light and the dark theme. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const TOKENS = fileURLToPath(new URL('../../../client/src/styles/tokens.css', import.meta.url));
const css = readFileSync(TOKENS, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

function block(re: RegExp): Record<string, string> {
  const m = re.exec(css);
  if (!m) throw new Error(`tokens.css has no block matching ${re}`);
  return Object.fromEntries([...m[1]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map(([, k, v]) => [k!, v!.trim()]));
}
const light = block(/:root,\s*:root\[data-theme='light'\]\s*\{([^}]*)\}/);
const darkByOs = block(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root:not\(\[data-theme='light'\]\)\s*\{([^}]*)\}/);
const darkChosen = block(/\n:root\[data-theme='dark'\]\s*\{([^}]*)\}/);

type Rgba = [number, number, number, number];
function colour(s: string): Rgba {
  const hex = /^#([0-9a-f]{6})$/i.exec(s);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [n >> 16, (n >> 8) & 255, n & 255, 1];
  }
  const fn = /^rgba?\(([^)]+)\)$/.exec(s);
  if (fn) {
    const [r, g, b, a] = fn[1]!.split(',').map(Number);
    return [r!, g!, b!, a ?? 1];
  }
  throw new Error(`not a plain colour: ${s}`);
}
const over = (top: Rgba, base: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * top[3] + base[i]! * (1 - top[3])).concat(1) as Rgba;
const luminance = ([r, g, b]: Rgba) => {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: Rgba, b: Rgba) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const TEXT = 4.5;
const GRAPHIC = 3;
const surfaces = ['color-bg', 'color-surface', 'color-surface-2', 'color-surface-3', 'input-bg', 'button-bg', 'button-hover-bg'];
const PAIRS: [string, string, number][] = [
  ...surfaces.flatMap((bg): [string, string, number][] => [['color-text', bg, TEXT], ['color-text-muted', bg, TEXT]]),
  ...['color-bg', 'color-surface', 'color-surface-2', 'color-surface-3'].map((bg): [string, string, number] => ['color-accent', bg, TEXT]),
  ['color-accent-soft-text', 'color-accent-soft', TEXT], ['color-text', 'color-accent-soft', TEXT], ['color-text-muted', 'color-accent-soft', TEXT],
  ['color-accent-text', 'color-accent', TEXT], ['color-accent-text', 'color-accent-hover', TEXT],
  ['color-danger', 'color-surface', TEXT], ['color-danger', 'color-danger-soft', TEXT], ['color-ok', 'color-surface', TEXT], ['color-ok', 'color-ok-soft', TEXT],
  ['color-warn', 'color-warn-soft', TEXT], ['color-warn', 'color-surface', TEXT], ['color-mark-text', 'color-mark', TEXT], ['color-text', 'color-passage', TEXT],
  ['input-text', 'input-bg', TEXT], ['input-placeholder', 'input-bg', TEXT], ['input-disabled-text', 'input-disabled-bg', TEXT],
  ['button-text', 'button-bg', TEXT], ['button-text', 'button-hover-bg', TEXT], ['tooltip-text', 'tooltip-bg', TEXT],
  ...['keyword', 'label', 'variable', 'string', 'number', 'parameter', 'function', 'comment', 'property'].map((k): [string, string, number] => [`code-${k}`, 'input-bg', TEXT]),
  ['graph-label', 'graph-bg', TEXT], ['graph-edge-label', 'graph-bg', TEXT], ['graph-tooltip-fg', 'graph-tooltip-bg', TEXT],
  ['input-border', 'input-bg', GRAPHIC], ['color-focus', 'color-surface', GRAPHIC], ['color-focus', 'color-bg', GRAPHIC],
  ['graph-edge', 'graph-bg', GRAPHIC], ['graph-selected', 'graph-bg', GRAPHIC], ['graph-path', 'graph-bg', GRAPHIC],
  ['graph-diff-appeared', 'graph-bg', GRAPHIC], ['graph-diff-disappeared', 'graph-bg', GRAPHIC], ['graph-diff-renamed', 'graph-bg', GRAPHIC],
];

describe.each([
  ['light', light],
  ['dark', darkByOs],
])('the %s theme', (_name, vars) => {
  const get = (k: string) => colour(vars[`--${k}`] ?? '');
  const onSurface = (k: string) => over(get(k), get('color-surface'));
  it.each(PAIRS)('draws %s on %s with contrast ≥ %d:1', (fg, bg, min) => {
    const back = onSurface(bg);
    expect(contrast(over(get(fg), back), back)).toBeGreaterThanOrEqual(min);
  });
});

describe('the themes', () => {
  it('define the same tokens, so no colour falls back to the other theme', () => {
    expect(Object.keys(darkByOs).sort()).toEqual(Object.keys(light).sort());
  });
  it('give the dark theme the same values whether the OS or the page asks for it', () => {
    expect(darkChosen).toEqual(darkByOs);
  });
  it('define every graph colour the canvas reads', () => {
    for (const k of ['bg', 'label', 'label-outline', 'edge', 'edge-label', 'selected', 'path', 'muted', 'tooltip-bg', 'tooltip-fg']) {
      expect(light).toHaveProperty(`--graph-${k}`);
      expect(darkByOs).toHaveProperty(`--graph-${k}`);
    }
  });
});
