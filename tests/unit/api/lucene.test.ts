import { describe, expect, it } from 'vitest';
import { buildArticleQuery, buildEntityQuery, escapeLucene, foldAccents, tokenize } from '../../../server/services/lucene';

describe('Lucene query building for search', () => {
  it('escapes every Lucene operator character so user text is matched literally', () => {
    expect(escapeLucene('a+b-c!d(e)f{g}h[i]j^k"l~m*n?o:p\\q/r&s|t')).toBe('a\\+b\\-c\\!d\\(e\\)f\\{g\\}h\\[i\\]j\\^k\\"l\\~m\\*n\\?o\\:p\\\\q\\/r\\&s\\|t');
    expect(escapeLucene('SKL:s')).toBe('SKL\\:s');
  });

  it('folds accents and case like the standard-folding analyzer', () => {
    expect(foldAccents('Lantmäteriet')).toBe('lantmateriet');
    expect(foldAccents('FÖRVALTNING Å é')).toBe('forvaltning a e');
  });

  it('splits text into words, dropping punctuation and operators', () => {
    expect(tokenize('SKL:s "ordförande" AND (Lena)')).toEqual(['SKL', 's', 'ordförande', 'AND', 'Lena']);
    expect(tokenize('*** ~ ()')).toEqual([]);
  });

  it('matches each word exactly (boosted), as a prefix, and fuzzily when long, all words required', () => {
    expect(buildEntityQuery('digg')).toBe('(digg^3 OR digg*)');
    expect(buildEntityQuery('Myndigheten för dig')).toBe('(myndigheten^3 OR myndigheten* OR myndigheten~1) AND (for^3 OR for*) AND (dig^3 OR dig*)');
    expect(buildEntityQuery('lantmäteriet', 'OR')).toBe('(lantmateriet^3 OR lantmateriet* OR lantmateriet~1)');
  });

  it('turns user-typed operators into plain words instead of passing them through', () => {
    expect(buildEntityQuery('skr OR *:*')).toBe('(skr^3 OR skr*) AND (or^3 OR or*)');
    expect(buildEntityQuery('" ) ( ')).toBeNull();
  });

  it('keeps accents for the Swedish article index and ORs the words', () => {
    expect(buildArticleQuery('Handslag öppna')).toBe('(handslag^2 OR handslag*) OR (öppna^2 OR öppna*)');
    expect(buildArticleQuery('?')).toBeNull();
  });
});
