import type { KnownEntity } from '../extractor';
import { SpanIndex, namesOf, type Found, type Target, type TargetInfo } from './model';
import { isSentenceInitial, type Doc } from './segment';
import { isWholeWordAt } from './text';

/**
 * Collectives named in a list of their kind. Swedish coordinates bare singulars for whole sectors ("mellan stat,
 * kommun, landsting och region", "stat och kommun"), and a list of collectives ("departementen, myndigheterna,
 * SKL, kommuner och regioner") names each item as a group, so a head noun that alone would be vague
 * ("myndigheterna" for "statliga myndigheter") is the collective there. Outside such a list a singular
 * ("kommunen", "en kommun") is one body, and is left alone.
 */

/** What joins items of a list. */
const JOINER = /^(?:,[ \u00a0]+(?:och[ \u00a0]+|samt[ \u00a0]+)?|[ \u00a0]+(?:och|samt|eller|och\/eller)[ \u00a0]+)/u;
const JOINER_BEFORE = /(?:,[ \u00a0]+(?:och[ \u00a0]+|samt[ \u00a0]+)?|[ \u00a0]+(?:och|samt|eller|och\/eller)[ \u00a0]+)$/u;
/** Words a bare singular may follow; after a determiner ("en kommun", "varje region") it is one body, not the sector. */
const BARE_AFTER = /(?:^|[\s(–—-])(?:mellan|för|i|inom|hos|av|till|från|med|på|om|åt|över|både|varken|och|samt|eller)[ \u00a0]+$|(?:^|,)[ \u00a0]*$/u;
const LIST_CAP = 12;

/** The forms each collective is written in inside a list: its own names, their head nouns and bare singulars. */
function listForms(entities: readonly KnownEntity[]): Map<string, string> {
  const forms = new Map<string, string>();
  const add = (form: string, id: string): void => {
    if (form.length < 4) return;
    if (forms.has(form) && forms.get(form) !== id) forms.set(form, '');
    else forms.set(form, id);
  };
  for (const e of entities) {
    if (e.label !== 'Actor' || e.kind !== 'collective') continue;
    for (const name of namesOf(e)) {
      const words = name.toLowerCase().split(/\s+/);
      const head = words[words.length - 1]!;
      // A head noun speaks for a longer name only when plural ("statliga myndigheter" → "myndigheterna"), not a
      // mass noun ("offentlig sektor" → "sektor").
      if (words.length > 1 && !/(?:er|ar|erna|arna)$/.test(head)) continue;
      for (const f of singularAndPlural(head)) add(f, e.id);
    }
  }
  for (const [k, v] of forms) if (!v) forms.delete(k);
  return forms;
}

/** "kommuner" → kommun, kommuner, kommunerna; "staten" → stat, staten; "landsting" → landsting, landstingen. */
function singularAndPlural(noun: string): string[] {
  let stem = noun;
  const m = /^(.+?)(erna|arna|orna|er|ar|or|en|et)$/.exec(noun);
  if (m && m[1]!.length >= 3) stem = m[1]!;
  const out = new Set([noun, stem]);
  if (m && /^(?:er|ar|or)$/.test(m[2]!)) out.add(`${noun}na`);
  if (m && /^(?:erna|arna|orna)$/.test(m[2]!)) out.add(noun.slice(0, -2));
  return [...out];
}

interface Item {
  start: number;
  end: number;
  /** The collective this item names, if it is one (already linked, or a list form). */
  collective: string | null;
  linked: boolean;
}

/** Links list items that name a collective, in lists where some item is already a collective. */
export function collectivesInLists(doc: Doc, settled: readonly Found[], entities: readonly KnownEntity[], infoOf: (t: Target) => TargetInfo | undefined): Found[] {
  const text = doc.text;
  const forms = listForms(entities);
  if (!forms.size) return [];
  const index = new SpanIndex(settled);
  const isCollective = (f: Found): string | null => (f.target.type === 'known' && infoOf(f.target)?.kind === 'collective' ? f.target.id : null);

  /** The list item that starts at `at`: a settled mention, or one word. */
  const itemAt = (at: number): Item | null => {
    const f = index.startingAt(at);
    if (f) return { start: f.start, end: f.end, collective: isCollective(f), linked: true };
    const w = /^[\p{L}][\p{L}\d-]*/u.exec(text.slice(at, at + 40));
    if (!w || index.overlaps(at, at + w[0].length)) return null;
    return { start: at, end: at + w[0].length, collective: formAt(at, at + w[0].length), linked: false };
  };
  /** The list item that ends at `at`. */
  const itemEndingAt = (at: number): Item | null => {
    const f = index.covering(at - 1);
    if (f && f.end === at) return { start: f.start, end: f.end, collective: isCollective(f), linked: true };
    const w = /[\p{L}][\p{L}\d-]*$/u.exec(text.slice(Math.max(0, at - 40), at));
    if (!w || index.overlaps(at - w[0].length, at)) return null;
    return { start: at - w[0].length, end: at, collective: formAt(at - w[0].length, at), linked: false };
  };
  const formAt = (start: number, end: number): string | null => {
    const written = text.slice(start, end);
    const lower = written.toLowerCase();
    if (written !== lower && !(written.slice(1) === lower.slice(1) && isSentenceInitial(doc, start))) return null;
    return isWholeWordAt(text, start, end) ? (forms.get(lower) ?? null) : null;
  };

  const out: Found[] = [];
  const done = new Set<number>();
  for (const f of settled) {
    const seed = isCollective(f);
    if (!seed || done.has(f.start)) continue;
    // Walk the list both ways from a collective already linked.
    const items: Item[] = [{ start: f.start, end: f.end, collective: seed, linked: true }];
    for (let cur = items[0]!, n = 0; n < LIST_CAP; n++) {
      const j = JOINER.exec(text.slice(cur.end, cur.end + 12));
      const next = j ? itemAt(cur.end + j[0].length) : null;
      if (!next) break;
      items.push(next);
      cur = next;
    }
    for (let cur = items[0]!, n = 0; n < LIST_CAP; n++) {
      const j = JOINER_BEFORE.exec(text.slice(Math.max(0, cur.start - 12), cur.start));
      const prev = j ? itemEndingAt(cur.start - j[0].length) : null;
      if (!prev) break;
      items.unshift(prev);
      cur = prev;
    }
    for (const it of items) {
      done.add(it.start);
      if (it.linked || !it.collective) continue;
      // A bare singular only right after a preposition or another item, never after a determiner.
      const before = text.slice(Math.max(0, it.start - 20), it.start);
      const singular = !/(?:er|ar|or|na|en|et)$/i.test(text.slice(it.start, it.end));
      if (singular && !BARE_AFTER.test(before) && !JOINER_BEFORE.test(before)) continue;
      out.push({ start: it.start, end: it.end, target: { type: 'known', id: it.collective }, confidence: 0.7, rule: 'collective.in-list', priority: 2 });
    }
  }
  return out;
}
