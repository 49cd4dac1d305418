import { describe, expect, it } from 'vitest';
import { resources } from '../../../client/src/i18n';
import { KNOWN_KINDS } from '../../../client/src/graph/kinds';
import {
  ENTITY_PROPERTIES,
  FACT_COMMON_PROPERTIES,
  FACT_PROPERTY_NAMES,
  FACT_TYPE_NAMES,
  KINDS,
  LABEL_PROPERTIES,
  MENTION_PROPERTIES,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
} from '../../../contract/model';

type Words = Record<string, string>;
const LANGUAGES = ['sv', 'en'] as const;

const kindWords = (lng: (typeof LANGUAGES)[number]) => resources[lng].kinds as unknown as { kind: Words; rel: Words; subkind: Words };
const propertyWords = (lng: (typeof LANGUAGES)[number]) => (resources[lng].components as unknown as { properties: { names: Words } }).properties.names;

/** Every property name the model gives a node or a relationship. */
const MODEL_PROPERTIES = new Set<string>([
  ...Object.keys(ENTITY_PROPERTIES),
  ...Object.values(LABEL_PROPERTIES).flatMap((p) => Object.keys(p)),
  ...Object.keys(FACT_COMMON_PROPERTIES),
  ...FACT_PROPERTY_NAMES,
  ...Object.keys(MENTION_PROPERTIES),
]);

/** Keys of `words` with no text. */
const missing = (names: readonly string[], words: Words) => names.filter((n) => !words[n]?.trim());

describe('the client’s words for the model', () => {
  it.each(LANGUAGES)('names every label, fact type, kind and fact property of the model in %s', (lng) => {
    const words = kindWords(lng);
    expect(missing(NODE_LABELS, words.kind)).toEqual([]);
    expect(missing([...FACT_TYPE_NAMES, 'MENTIONS'], words.rel)).toEqual([]);
    expect(missing(Object.values(KINDS).flat(), words.subkind)).toEqual([]);
    expect(missing(FACT_PROPERTY_NAMES, propertyWords(lng))).toEqual([]);
  });

  it.each(LANGUAGES)('names nothing in %s that the model does not have', (lng) => {
    const words = kindWords(lng);
    // "Other" is the legend's bucket for a label the model does not know.
    expect(Object.keys(words.kind).filter((k) => k !== 'Other' && !(NODE_LABELS as readonly string[]).includes(k))).toEqual([]);
    expect(Object.keys(words.rel).filter((t) => !RELATIONSHIP_TYPES.includes(t))).toEqual([]);
    const kinds = new Set<string>(Object.values(KINDS).flat());
    expect(Object.keys(words.subkind).filter((k) => !kinds.has(k))).toEqual([]);
    expect(Object.keys(propertyWords(lng)).filter((p) => !MODEL_PROPERTIES.has(p))).toEqual([]);
  });

  it('gives each fact property its own Swedish word, so two properties never read the same', () => {
    const sv = propertyWords('sv');
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of FACT_PROPERTY_NAMES) {
      const word = sv[p]!;
      const other = seen.get(word);
      if (other) clashes.push(`${other} and ${p} both read "${word}"`);
      seen.set(word, p);
    }
    expect(clashes).toEqual([]);
  });

  it('draws every node label of the model with a style of its own', () => {
    expect([...KNOWN_KINDS].sort()).toEqual(NODE_LABELS.filter((l) => l !== 'Entity').sort());
  });
});
