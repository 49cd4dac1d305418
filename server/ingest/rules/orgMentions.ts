import type { EntityCandidate } from '../../../contract/ingest';
import type { KnownEntity } from '../extractor';
import { kindOfOrgWord, type ActorKind } from './lexicon';
import { SpanIndex, candidatesFor, namesOf, settle, type Found, type Target } from './model';
import { findAcronymDefinitions, findCoordinatedOrgs, findOrgHits } from './organisations';
import type { PersonHit } from './people';
import { nameSimilarity } from './text';
import { infoFor, occurrencesOf, type Work } from './work';

/** Turns organisation patterns into mentions: linked where the graph knows the name, proposed as new where not. */

/**
 * Local acronym definitions ("Statens kriminaltekniska laboratorium (SKL)"). When the long name is a known
 * entity the acronym links to it; when it is not, both become names of one new organisation and the
 * acronym is not linked from the graph anywhere in this text, whatever the graph calls SKL.
 */
export function acronyms(work: Work): { found: Found[]; overrides: Set<string> } {
  const { doc, graph, registry } = work;
  const found: Found[] = [];
  const overrides = new Set<string>();
  for (const def of findAcronymDefinitions(doc)) {
    let best: { e: KnownEntity; score: number } | null = null;
    for (const e of graph.entities) {
      if (e.label !== 'Actor') continue;
      for (const n of namesOf(e)) {
        const score = nameSimilarity(def.longName, n);
        if (score >= 0.85 && (!best || score > best.score)) best = { e, score };
      }
    }
    let target: Target;
    if (best) {
      target = { type: 'known', id: best.e.id };
    } else {
      const sharing = graph.entities.filter((e) => namesOf(e).includes(def.acronym));
      const maybeSameAs: EntityCandidate[] = [
        ...candidatesFor(def.longName, ['Actor'], graph),
        ...sharing.map((e) => ({ id: e.id, name: e.name, label: e.label, score: 0.3 })),
      ];
      const words = def.longName.split(/\s+/);
      const kind: ActorKind = kindOfOrgWord(words[words.length - 1]!) ?? kindOfOrgWord(words[0]!) ?? 'agency';
      const key = registry.add({ name: def.longName, label: 'Actor', kind, confidence: 0.8, rule: 'org.acronym-definition', maybeSameAs });
      target = { type: 'new', key };
      found.push({ start: def.longStart, end: def.longEnd, target, confidence: 0.8, rule: 'org.acronym-definition', priority: 8 });
    }
    overrides.add(def.acronym);
    for (const o of occurrencesOf(doc.text, def.acronym).concat(occurrencesOf(doc.text, `${def.acronym}:s`))) {
      found.push({ start: o.start, end: o.end, target, confidence: best ? 0.9 : 0.8, rule: 'org.acronym-local', priority: 8 });
    }
    if (best) found.push({ start: def.longStart, end: def.longEnd, target, confidence: 0.85, rule: 'org.acronym-definition', priority: 7 });
  }
  return { found, overrides };
}

/** Organisations found by pattern: linked when the graph has the name, else proposed as new, with every repetition. */
export function organisations(work: Work, known: readonly Found[]): Found[] {
  const { doc, graph, registry } = work;
  const out: Found[] = [];
  const knownIndex = new SpanIndex(settle(known));
  const repeated = new Set<string>();
  for (const hit of findOrgHits(doc)) {
    const k = knownIndex.covering(hit.start);
    if (k && k.end >= hit.end) continue;
    const candidates = candidatesFor(hit.name, ['Actor'], graph);
    const top = candidates[0];
    if (top && top.score >= 0.92) {
      out.push({ start: hit.start, end: hit.end, target: { type: 'known', id: top.id }, confidence: 0.8, rule: `${hit.rule}.known`, priority: 5 });
      continue;
    }
    const key = registry.add({ name: hit.name, label: 'Actor', kind: hit.kind, confidence: hit.confidence, rule: hit.rule, maybeSameAs: candidates });
    out.push({ start: hit.start, end: hit.end, target: { type: 'new', key }, confidence: hit.confidence, rule: hit.rule, priority: 5 });
    if (repeated.has(hit.name)) continue;
    repeated.add(hit.name);
    for (const o of occurrencesOf(doc.text, hit.name)) out.push({ ...o, target: { type: 'new', key }, confidence: hit.confidence, rule: 'org.repeat', priority: 4 });
  }
  return out;
}

/**
 * Adds organisations named in a list with a known one ("SKL, Inera och SKL Kommentus"), twice so that
 * chains resolve. Names a person rule already reads as a person's stay people.
 */
export function coordinated(work: Work, settled: Found[], personHits: readonly PersonHit[]): Found[] {
  const info = infoFor(work);
  const personIndex = new SpanIndex(settle(personHits.map((h) => ({ ...h, target: { type: 'new', key: '' } as Target, priority: 0 }))));
  const proposed = new Set<string>();
  for (let round = 0; round < 2; round++) {
    const actors = settled.flatMap((f) => {
      const i = info(f.target);
      return i?.label === 'Actor' ? [{ start: f.start, end: f.end, kind: i.kind }] : [];
    });
    const settledIndex = new SpanIndex(settled);
    const taken = (s: number, e: number): boolean => settledIndex.overlaps(s, e) || personIndex.overlaps(s, e);
    const hits = findCoordinatedOrgs(work.doc, actors, taken);
    if (!hits.length) break;
    const added: Found[] = [];
    for (const hit of hits) {
      if (proposed.has(hit.name)) continue;
      proposed.add(hit.name);
      const candidates = candidatesFor(hit.name, ['Actor'], work.graph);
      const key = work.registry.add({ name: hit.name, label: 'Actor', kind: hit.kind, confidence: hit.confidence, rule: hit.rule, maybeSameAs: candidates });
      for (const o of occurrencesOf(work.doc.text, hit.name)) added.push({ ...o, target: { type: 'new', key }, confidence: hit.confidence, rule: hit.rule, priority: 3 });
    }
    settled = settle([...settled, ...added]);
  }
  return settled;
}

