import type { EntityCandidate } from '../../../contract/ingest';
import type { KnownEntity } from '../extractor';
import type { Found } from './model';
import { inflections } from './inflection';
import { isSentenceInitial, type Doc } from './segment';
import { editDistance, isCaseSensitiveSurface, isLower, isUpper, isWholeWordAt, isWordChar, lowerSameLength, nameSimilarity, validOn } from './text';

/** One way of writing one entity's name, with the period it was borne when it is an official name. */
interface SurfaceEntry {
  surface: string;
  entity: KnownEntity;
  validFrom?: string;
  validTo?: string;
  /** `official`: a names[] value or short; `name`: the display name; `alias`: any other spelling. */
  source: 'official' | 'name' | 'alias';
}

export interface Gazetteer {
  entries: SurfaceEntry[];
}

/** Builds the surface list of the graph snapshot: every name, alias, official name and short of every entity. */
export function buildGazetteer(entities: readonly KnownEntity[]): Gazetteer {
  const entries: SurfaceEntry[] = [];
  for (const e of entities) {
    const seen = new Set<string>();
    for (const n of e.names) {
      for (const s of n.short ? [n.value, n.short] : [n.value]) {
        seen.add(s);
        entries.push({ surface: s, entity: e, validFrom: n.validFrom, validTo: n.validTo, source: 'official' });
      }
    }
    for (const s of [e.name, ...e.aliases]) {
      if (seen.has(s) || s.trim().length < 2) continue;
      seen.add(s);
      entries.push({ surface: s, entity: e, source: s === e.name ? 'name' : 'alias' });
    }
  }
  return { entries };
}

/**
 * Forms a surface is found in: as written, genitive ("Diggs", "regeringens"), after an acronym the colon
 * genitive ("SKL:s"), and for a lower-case name its definite and plural forms ("den nationella digitala
 * infrastrukturen", "myndigheterna"). A name ending in s, x or z takes no extra genitive s.
 */
function variantsOf(entry: SurfaceEntry): { text: string; definite: boolean }[] {
  const surface = entry.surface;
  const forms = [{ text: surface, definite: false }];
  if (isLower(surface[0])) {
    forms.push(...inflections(surface, entry.entity.kind === 'collective'));
    if (/(?:erna|arna|orna)$/.test(surface)) forms.push({ text: surface.slice(0, -2), definite: false });
  }
  const out: { text: string; definite: boolean }[] = [];
  for (const f of forms) {
    out.push(f);
    if (!/[sxz]$/i.test(f.text)) out.push({ text: `${f.text}s`, definite: f.definite });
    if (isUpper(f.text[f.text.length - 1]) || /\d$/.test(f.text)) out.push({ text: `${f.text}:s`, definite: f.definite });
  }
  return out;
}

/**
 * Whether the text at `start` writes `surface` acceptably: acronyms and mixed-case names exactly; other
 * names may differ only in the case of a word's first letter, and a lower-case (common-noun) surface
 * written with a capital only where a sentence starts.
 */
function caseFits(doc: Doc, start: number, written: string, surface: string): boolean {
  if (isCaseSensitiveSurface(surface)) return written.startsWith(surface);
  for (let i = 0; i < surface.length; i++) {
    const a = written[i]!;
    const b = surface[i]!;
    if (a === b) continue;
    const wordInitial = i === 0 || !isWordChar(surface[i - 1]);
    if (!wordInitial || a.toLowerCase() !== b.toLowerCase()) return false;
    if (i === 0 && isLower(b) && isUpper(a) && !isSentenceInitial(doc, start)) return false;
  }
  return true;
}

interface RawMatch {
  start: number;
  end: number;
  entry: SurfaceEntry;
  fuzzy: boolean;
}

/** Surfaces the text defines as something else, and must not be linked from the graph here. */
export type Overrides = ReadonlySet<string>;

/**
 * Finds every whole-word occurrence of every known surface and inflection. A word glued to a hyphen and a
 * lower-case letter is part of a compound ("KommITS-tidningen") and not a mention of the name alone.
 */
function exactMatches(doc: Doc, gaz: Gazetteer, overrides: Overrides): RawMatch[] {
  const lower = lowerSameLength(doc.text);
  const out: RawMatch[] = [];
  for (const entry of gaz.entries) {
    if (overrides.has(entry.surface)) continue;
    for (const variant of variantsOf(entry)) {
      const needle = lowerSameLength(variant.text);
      for (let i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, i + 1)) {
        const end = i + needle.length;
        if (!isWholeWordAt(doc.text, i, end)) continue;
        if (/^-\p{Ll}/u.test(doc.text.slice(end, end + 2))) continue;
        const written = doc.text.slice(i, end);
        if (!caseFits(doc, i, written, variant.text)) continue;
        // A definite form takes its article along: "den nationella digitala infrastrukturen".
        const article = variant.definite && variant.text !== entry.surface ? /(?:^|[^\p{L}])((?:[Dd]en|[Dd]et|[Dd]e)[ \u00a0])$/u.exec(doc.text.slice(Math.max(0, i - 5), i)) : null;
        out.push({ start: article ? i - article[1]!.length : i, end, entry, fuzzy: false });
      }
    }
  }
  return out;
}

/**
 * Long names written with a typo ("Sveriges Kommener och Landsting"): the same number of words, the same
 * first word, at most two letters off in all.
 */
function fuzzyMatches(doc: Doc, gaz: Gazetteer): RawMatch[] {
  const words = doc.tokens.filter((t) => t.word);
  const out: RawMatch[] = [];
  for (const entry of gaz.entries) {
    const parts = entry.surface.split(/\s+/);
    // Only names of organisations and people are matched despite typos; descriptive phrases vary too much in form.
    if (parts.length < 3 || entry.surface.length < 15 || !isUpper(entry.surface[0]) || !['Actor', 'Person'].includes(entry.entity.label)) continue;
    const first = parts[0]!.toLowerCase();
    for (let i = 0; i + parts.length <= words.length; i++) {
      if (words[i]!.text.toLowerCase() !== first) continue;
      const span = words.slice(i, i + parts.length);
      const gapsAreSpaces = span.every((t, k) => k === 0 || /^ +$/.test(doc.text.slice(span[k - 1]!.end, t.start)));
      if (!gapsAreSpaces) continue;
      const start = span[0]!.start;
      const end = span[span.length - 1]!.end;
      const written = doc.text.slice(start, end);
      if (written === entry.surface) continue;
      const d = editDistance(written.toLowerCase(), entry.surface.toLowerCase());
      if (d > 0 && d <= 2 && nameSimilarity(written, entry.surface) >= 0.9) out.push({ start, end, entry, fuzzy: true });
    }
  }
  return out;
}

/**
 * Long names an article spells out with words inserted ("utredningen om effektiv styrning av utveckling,
 * införande och förvaltning av nationella digitala tjänster" for "Utredningen om effektiv styrning av
 * nationella digitala tjänster"): the same first three and last two words, every word in order, at most
 * twice as long.
 */
function expandedMatches(doc: Doc, gaz: Gazetteer, lower: string): RawMatch[] {
  const out: RawMatch[] = [];
  for (const entry of gaz.entries) {
    const words = lowerSameLength(entry.surface).split(/\s+/);
    if (words.length < 5) continue;
    const head = words.slice(0, 3).join(' ');
    const tail = words.slice(-2).join(' ');
    for (let i = lower.indexOf(head); i !== -1; i = lower.indexOf(head, i + 1)) {
      if (!isWholeWordAt(doc.text, i, i + head.length)) continue;
      const window = lower.slice(i, i + entry.surface.length * 2);
      const t = window.indexOf(tail, head.length);
      if (t < 0 || /[.;!?\n]/.test(window.slice(0, t))) continue;
      const end = i + t + tail.length;
      if (!isWholeWordAt(doc.text, i, end) || end - i === entry.surface.length) continue;
      const between = lower.slice(i, end).split(/[^\p{L}\d]+/u);
      let k = 0;
      for (const w of between) if (w === words[k]) k++;
      if (k === words.length) out.push({ start: i, end, entry, fuzzy: true });
    }
  }
  return out;
}

/**
 * A one-word name in the definite form for a thing rather than an organisation ("handslaget", "studien",
 * "ledarskapet") refers back to something the text has named; alone it may mean any handshake or study.
 */
function isAnaphoricSurface(entry: SurfaceEntry): boolean {
  return !/\s/.test(entry.surface) && !['Actor', 'Person', 'Place'].includes(entry.entity.label) && /(?:en|[^h]et|na)$/.test(entry.surface);
}

/** How sure a link by this surface is: acronyms and common-noun aliases are likelier to mean something else. */
function baseConfidence(entry: SurfaceEntry, written: string): number {
  if (entry.entity.label === 'Person') return 0.95;
  if (/^\p{Lu}[\p{Lu}\d]+(?::s)?$/u.test(written)) return 0.9;
  if (isLower(entry.surface[0])) return 0.85;
  return 0.95;
}

/**
 * Links spans to known entities. Where one span could be several entities, the one whose name is valid on
 * the article's date is taken; if that does not settle it the mention is proposed as ambiguous. A name not
 * borne on the date still links, with lower confidence.
 */
export function matchKnown(doc: Doc, gaz: Gazetteer, published: string | undefined, overrides: Overrides): Found[] {
  const exact = exactMatches(doc, gaz, overrides);
  // Definite one-word names count only after the thing was named otherwise in the text.
  const firstNamed = new Map<string, number>();
  for (const m of exact) if (!isAnaphoricSurface(m.entry)) firstNamed.set(m.entry.entity.id, Math.min(m.start, firstNamed.get(m.entry.entity.id) ?? Infinity));
  const resolved = exact.filter((m) => !isAnaphoricSurface(m.entry) || (firstNamed.get(m.entry.entity.id) ?? Infinity) < m.start);
  const raw = [...resolved, ...fuzzyMatches(doc, gaz), ...expandedMatches(doc, gaz, lowerSameLength(doc.text))];
  const bySpan = new Map<string, RawMatch[]>();
  for (const m of raw) {
    const k = `${m.start}:${m.end}`;
    const list = bySpan.get(k);
    if (list) list.push(m);
    else bySpan.set(k, [m]);
  }
  const out: Found[] = [];
  for (const group of bySpan.values()) {
    const { start, end } = group[0]!;
    const written = doc.text.slice(start, end);
    const entityIds = [...new Set(group.map((m) => m.entry.entity.id))];
    const validNow = (m: RawMatch) => validOn(published, m.entry.validFrom, m.entry.validTo) && validOn(published, m.entry.entity.validFrom, m.entry.entity.validTo);
    let chosen = group;
    if (entityIds.length > 1) {
      const valid = group.filter(validNow);
      if (valid.length && new Set(valid.map((m) => m.entry.entity.id)).size === 1) chosen = valid;
      else {
        const candidates: EntityCandidate[] = entityIds.map((id) => {
          const e = group.find((m) => m.entry.entity.id === id)!.entry.entity;
          return { id, name: e.name, label: e.label, score: 0.5 };
        });
        out.push({ start, end, target: { type: 'ambiguous', candidates }, confidence: 0.5, rule: 'gazetteer.ambiguous', priority: 5 });
        continue;
      }
    }
    const best = chosen.find(validNow) ?? chosen[0]!;
    const fuzzy = chosen.every((m) => m.fuzzy);
    let confidence = fuzzy ? 0.75 : baseConfidence(best.entry, written);
    let rule = fuzzy ? 'gazetteer.fuzzy' : best.entry.source === 'official' ? 'gazetteer.official-name' : 'gazetteer.name';
    if (!validNow(best)) {
      confidence *= 0.6;
      rule = 'gazetteer.name-not-valid-on-date';
    }
    out.push({ start, end, target: { type: 'known', id: best.entry.entity.id }, confidence: round(confidence), rule, priority: fuzzy ? 4 : 6 });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
