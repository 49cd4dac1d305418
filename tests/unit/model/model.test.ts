import { describe, expect, it } from 'vitest';
import {
  ENTITY_LABELS,
  FACT_PROPERTIES,
  FACT_PROPERTY_NAMES,
  FACT_TYPE_NAMES,
  FACT_TYPES,
  ID_PREFIXES,
  KINDS,
  LABEL_DOCS,
  NODE_LABELS,
  REFERENCE_PROPERTIES,
  RESERVED_FACT_PROPERTIES,
} from '../../../contract/model';
import * as seedModel from '../../../server/seed/model';

describe('the one definition of the model', () => {
  it('gives every domain label its kinds, an id prefix and a description', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...ENTITY_LABELS].sort());
    for (const label of ENTITY_LABELS) {
      expect(KINDS[label].length, label).toBeGreaterThan(0);
      expect(ID_PREFIXES[label], label).toMatch(/^[a-z]+-$/);
      expect(LABEL_DOCS[label].en.trim(), label).not.toBe('');
      expect(LABEL_DOCS[label].sv.trim(), label).not.toBe('');
    }
  });

  it('keeps id prefixes distinct, so an id alone says what it names', () => {
    const prefixes = Object.values(ID_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a), `${b} starts with ${a}`).toBe(false);
  });

  it('lets fact types join only labels of the model, and says what each means in both languages', () => {
    const endpoints = new Set<string>(NODE_LABELS.filter((l) => l !== 'Entity'));
    for (const type of FACT_TYPE_NAMES) {
      const spec = FACT_TYPES[type];
      expect([...spec.from, ...spec.to].filter((l) => !endpoints.has(l)), type).toEqual([]);
      expect(spec.from.length * spec.to.length, type).toBeGreaterThan(0);
      expect(spec.meaning.trim(), type).not.toBe('');
      expect(spec.meaningSv.trim(), type).not.toBe('');
      expect(type).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
    }
  });

  it('lists for each fact type only documented properties, each once', () => {
    for (const type of FACT_TYPE_NAMES) {
      const props: readonly string[] = FACT_TYPES[type].properties;
      expect(props.filter((p) => !Object.hasOwn(FACT_PROPERTIES, p)), type).toEqual([]);
      expect(new Set(props).size, `${type} lists a property twice`).toBe(props.length);
    }
  });

  it('documents every fact property in both languages and uses each on some type', () => {
    for (const name of FACT_PROPERTY_NAMES) {
      const spec = FACT_PROPERTIES[name];
      expect(spec.en.trim(), name).not.toBe('');
      expect(spec.sv.trim(), name).not.toBe('');
      expect(spec.type.trim(), name).not.toBe('');
      expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(FACT_TYPE_NAMES.some((t) => (FACT_TYPES[t].properties as readonly string[]).includes(name)), `${name} is on no fact type`).toBe(true);
      expect((RESERVED_FACT_PROPERTIES as readonly string[]).includes(name), `${name} is reserved for the loader`).toBe(false);
    }
  });

  it('has one name per meaning: the old per-type keys are gone from the model', () => {
    const retired = ['task', 'as', 'role', 'what', 'subject', 'request', 'criticism', 'proposal', 'claim', 'evolving', 'expectedEffect', 'strength', 'when', 'period', 'clearestResult'];
    expect(retired.filter((k) => Object.hasOwn(FACT_PROPERTIES, k))).toEqual([]);
  });

  it('derives the reference properties the validator resolves from the property types', () => {
    expect(REFERENCE_PROPERTIES).toEqual({ saidBy: 'Person', onBehalfOf: 'Actor', document: 'Document', presentedBy: 'Actor' });
  });

  it('lets every statement type name its spokesperson with saidBy', () => {
    for (const type of ['SUPPORTS', 'CRITICISES', 'PROPOSES', 'REQUESTS', 'COMMITS_TO', 'PRIORITISES'] as const) {
      expect(FACT_TYPES[type].properties, type).toContain('saidBy');
    }
  });

  it('keeps server/seed/model.ts as the same model, for the imports that still use it', () => {
    expect(seedModel.FACT_TYPES).toBe(FACT_TYPES);
    expect(seedModel.KINDS).toBe(KINDS);
    expect(seedModel.RESERVED_FACT_PROPERTIES).toBe(RESERVED_FACT_PROPERTIES);
  });
});
