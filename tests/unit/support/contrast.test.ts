import { describe, expect, it } from 'vitest';
import { composite, contrastRatio, effectiveBackground, parseColor, relativeLuminance } from '../../support/contrast';

describe('parseColor', () => {
  it('reads the forms getComputedStyle returns', () => {
    expect(parseColor('rgb(255, 0, 10)')).toEqual({ r: 255, g: 0, b: 10, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0.5)')).toEqual({ r: 0, g: 0, b: 0, a: 0.5 });
    expect(parseColor('rgb(10 20 30 / 0.25)')).toEqual({ r: 10, g: 20, b: 30, a: 0.25 });
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('#11223380')).toMatchObject({ r: 0x11, g: 0x22, b: 0x33 });
    expect(parseColor('transparent').a).toBe(0);
    expect(parseColor('color(srgb 1 0.5 0)')).toEqual({ r: 255, g: 127.5, b: 0, a: 1 });
  });

  it('refuses a colour it cannot judge rather than guessing', () => {
    expect(() => parseColor('oklch(0.5 0.1 200)')).toThrow(/Cannot parse/);
  });
});

describe('WCAG contrast', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio(parseColor('#000'), parseColor('#fff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColor('#777'), parseColor('#777'))).toBeCloseTo(1, 5);
  });

  it('matches published figures: #767676 on white is 4.54:1, #777 on white 4.48:1', () => {
    expect(contrastRatio(parseColor('#767676'), parseColor('#fff'))).toBeCloseTo(4.54, 2);
    expect(contrastRatio(parseColor('#777777'), parseColor('#fff'))).toBeCloseTo(4.48, 2);
  });

  it('uses the WCAG luminance of sRGB', () => {
    expect(relativeLuminance(parseColor('#fff'))).toBeCloseTo(1, 6);
    expect(relativeLuminance(parseColor('#808080'))).toBeCloseTo(0.2159, 4);
  });

  it('judges white typed on a white field as unreadable (the bug in issue 11)', () => {
    const bg = effectiveBackground(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)']);
    expect(contrastRatio(parseColor('rgb(255, 255, 255)'), bg)).toBeCloseTo(1, 5);
  });

  it('composites translucent backgrounds over the first opaque ancestor, innermost on top', () => {
    const bg = effectiveBackground(['rgba(0, 0, 0, 0.5)', 'rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)']);
    expect(bg).toMatchObject({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
    // Nothing painted at all: the page is white.
    expect(effectiveBackground(['rgba(0, 0, 0, 0)'])).toMatchObject({ r: 255, g: 255, b: 255, a: 1 });
  });

  it('blends translucent text into its background before measuring', () => {
    const half = composite(parseColor('rgba(0, 0, 0, 0.5)'), parseColor('#fff'));
    expect(contrastRatio(parseColor('rgba(0, 0, 0, 0.5)'), parseColor('#fff'))).toBeCloseTo(contrastRatio(half, parseColor('#fff')), 6);
  });
});
