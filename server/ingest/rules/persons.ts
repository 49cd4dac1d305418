import { SpanIndex, candidatesFor, namesOf, settle, targetRef, type Found, type Target } from './model';
import type { PersonHit } from './people';
import { roleContextOf, type RoleContext } from './roles';
import { normalizeName } from './text';
import { infoFor, occurrencesOf, type Work } from './work';

/** Who each person name is, and where the text names them (full name, genitive, later the surname alone). */

export interface PersonDecision {
  target: Target;
  rule: string;
  confidence: number;
}

/**
 * Decides who each name is. The graph's person of the same name is linked unless the text places this
 * person at an organisation the graph does not tie that person to: then a new person is proposed, with the
 * namesake as a likely match. Names like a known one (one letter off, same surname) are proposed as new with it as a candidate.
 */
function decidePerson(work: Work, name: string, hits: PersonHit[], orgsInText: Set<string>): PersonDecision {
  const { graph, registry } = work;
  const norm = normalizeName(name);
  const namesakes = graph.entities.filter((e) => e.label === 'Person' && namesOf(e).some((n) => normalizeName(n) === norm));
  const confidence = Math.max(...hits.map((h) => h.confidence));
  const bestRule = [...hits].sort((a, b) => b.confidence - a.confidence)[0]!.rule;
  if (namesakes.length === 1) {
    const p = namesakes[0]!;
    const theirs = new Set(p.organisations ?? []);
    const elsewhere = orgsInText.size > 0 && theirs.size > 0 && ![...orgsInText].some((o) => theirs.has(o));
    if (!elsewhere) return { target: { type: 'known', id: p.id }, rule: 'person.known', confidence: Math.max(0.85, confidence) };
    const key = registry.add({ name, label: 'Person', kind: 'person', confidence, rule: 'person.namesake-elsewhere', maybeSameAs: [{ id: p.id, name: p.name, label: 'Person', score: 0.6 }] });
    return { target: { type: 'new', key }, rule: 'person.namesake-elsewhere', confidence };
  }
  if (namesakes.length > 1) {
    const candidates = namesakes.map((p) => ({ id: p.id, name: p.name, label: 'Person', score: 0.5 }));
    return { target: { type: 'ambiguous', candidates }, rule: 'person.ambiguous', confidence: 0.5 };
  }
  const maybeSameAs = candidatesFor(name, ['Person'], graph, 0.85);
  const key = registry.add({ name, label: 'Person', kind: 'person', confidence, rule: bestRule, maybeSameAs });
  return { target: { type: 'new', key }, rule: bestRule, confidence };
}

/** Refs of the organisations a person's contexts place them at. */
function orgRefsOf(contexts: RoleContext[]): Set<string> {
  const out = new Set<string>();
  for (const c of contexts) if (c.org && 'found' in c.org) {
    const ref = targetRef(c.org.found.target);
    if (ref) out.add(ref);
  }
  return out;
}

export interface People {
  /** Person hits outside organisation mentions, including the graph's names found in the text. */
  hits: PersonHit[];
  /** Settled mentions of people. */
  mentions: Found[];
  decisions: { name: string; decision: PersonDecision; contexts: RoleContext[] }[];
}

/**
 * Groups the person hits by name, decides each name (known, new, ambiguous), reads each hit's title
 * context, and lists every mention: the full name wherever it occurs, and after the first the surname alone
 * when no other person in the text bears it.
 */
export function resolvePeople(work: Work, personHits: readonly PersonHit[], known: readonly Found[], settledIndex: SpanIndex<Found>, nonPersonSurfaces: ReadonlySet<string>): People {
  const { doc } = work;
  const info = infoFor(work);
  const hits = personHits.filter((h) => !settledIndex.overlaps(h.start, h.end));
  for (const f of known) {
    if (f.target.type !== 'known') continue;
    const e = work.byId.get(f.target.id);
    if (e?.label === 'Person' && !settledIndex.overlaps(f.start, f.end)) {
      hits.push({ start: f.start, end: f.end, name: e.name, rule: 'person.gazetteer', confidence: f.confidence });
    }
  }
  const byName = new Map<string, PersonHit[]>();
  const hitNames = new Set(hits.map((h) => h.name));
  for (const h of hits) {
    // "Anna Erikssons" is Anna Eriksson in the genitive when the text also names her without the s.
    const name = h.name.replace(/s$/, (s) => (hitNames.has(h.name.slice(0, -1)) ? '' : s));
    const k = normalizeName(name);
    const list = byName.get(k);
    if (list) list.push({ ...h, name });
    else byName.set(k, [{ ...h, name }]);
  }

  const surnames = new Map<string, number>();
  const decisions: People['decisions'] = [];
  for (const group of byName.values()) {
    const name = group.sort((a, b) => b.name.length - a.name.length)[0]!.name;
    const contexts = group.map((h) => roleContextOf(doc, h, settledIndex, info)).filter((c): c is RoleContext => c !== null);
    const decision = decidePerson(work, name, group, orgRefsOf(contexts));
    decisions.push({ name, decision, contexts });
    const surname = name.split(/\s+/).pop()!;
    surnames.set(surname, (surnames.get(surname) ?? 0) + 1);
  }
  const mentions: Found[] = [];
  for (const { name, decision } of decisions) {
    const occ = occurrencesOf(doc.text, name);
    for (const o of occ) mentions.push({ ...o, target: decision.target, confidence: decision.confidence, rule: decision.rule, priority: 6 });
    const surname = name.split(/\s+/).pop()!;
    const firstAt = occ[0]?.start ?? Infinity;
    if (surnames.get(surname) === 1 && !nonPersonSurfaces.has(surname)) {
      const full = new SpanIndex(occ);
      for (const o of occurrencesOf(doc.text, surname)) {
        if (o.start > firstAt && !full.overlaps(o.start, o.end)) mentions.push({ ...o, target: decision.target, confidence: 0.7, rule: 'person.surname', priority: 3 });
      }
    }
  }
  return { hits, mentions: settle(mentions.filter((p) => !settledIndex.overlaps(p.start, p.end))), decisions };
}

