import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, NAMESPACES, resources } from '../../../client/src/i18n';
import { KINDS, NODE_LABELS, RELATIONSHIP_TYPES } from '../../../server/seed/model';

type Tree = { [key: string]: string | Tree };

/** Every leaf key of a translation file as a dotted path ("details.capped.roles_one"). */
function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`)));
}

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

/** Keys one language has and the other lacks, both ways round. */
function keyDifference(a: Tree, b: Tree): { onlyInFirst: string[]; onlyInSecond: string[] } {
  const ka = new Set(leafKeys(a));
  const kb = new Set(leafKeys(b));
  return { onlyInFirst: [...ka].filter((k) => !kb.has(k)), onlyInSecond: [...kb].filter((k) => !ka.has(k)) };
}

/** The `{{name}}` placeholders a string uses, sorted. */
function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

const sv = resources.sv as unknown as Record<string, Tree>;
const en = resources.en as unknown as Record<string, Tree>;

describe('translation files', () => {
  it('notices a key that only one language has', () => {
    const diff = keyDifference({ a: 'x', b: { c: 'y', d_one: 'z' } }, { a: 'x', b: { c: 'y' } });
    expect(diff).toEqual({ onlyInFirst: ['b.d_one'], onlyInSecond: [] });
  });

  it.each(NAMESPACES.map((ns) => [ns]))('gives Swedish and English the same keys in namespace %s', (ns) => {
    expect(keyDifference(sv[ns]!, en[ns]!)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
  });

  it.each(NAMESPACES.map((ns) => [ns]))('uses the same placeholders in both languages and no empty text in namespace %s', (ns) => {
    const english = new Map(leaves(en[ns]!));
    for (const [key, text] of leaves(sv[ns]!)) {
      expect(text.trim(), `sv ${ns}:${key} is empty`).not.toBe('');
      const other = english.get(key);
      if (other === undefined) continue;
      expect(other.trim(), `en ${ns}:${key} is empty`).not.toBe('');
      // Plural forms may drop the count ("ett steg"), so only compare the other placeholders.
      const names = (s: string) => placeholders(s).filter((p) => p !== 'count');
      expect(names(other), `placeholders of ${ns}:${key}`).toEqual(names(text));
    }
  });
});

describe('kind and relationship words', () => {
  const kinds = (lng: 'sv' | 'en') => resources[lng].kinds as unknown as { kind: Record<string, string>; rel: Record<string, string>; subkind: Record<string, string> };

  it.each([['sv'], ['en']] as const)('names every node label, relationship type and sub-kind of the model in %s', (lng) => {
    const words = kinds(lng);
    expect(NODE_LABELS.filter((l) => !words.kind[l])).toEqual([]);
    expect(RELATIONSHIP_TYPES.filter((t) => !words.rel[t])).toEqual([]);
    expect(Object.values(KINDS).flat().filter((k) => !words.subkind[k])).toEqual([]);
  });

  it('reads relationship types as Swedish words, not database names', () => {
    const { rel } = kinds('sv');
    expect(rel.HOLDS).toBe('innehar');
    expect(rel.SUPPORTS).toBe('stöder');
    expect(rel.ABOUT).toBe('handlar om');
    expect(Object.values(rel).filter((w) => /[A-Z_]{3,}/.test(w))).toEqual([]);
  });
});

describe('formatting', () => {
  it('shows dates as ISO or long form whatever the browser locale', () => {
    expect(formatDate('2017-12-06T00:00:00Z', 'short', 'en')).toBe('2017-12-06');
    expect(formatDate('2017-12-06', 'long', 'sv')).toBe('6 december 2017');
    expect(formatDate('2017-12-06', 'long', 'en')).toBe('6 December 2017');
  });

  it('groups thousands the Swedish way in Swedish', () => {
    expect(formatNumber(12345, 'sv').replace(/\s/g, ' ')).toBe('12 345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });
});
