/** WCAG 2 contrast of text against the background it is drawn on, from CSS colour strings. */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0..1 */
  a: number;
}

/**
 * Parses the colours `getComputedStyle` returns: `rgb(…)`/`rgba(…)` (comma or space syntax, optional `/ alpha`),
 * `#rgb`/`#rrggbb`, `transparent`. Anything else (e.g. `color(srgb …)`, `oklch(…)`) is parsed where it is sRGB.
 */
export function parseColor(css: string): Rgba {
  const s = css.trim().toLowerCase();
  if (s === 'transparent' || s === '') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3,8})$/.exec(s);
  if (hex) {
    let h = hex[1]!;
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
  }
  const fn = /^(rgba?|color)\((.*)\)$/.exec(s);
  if (fn) {
    let body = fn[2]!.trim();
    let scale = 1;
    if (fn[1] === 'color') {
      if (!body.startsWith('srgb ')) throw new Error(`Cannot judge contrast of a colour outside sRGB: ${css}`);
      body = body.slice(5);
      scale = 255;
    }
    const [rgbPart, alphaPart] = body.split('/').map((p) => p.trim());
    const parts = rgbPart!.split(/[\s,]+/).filter(Boolean);
    const num = (p: string, max: number) => (p.endsWith('%') ? (parseFloat(p) / 100) * max : parseFloat(p) * (max === 255 ? scale : 1));
    const alpha = alphaPart ?? parts[3];
    return { r: num(parts[0]!, 255), g: num(parts[1]!, 255), b: num(parts[2]!, 255), a: alpha === undefined ? 1 : num(alpha, 1) };
  }
  throw new Error(`Cannot parse the colour "${css}"`);
}

/** `top` drawn over an opaque `bottom` (source-over compositing). */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/**
 * The colour a reader sees behind an element: its own and its ancestors' backgrounds, innermost first,
 * composited over `canvas` (the page's background, white when nothing is painted).
 */
export function effectiveBackground(layers: readonly string[], canvas = 'rgb(255, 255, 255)'): Rgba {
  let out = parseColor(canvas);
  if (out.a < 1) out = composite(out, { r: 255, g: 255, b: 255, a: 1 });
  for (const layer of [...layers].reverse()) out = composite(parseColor(layer), out);
  return out;
}

/** WCAG 2 relative luminance of an opaque sRGB colour. */
export function relativeLuminance(c: Rgba): number {
  const ch = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
}

/** WCAG 2 contrast ratio (1..21) of text colour `fg` (alpha composited over `bg`) on the opaque `bg`. */
export function contrastRatio(fg: Rgba, bg: Rgba): number {
  const text = fg.a < 1 ? composite(fg, bg) : fg;
  const l1 = relativeLuminance(text);
  const l2 = relativeLuminance(bg);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}
