import { GIVEN_NAMES, NOT_NAMES, kindOfOrgWord, type ActorKind } from './lexicon';
import { isSentenceInitial, type Doc } from './segment';
import { isAcronym } from './text';

/**
 * Organisations the text names by the patterns Swedish uses for them: "Myndigheten för …", "Statens …",
 * one-word names ending in "-verket", "-departementet", "-nämnden" …, "Region X", "X kommun",
 * "X AB", "Sveriges X och Y", and a long name followed by its acronym in parentheses.
 */

/** One place the text names an organisation by a pattern. */
export interface OrgHit {
  start: number;
  end: number;
  /** The name in its base form (a genitive "s" dropped). */
  name: string;
  kind: ActorKind;
  rule: string;
  confidence: number;
}

/** "Long Name (ACR)": the text defines ACR as Long Name, and both name one organisation. */
export interface AcronymDefinition {
  acronym: string;
  acronymStart: number;
  longStart: number;
  longEnd: number;
  longName: string;
}

const SP = '[ \\u00a0]+';
const CAP_WORD = '\\p{Lu}[\\p{L}\\d-]*';
/** Lower-case words that may continue a descriptive name ("för digital förvaltning", "och beredskap"). */
const STOP_WORDS = new Set(
  `har hade är var ska skall skulle kommer kan kunde vill ville får fick blir blev som att med på i om till från vid under efter genom
  den det de en ett inte också även samt men eller där när då sedan redan nu idag ocksa betonar säger menar anser sa sade visar pekar
  tar ger gav ser kräver behöver måste bör står ligger finns fanns gör gjorde arbetar jobbar lämnar lämnade presenterade presenterar
  publicerade publicerar analyserar analyserade vara bli bliva ha göra gå komma ligga stå placeras inrättas bildas startar startade`.split(/\s+/),
);

/** Extends a descriptive name ("Myndigheten för") over following lower-case words, up to `maxWords`, stopping at verbs and function words. */
export function extendLower(text: string, from: number, maxWords = 5): number {
  let end = from;
  let words = 0;
  const re = /[ \u00a0]+(\p{Ll}[\p{L}\d-]*)/uy;
  re.lastIndex = end;
  for (let m = re.exec(text); m && words < maxWords; m = re.exec(text)) {
    const w = m[1]!;
    if (STOP_WORDS.has(w)) {
      // "och" may join two parts of a name ("Myndigheten för samhällsskydd och beredskap").
      if (w !== 'och') break;
    }
    end = re.lastIndex;
    words++;
    re.lastIndex = end;
  }
  // A name does not end on "och".
  const tail = text.slice(from, end);
  const trimmed = tail.replace(/[ \u00a0]+och$/u, '');
  return from + trimmed.length;
}

/** The base form of an organisation name written in the genitive ("Skatteverkets" → "Skatteverket"). */
export function baseForm(word: string): string {
  return /(?:et|en|n|t)s$/.test(word) && kindOfOrgWord(word.slice(0, -1)) ? word.slice(0, -1) : word;
}

/** Whether `word` also occurs in lower case in the text, i.e. is a common noun ("Utredningen" at a sentence start). */
function isCommonNoun(text: string, word: string): boolean {
  const lower = word.charAt(0).toLowerCase() + word.slice(1);
  return new RegExp(`(?<![\\p{L}])${lower}(?![\\p{L}])`, 'u').test(text);
}

/** Organisations named by a pattern; overlapping hits are left for the caller to settle. */
export function findOrgHits(doc: Doc): OrgHit[] {
  const text = doc.text;
  const hits: OrgHit[] = [];

  // "Myndigheten för …", "Statens …", "Enheten för …", "Utredningen om …": a capitalised head and a lower-case description.
  const described: [RegExp, ActorKind, string][] = [
    [/(?<![\p{L}])Myndigheten för(?=[ \u00a0]\p{Ll})/gu, 'agency', 'org.myndigheten-for'],
    [/(?<![\p{L}])Statens(?=[ \u00a0]\p{Ll})/gu, 'agency', 'org.statens'],
    [/(?<![\p{L}])(?:Enheten|Avdelningen|Sektionen) för(?=[ \u00a0]\p{Ll})/gu, 'government-unit', 'org.enheten-for'],
    [/(?<![\p{L}])Utredningen (?:om|för)(?=[ \u00a0]\p{Ll})/gu, 'inquiry', 'org.utredningen-om'],
    [/(?<![\p{L}])(?:Kommittén|Delegationen|Rådet) för(?=[ \u00a0]\p{Ll})/gu, 'committee', 'org.kommitten-for'],
  ];
  for (const [re, kind, rule] of described) {
    for (const m of text.matchAll(re)) {
      const end = extendLower(text, m.index + m[0].length);
      if (end === m.index + m[0].length) continue;
      const sentenceStart = isSentenceInitial(doc, m.index);
      hits.push({ start: m.index, end, name: text.slice(m.index, end), kind, rule, confidence: sentenceStart ? 0.6 : 0.75 });
    }
  }

  // One-word names by their ending: "Skatteverket", "Finansdepartementet", "Myndighetsnätverket".
  for (const m of text.matchAll(/(?<![\p{L}\d-])\p{Lu}(?:-?\p{Ll})+(?![\p{L}\d-])/gu)) {
    const word = m[0];
    const base = baseForm(word);
    const kind = kindOfOrgWord(base);
    if (!kind) continue;
    if (isSentenceInitial(doc, m.index) && isCommonNoun(text, base)) continue;
    hits.push({ start: m.index, end: m.index + word.length, name: base, kind, rule: 'org.suffix', confidence: 0.7 });
  }

  // "Region Västernorrland", "Munkedals kommun", "Göteborgs stad", "Länsstyrelsen i Västernorrland".
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])Region${SP}\\p{Lu}\\p{Ll}+(?:${SP}\\p{Lu}\\p{Ll}+)?(?![\\p{L}])`, 'gu'))) {
    hits.push({ start: m.index, end: m.index + m[0].length, name: m[0], kind: 'municipality', rule: 'org.region', confidence: 0.8 });
  }
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?${SP}(?:kommun|stad)(?![\\p{L}])`, 'gu'))) {
    if (isSentenceInitial(doc, m.index) && /^(?:Varje|Denna|Vilken|Vår|En|Den|Hela|Samma|Ingen|Annan)\s/u.test(m[0])) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, name: m[0], kind: 'municipality', rule: 'org.kommun', confidence: 0.8 });
  }
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])Länsstyrelsen${SP}i${SP}\\p{Lu}\\p{Ll}+(?:${SP}\\p{Lu}\\p{Ll}+)?(?![\\p{L}])`, 'gu'))) {
    hits.push({ start: m.index, end: m.index + m[0].length, name: m[0], kind: 'agency', rule: 'org.lansstyrelsen', confidence: 0.85 });
  }

  // "Sveriges Kommuner och Regioner", "Sveriges Ingenjörer": a national association by its capitalised name.
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])Sveriges${SP}\\p{Lu}\\p{Ll}+(?:${SP}(?:och${SP})?\\p{Lu}\\p{Ll}+){0,3}(?![\\p{L}])`, 'gu'))) {
    hits.push({ start: m.index, end: m.index + m[0].length, name: m[0], kind: 'association', rule: 'org.sveriges', confidence: 0.7 });
  }

  // "Inera AB", "SKL Kommentus AB", "Svensk Energi Aktiebolag".
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])(?:${CAP_WORD}${SP}){1,4}(?:AB|Aktiebolag|(?:\\(publ\\)))(?![\\p{L}])`, 'gu'))) {
    let start = m.index;
    let name = m[0];
    // Words before the name that are not part of it: a sentence opener ("Nu Inera AB") or a description
    // compounded in lower case ("IT-företaget Tieto Evry AB").
    let words = name.split(/[ \u00a0]+/);
    while (words.length > 2 && (/-\p{Ll}+$/u.test(words[0]!) || NOT_NAMES.has(words[0]!) || (isSentenceInitial(doc, start) && isCommonNoun(text, words[0]!)))) {
      start += name.indexOf(words[1]!, words[0]!.length);
      name = text.slice(start, m.index + m[0].length);
      words = name.split(/[ \u00a0]+/);
    }
    hits.push({ start, end: m.index + m[0].length, name, kind: 'company', rule: 'org.ab', confidence: 0.85 });
  }
  // "SKL Kommentus", "SOS Alarm": an acronym and a capitalised word form the name of another organisation.
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\d])\\p{Lu}[\\p{Lu}\\d]{1,9}${SP}(\\p{Lu}\\p{Ll}{2,})(?![\\p{L}\\d])`, 'gu'))) {
    const second = m[1]!;
    if (NOT_NAMES.has(second) || GIVEN_NAMES.has(second)) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, name: m[0], kind: kindOfOrgWord(second) ?? 'company', rule: 'org.acronym-name', confidence: 0.6 });
  }
  return hits;
}

/**
 * Capitalised names coordinated with a known organisation ("SKL, Inera och SKL Kommentus"): the list
 * joins things of one sort, so an unknown name in it is proposed as an organisation of its neighbour's kind.
 */
export function findCoordinatedOrgs(doc: Doc, actorSpans: readonly { start: number; end: number; kind: string }[], covered: (start: number, end: number) => boolean): OrgHit[] {
  const text = doc.text;
  const out: OrgHit[] = [];
  const joiner = `(?:,${SP}|${SP}(?:och|samt|eller)${SP})`;
  const name = '\\p{Lu}[\\p{L}\\d-]+(?:[ \\u00a0]\\p{Lu}[\\p{L}\\d-]+){0,2}';
  for (const a of actorSpans) {
    // After a comma the name must go on to another item ("SKL, Inera och …"), or it may be an address ("…, Forum,").
    const after = new RegExp(`^(?:${SP}(?:och|samt|eller)${SP}(${name})(?![\\p{L}\\d])|,${SP}(${name})(?=,${SP}\\p{L}|${SP}(?:och|samt|eller)${SP}))`, 'u').exec(
      text.slice(a.end, a.end + 80),
    );
    const before = new RegExp(`(?<![\\p{L}\\d])(${name})${joiner}$`, 'u').exec(text.slice(Math.max(0, a.start - 80), a.start));
    const spans: { start: number; end: number }[] = [];
    if (after) {
      const written = after[1] ?? after[2]!;
      spans.push({ start: a.end + after[0].length - written.length, end: a.end + after[0].length });
    }
    if (before) {
      const start = a.start - before[0].length;
      spans.push({ start, end: start + before[1]!.length });
    }
    for (const sp of spans) {
      const written = text.slice(sp.start, sp.end);
      const words = written.split(/\s+/);
      if (covered(sp.start, sp.end) || isSentenceInitial(doc, sp.start)) continue;
      if (words.some((w) => NOT_NAMES.has(w)) || GIVEN_NAMES.has(words[0]!)) continue;
      // "SKR-kansliet", "Digg-rapporten": a compound with a common-noun head is not a name, unless the head is an organisation's.
      if (/-\p{Ll}/u.test(written) && !kindOfOrgWord(words[words.length - 1]!)) continue;
      const kind = (kindOfOrgWord(words[words.length - 1]!) ?? (isOrgKind(a.kind) ? a.kind : 'agency')) as ActorKind;
      out.push({ ...sp, name: written, kind, rule: 'org.coordinated', confidence: 0.5 });
    }
  }
  return out;
}

const ORG_KINDS = new Set(['agency', 'ministry', 'municipality', 'company', 'association', 'committee', 'inquiry', 'network', 'forum', 'government-unit']);
function isOrgKind(kind: string): kind is ActorKind {
  return ORG_KINDS.has(kind);
}

/** Function words that may sit inside a long name without an initial in its acronym. */
const NAME_GLUE = new Set(['och', 'för', 'i', 'av', 'om', 'på', 'med', 'till', 'de', 'det', 'den']);

/** The initials of a name's content words ("Statens kriminaltekniska laboratorium" → "SKL"). */
function initials(words: string[]): string {
  return words
    .filter((w) => !NAME_GLUE.has(w.toLowerCase()))
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

/**
 * "Long Name (ACR)" definitions. The long name is the run of words before the parenthesis, in the same
 * clause, whose initials spell the acronym; failing that, the run from the nearest capitalised word that
 * opens a name pattern ("Myndigheten för digital förvaltning (DIGG)").
 */
export function findAcronymDefinitions(doc: Doc): AcronymDefinition[] {
  const text = doc.text;
  const out: AcronymDefinition[] = [];
  for (const m of text.matchAll(/\(([\p{Lu}][\p{Lu}\d]{1,9})\)/gu)) {
    const acronym = m[1]!;
    if (!isAcronym(acronym)) continue;
    const before = text.slice(Math.max(0, m.index - 160), m.index);
    const clause = /[^,.;:!?\n()–]*$/u.exec(before)![0];
    const clauseStart = m.index - clause.length;
    const wordRe = /[\p{L}\d][\p{L}\d-]*/gu;
    const words: { w: string; start: number; end: number }[] = [];
    for (const w of clause.matchAll(wordRe)) words.push({ w: w[0], start: clauseStart + w.index, end: clauseStart + w.index + w[0].length });
    if (!words.length) continue;
    const end = words[words.length - 1]!.end;
    let chosen = -1;
    for (let i = words.length - 1; i >= 0 && i >= words.length - 10; i--) {
      if (initials(words.slice(i).map((x) => x.w)) === acronym && /^\p{Lu}/u.test(words[i]!.w)) {
        chosen = i;
        break;
      }
    }
    if (chosen < 0) {
      for (let i = words.length - 1; i >= 0 && i >= words.length - 8; i--) {
        const w = words[i]!.w;
        if (/^\p{Lu}/u.test(w) && (kindOfOrgWord(w) || /^(?:Myndigheten|Statens|Sveriges|Enheten|Utredningen|Region|Rådet|Kommittén|Delegationen)$/u.test(w))) {
          chosen = i;
          break;
        }
      }
    }
    if (chosen < 0) continue;
    const longStart = words[chosen]!.start;
    out.push({ acronym, acronymStart: m.index + 1, longStart, longEnd: end, longName: text.slice(longStart, end) });
  }
  return out;
}
