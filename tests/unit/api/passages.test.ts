import { describe, expect, it } from 'vitest';
import { findMatches, findPassages, queryStem } from '../../../server/services/passages';

const TEXT = [
  'Handslag för fördjupad digital samverkan',
  '',
  'Med ett handslag enades SKL och regeringen om en djupare samverkan. Det var i december.',
  'Handslaget mellan civilminister Ardalan Shekarabi och SKL:s ordförande Lena Micko, innebär bland annat att de kommer att verka för att nå överenskommelser om mål, aktiviteter och prioriteringar för arbetet med den nationella digitala infrastrukturen.',
].join('\n');

describe('article search passages', () => {
  it('stems a query word by one common Swedish ending, keeping at least four letters', () => {
    expect(queryStem('handslaget')).toBe('handslag');
    expect(queryStem('Myndigheter')).toBe('myndighet');
    expect(queryStem('SKL')).toBe('skl');
  });

  it('finds inflected forms regardless of case and accents, at their offsets', () => {
    const matches = findMatches(TEXT, 'handslaget');
    expect(matches.map((m) => TEXT.slice(m.start, m.end))).toEqual(['Handslag', 'handslag', 'Handslaget']);
  });

  it('returns the sentence around each hit, with offsets into the text', () => {
    const passages = findPassages(TEXT, 'handslag');
    expect(passages.map((p) => p.text)).toEqual([
      'Handslag för fördjupad digital samverkan',
      'Med ett handslag enades SKL och regeringen om en djupare samverkan.',
      expect.stringMatching(/^Handslaget mellan civilminister/),
    ]);
    for (const p of passages) expect(TEXT.slice(p.start, p.end)).toBe(p.text);
  });

  it('clips a long sentence to about the window, without cutting words, keeping the hit', () => {
    const [p] = findPassages(TEXT, 'prioriteringar', 3, 80);
    expect(p!.end - p!.start).toBeLessThanOrEqual(80);
    expect(p!.text).toContain('prioriteringar');
    expect(TEXT[p!.start - 1]).toMatch(/[\s,]/);
  });

  it('merges hits in one sentence into one passage and stops at the limit', () => {
    const passages = findPassages(TEXT, 'SKL samverkan', 2);
    expect(passages).toHaveLength(2);
    expect(passages[1]!.matches.length).toBe(2);
  });

  it('finds nothing for words the text does not hold', () => {
    expect(findPassages(TEXT, 'bredband')).toEqual([]);
  });
});
