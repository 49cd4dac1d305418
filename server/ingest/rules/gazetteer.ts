import type { EntityCandidate } from '../../../contract/ingest';
import type { KnownEntity } from '../extractor';
import { ANAPHORS, kindOfOrgWord } from './lexicon';
import type { Found } from './model';
import { inflections, nameForms } from './inflection';
import { isSentenceInitial, type Doc } from './segment';
import { editDistance, isCaseSensitiveSurface, isLower, isUpper, isWholeWordAt, isWordChar, lowerSameLength, nameSimilarity, validOn } from './text';

/** One way of writing one entity's name, with the period it was borne when it is an official name. */
interface SurfaceEntry {
  surface: string;
  entity: KnownEntity;
  validFrom?: string;
  validTo?: string;
  /**
   * `official`: a names[] value or short; `name`: the display name; `alias`: any other spelling; `derived`: a
   * name the rules infer from those (initials, the compound head of a descriptive name).
   */
  source: 'official' | 'name' | 'alias' | 'derived';
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
    if (e.label !== 'Actor') continue;
    // Names an organisation is known by that the graph need not spell out: the initials of a proper name
    // ("Sveriges Kommuner och Regioner" → SKR, borne while the name was) and the compound head of a descriptive
    // name ("Organisationskommittén för den nya myndigheten" → organisationskommittén, organisationskommitté).
    for (const entry of [...entries.filter((x) => x.entity === e)]) {
      const acronym = initialsOf(entry.surface);
      if (acronym && !seen.has(acronym)) {
        seen.add(acronym);
        entries.push({ surface: acronym, entity: e, validFrom: entry.validFrom, validTo: entry.validTo, source: 'derived' });
      }
      for (const head of compoundHeadOf(entry.surface)) {
        if (seen.has(head)) continue;
        seen.add(head);
        entries.push({ surface: head, entity: e, validFrom: entry.validFrom, validTo: entry.validTo, source: 'derived' });
      }
    }
  }
  return { entries };
}

/** Function words that a proper name's acronym skips ("Sveriges Kommuner och Regioner" → SKR). */
const ACRONYM_GLUE = new Set(['och', 'för', 'i', 'av', 'om', 'på', 'med', 'till', 'de', 'det', 'den']);

/** The initials of a proper name whose every content word is capitalised, two to six of them; else null. */
function initialsOf(name: string): string | null {
  const words = name.split(/\s+/).filter((w) => !ACRONYM_GLUE.has(w));
  if (words.length < 2 || words.length > 6 || !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return null;
  return words.map((w) => w[0]).join('');
}

/**
 * The head of a descriptive organisation name when it is a compound that names the body on its own
 * ("Organisationskommittén för …"): as written, in lower case, and indefinite. A bare head ("Myndigheten för …",
 * "Utredningen om …") names any such body and is left to the anaphora rules.
 */
function compoundHeadOf(name: string): string[] {
  const m = /^(\p{Lu}\p{Ll}+)[ \u00a0]+(?:för|om|i|vid|inom|hos)[ \u00a0]/u.exec(name);
  if (!m || !kindOfOrgWord(m[1]!) || ANAPHORS[m[1]!.toLowerCase()]) return [];
  const head = m[1]!;
  const lower = head.charAt(0).toLowerCase() + head.slice(1);
  const indefinite = lower.replace(/(?<=é)n$|(?:en|et)$/u, '');
  return indefinite !== lower && indefinite.length >= 8 ? [lower, indefinite] : [lower];
}

/**
 * Forms a surface is found in: as written, genitive ("Diggs", "regeringens"), after an acronym the colon
 * genitive ("SKL:s"), and for a lower-case name its definite and plural forms ("den nationella digitala
 * infrastrukturen", "myndigheterna"). A name ending in s, x or z takes no extra genitive s.
 */
function variantsOf(entry: SurfaceEntry): Variant[] {
  const surface = entry.surface;
  const forms: Variant[] = [{ text: surface, definite: false, paraphrase: false }];
  if (isLower(surface[0])) {
    const collective = entry.entity.kind === 'collective';
    forms.push(...inflections(surface, collective).map((f) => ({ ...f, paraphrase: false })));
    if (/(?:erna|arna|orna)$/.test(surface)) forms.push({ text: surface.slice(0, -2), definite: false, paraphrase: false });
    // A plural name also names the thing one at a time ("e-legitimationer" → "e-legitimation"); not a collective,
    // whose singular is one body ("kommuner" → "kommun").
    if (!collective && /\p{L}{4}(?:er|ar|or)$/u.test(surface)) forms.push({ text: surface.slice(0, -2), definite: false, paraphrase: false });
  }
  const seen = new Set(forms.map((f) => f.text));
  for (const f of nameForms(surface, entry.entity)) if (!seen.has(f.text)) forms.push({ ...f, paraphrase: true });
  const out: Variant[] = [];
  for (const f of forms) {
    out.push(f);
    if (!/[sxz]$/i.test(f.text)) out.push({ ...f, text: `${f.text}s` });
    // The colon genitive follows acronyms and numerals ("SKL:s", "DIGG:s"), and short names often written as one ("Digg:s").
    if (isUpper(f.text[f.text.length - 1]) || /\d$/.test(f.text) || (/^\p{Lu}\p{L}{1,5}$/u.test(f.text) && !f.paraphrase)) out.push({ ...f, text: `${f.text}:s` });
  }
  return out;
}

/** One written form of a surface; `paraphrase` when it rephrases the name rather than inflects it. */
interface Variant {
  text: string;
  definite: boolean;
  paraphrase: boolean;
}

/**
 * Whether the text at `start` writes `surface` acceptably: acronyms and mixed-case names exactly; other
 * names may differ only in the case of a word's first letter (a short one-word name not in lower case), and
 * a lower-case (common-noun) surface written with a capital only where a sentence starts.
 */
function caseFits(doc: Doc, start: number, written: string, surface: string): boolean {
  if (isCaseSensitiveSurface(surface)) return written.startsWith(surface);
  // A short one-word proper name in lower case is more likely a word of the language, or an acronym written
  // carelessly, than the name ("digg", "inera"); long compounds are not ("digitaliseringsstyrelsen", "skatteverket"),
  // nor common nouns in the definite form that a display name capitalises ("Staten").
  if (isUpper(surface[0]) && isLower(written[0]) && /^\p{L}{1,7}(?::?s)?$/u.test(surface) && !/(?:en|et|na)(?::?s)?$/u.test(surface)) return false;
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
  paraphrase?: boolean;
  /** The name is the first part of a hyphenated compound ("SKR-kansliet"). */
  compound?: boolean;
}

/** Surfaces the text defines as something else, and must not be linked from the graph here. */
export type Overrides = ReadonlySet<string>;

/**
 * Heads of hyphenated compounds that leave the name before them naming its owner: a part, a person, a product
 * or an act of the organisation ("SKR-kansliet", "Digg-rapporten", "SKL-ägda"). Any other head makes the compound
 * a name of its own ("KommITS-tidningen", "Digg-dagen"), which the first part does not mention.
 */
const GENERIC_HEADS = new Set(
  `kansli kansliet ledning ledningen styrelse styrelsen chef chefen chefer cheferna ordförande ordföranden direktör direktören
  medarbetare medarbetarna personal personalen anställda företrädare företrädarna experter experterna rapport rapporten rapporter
  rapporterna uppdrag uppdraget förslag förslaget förslagen beslut beslutet yttrande yttrandet enkät enkäten undersökning
  undersökningen analys analysen granskning granskningen kritik kritiken besked beskedet samarbete samarbetet projekt projektet
  avtal avtalet budget budgeten pengar medel satsning satsningen arbete arbetet ägda ägd ägt ägda ledd ledda ledda finansierade
  finansierad anslutna ansluten`.split(/\s+/),
);

/**
 * Finds every whole-word occurrence of every known surface and inflection. A word glued to a hyphen and a
 * lower-case letter is part of a compound, a mention of the name only where the compound's head is generic.
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
        const compound = /^-(\p{Ll}+)(?![\p{L}\d-])/u.exec(doc.text.slice(end, end + 24));
        if (compound ? !GENERIC_HEADS.has(compound[1]!) || variant.paraphrase || /:s$/.test(variant.text) : /^-\p{Ll}/u.test(doc.text.slice(end, end + 2))) continue;
        const written = doc.text.slice(i, end);
        if (!caseFits(doc, i, written, variant.text)) continue;
        // A definite form takes its article along: "den nationella digitala infrastrukturen".
        const article = variant.definite && variant.text !== entry.surface ? /(?:^|[^\p{L}])((?:[Dd]en|[Dd]et|[Dd]e)[ \u00a0])$/u.exec(doc.text.slice(Math.max(0, i - 5), i)) : null;
        out.push({ start: article ? i - article[1]!.length : i, end, entry, fuzzy: false, paraphrase: variant.paraphrase, ...(compound ? { compound: true } : {}) });
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
 * Common-noun names whose adjective the text coordinates with others ("en samlande, stödjande och främjande
 * myndighet" for "en samlande myndighet"): up to three single words joined by a comma, "och", "samt" or "eller"
 * between the name's adjectives and its noun.
 */
function coordinatedMatches(doc: Doc, gaz: Gazetteer, lower: string): RawMatch[] {
  const out: RawMatch[] = [];
  for (const entry of gaz.entries) {
    if (!isLower(entry.surface[0]) || !/^(?:(?:en|ett) )?\p{Ll}+(?: \p{Ll}+){1,2}$/u.test(entry.surface)) continue;
    const words = entry.surface.split(' ');
    const noun = words[words.length - 1]!;
    const before = words.slice(0, -1).join(' ');
    if (FUNCTION_WORD_RE.test(before.replace(/^(?:en|ett) /, '')) || before === 'en' || before === 'ett') continue;
    const re = new RegExp(`(?<![\\p{L}\\d])${escape(before)}((?:,[ \\u00a0]+\\p{Ll}+){0,2}(?:,?[ \\u00a0]+(?:och|samt|eller)[ \\u00a0]+\\p{Ll}+))[ \\u00a0]+${escape(noun)}(?![\\p{L}\\d])`, 'gu');
    for (const m of lower.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, entry, fuzzy: false, paraphrase: true });
  }
  return out;
}

const FUNCTION_WORD_RE = /(?:^| )(?:och|för|i|av|om|på|med|till|mellan|som|att|inom|hos|från)(?: |$)/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Long names the graph holds spelled out and the text writes short ("Utredningen om effektiv styrning av nationella
 * digitala tjänster" for "utredningen om effektiv styrning av utveckling, införande och förvaltning av nationella
 * digitala tjänster"): the same first three and last two words, every written word in the name in order, and at
 * least half of the name's words.
 */
function contractedMatches(doc: Doc, gaz: Gazetteer, lower: string): RawMatch[] {
  const out: RawMatch[] = [];
  for (const entry of gaz.entries) {
    const words = lowerSameLength(entry.surface).split(/[^\p{L}\d]+/u).filter(Boolean);
    if (words.length < 7) continue;
    const head = words.slice(0, 3).join(' ');
    const tail = words.slice(-2).join(' ');
    for (let i = lower.indexOf(head); i !== -1; i = lower.indexOf(head, i + 1)) {
      if (!isWholeWordAt(doc.text, i, i + head.length)) continue;
      const window = lower.slice(i, i + entry.surface.length);
      const t = window.indexOf(tail, head.length);
      if (t < 0 || /[.;!?\n]/.test(window.slice(0, t))) continue;
      const end = i + t + tail.length;
      if (!isWholeWordAt(doc.text, i, end)) continue;
      const written = lower.slice(i, end).split(/[^\p{L}\d]+/u).filter(Boolean);
      if (written.length >= words.length || written.length * 2 < words.length) continue;
      let k = 0;
      for (const w of words) if (w === written[k]) k++;
      if (k === written.length) out.push({ start: i, end, entry, fuzzy: true });
    }
  }
  return out;
}

/**
 * A one-word common noun in the definite form for a thing rather than an organisation ("handslaget", "studien",
 * "ledarskapet") refers back to something the text has named; alone it may mean any handshake or study.
 */
function isAnaphoricSurface(entry: SurfaceEntry): boolean {
  // A name whose case carries meaning ("KommITS-tidningen") is a proper name, whatever its ending.
  return !/\s/.test(entry.surface) && !isCaseSensitiveSurface(entry.surface) && !['Actor', 'Person', 'Place'].includes(entry.entity.label) && /(?:en|[^h]et|na)$/.test(entry.surface);
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
  const lower = lowerSameLength(doc.text);
  const raw = [...resolved, ...fuzzyMatches(doc, gaz), ...expandedMatches(doc, gaz, lower), ...contractedMatches(doc, gaz, lower), ...coordinatedMatches(doc, gaz, lower)];
  const bySpan = new Map<string, RawMatch[]>();
  for (const m of raw) {
    const k = `${m.start}:${m.end}`;
    const list = bySpan.get(k);
    if (list) list.push(m);
    else bySpan.set(k, [m]);
  }
  const out: Found[] = [];
  const labels = new Map<Found, string>();
  for (const group of bySpan.values()) {
    const { start, end } = group[0]!;
    const written = doc.text.slice(start, end);
    const validNow = (m: RawMatch) => validOn(published, m.entry.validFrom, m.entry.validTo) && validOn(published, m.entry.entity.validFrom, m.entry.entity.validTo);
    // A name the rules inferred gives way to one the graph states.
    let chosen = group.some((m) => m.entry.source !== 'derived') ? group.filter((m) => m.entry.source !== 'derived') : group;
    const ids = [...new Set(chosen.map((m) => m.entry.entity.id))];
    if (ids.length > 1) {
      const valid = group.filter(validNow);
      if (valid.length && new Set(valid.map((m) => m.entry.entity.id)).size === 1) chosen = valid;
      else {
        const candidates: EntityCandidate[] = ids.map((id) => {
          const e = chosen.find((m) => m.entry.entity.id === id)!.entry.entity;
          return { id, name: e.name, label: e.label, score: 0.5 };
        });
        out.push({ start, end, target: { type: 'ambiguous', candidates }, confidence: 0.5, rule: 'gazetteer.ambiguous', priority: 5 });
        continue;
      }
    }
    const best = chosen.find(validNow) ?? chosen[0]!;
    const fuzzy = chosen.every((m) => m.fuzzy);
    const paraphrase = !fuzzy && chosen.every((m) => m.paraphrase);
    const compound = chosen.every((m) => m.compound);
    let confidence = fuzzy ? 0.75 : paraphrase ? 0.75 : baseConfidence(best.entry, written);
    let rule = fuzzy ? 'gazetteer.fuzzy' : paraphrase ? 'gazetteer.paraphrase' : best.entry.source === 'official' ? 'gazetteer.official-name' : best.entry.source === 'derived' ? 'gazetteer.derived-name' : 'gazetteer.name';
    if (best.entry.source === 'derived' && !fuzzy) confidence = Math.min(confidence, 0.8);
    if (compound) {
      confidence = Math.min(confidence, 0.7);
      rule = 'gazetteer.compound-modifier';
    }
    if (!validNow(best)) {
      confidence *= 0.6;
      rule = 'gazetteer.name-not-valid-on-date';
    }
    out.push({ start, end, target: { type: 'known', id: best.entry.entity.id }, confidence: round(confidence), rule, priority: fuzzy ? 4 : 6 });
    labels.set(out[out.length - 1]!, best.entry.entity.kind === 'collective' ? 'collective' : best.entry.entity.label);
  }
  return trimAtAdjuncts(doc.text, splitPossessors(doc.text, out, labels), labels);
}

/**
 * A name that opens with another's genitive ("Regeringens budgetproposition för 2018", "SKL:s yttrande över …",
 * "DIGG:s rapport om …") holds two mentions: the owner, and the thing owned from the next word on. Only
 * documents, topics, agreements and the like are split, and only by a named owner: an organisation's own name
 * ("Sveriges Kommuner och Regioner") stays whole, and so does a theme whose genitive is a collective ("offentlig
 * sektors digitalisering").
 */
function splitPossessors(text: string, found: Found[], labels: Map<Found, string>): Found[] {
  const split = (f: Found, start: number): Found => {
    const g = { ...f, start };
    labels.set(g, labels.get(f) ?? '');
    return g;
  };
  const byStart = new Map<number, Found[]>();
  for (const f of found) byStart.set(f.start, [...(byStart.get(f.start) ?? []), f]);
  return found.map((f) => {
    if (['Actor', 'Person', 'Place', 'collective'].includes(labels.get(f) ?? '')) return f;
    const owner = (byStart.get(f.start) ?? []).find((o) => o.end < f.end && ['Actor', 'Person'].includes(labels.get(o) ?? '') && /s$/.test(text.slice(o.start, o.end)));
    const gap = owner ? /^[ \u00a0]+/.exec(text.slice(owner.end, f.end)) : null;
    return owner && gap ? split(f, owner.end + gap[0].length) : f;
  });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Words that open a modifier a theme's name can be cited without ("… mellan stat och kommun", "… för skolan"). */
const ADJUNCT_RE = /[ \u00a0](?:mellan|för|som|hos|med)[ \u00a0]/gu;

/**
 * A theme, document or agreement whose name goes on to name others ("Återkommande förhandlingar mellan stat,
 * kommun, landsting och region") is cited by its head, and the others are mentions of their own: the span ends
 * before the modifier that holds them, when at least two words are left. A domain after a process noun
 * ("digitaliseringen i offentlig sektor") is part of the theme and stays.
 */
function trimAtAdjuncts(text: string, found: Found[], labels: Map<Found, string>): Found[] {
  const isNamed = (f: Found): boolean => ['Actor', 'Person', 'Place', 'collective'].includes(labels.get(f) ?? '');
  const named = found.filter(isNamed).sort((a, b) => a.start - b.start);
  return found.map((f) => {
    if (isNamed(f)) return f;
    // The first named span starting inside f (binary search keeps long texts linear-ish).
    let lo = 0;
    let hi = named.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (named[mid]!.start <= f.start) lo = mid + 1;
      else hi = mid;
    }
    let inner: Found | undefined;
    for (let i = lo; i < named.length && named[i]!.start < f.end; i++) {
      if (named[i]!.end <= f.end) {
        inner = named[i];
        break;
      }
    }
    if (!inner) return f;
    let cut = -1;
    for (const m of text.slice(f.start, inner.start).matchAll(ADJUNCT_RE)) cut = f.start + m.index;
    return cut > 0 && /\S[ \u00a0]+\S/u.test(text.slice(f.start, cut)) ? { ...f, end: cut } : f;
  });
}
