import type { ExtractInput, GraphLookup, KnownEntity } from '../extractor';
import { Facts } from './facts';
import { pronounOf } from './lexicon';
import { NewEntities, indexById, type Target, type TargetInfo } from './model';
import type { Doc } from './segment';
import { isWholeWordAt } from './text';

/** Everything one extraction works on: the text, the graph snapshot and what has been proposed so far. */
export interface Work {
  doc: Doc;
  input: ExtractInput;
  graph: GraphLookup;
  byId: Map<string, KnownEntity>;
  registry: NewEntities;
  facts: Facts;
  /** "person|organisation" pairs a role or titled affiliation already connects. */
  placed: Set<string>;
}

/** Label, kind and name of what a target names, known or new. */
export function infoFor(work: Work): (t: Target) => TargetInfo | undefined {
  return (t) => {
    if (t.type === 'known') {
      const e = work.byId.get(t.id);
      return e ? { label: e.label, kind: e.kind, name: e.name } : undefined;
    }
    if (t.type === 'new') {
      const e = work.registry.get(t.key);
      return e ? { label: e.label, kind: e.kind, name: e.name } : undefined;
    }
    return undefined;
  };
}

/** Every whole-word occurrence of `name` (and its genitive) in the text. */
export function occurrencesOf(text: string, name: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const form of /[sxz]$/.test(name) ? [name] : [name, `${name}s`]) {
    for (let i = text.indexOf(form); i !== -1; i = text.indexOf(form, i + 1)) {
      if (isWholeWordAt(text, i, i + form.length) && !/^-\p{Ll}/u.test(text.slice(i + form.length, i + form.length + 2))) out.push({ start: i, end: i + form.length });
    }
  }
  return out;
}

/** A fresh extraction's working state. */
export function createWork(doc: Doc, input: ExtractInput, graph: GraphLookup): Work {
  return { doc, input, graph, byId: indexById(graph), registry: new NewEntities(), facts: new Facts(input.text), placed: new Set() };
}

/** The pronoun a person is referred back to with, by their given name. */
export function pronounOfRef(work: Work, ref: string): 'hon' | 'han' | null {
  const name = work.byId.get(ref)?.name ?? work.registry.get(ref)?.name;
  return name ? pronounOf(name) : null;
}

