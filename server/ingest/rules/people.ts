import { DEPUTY_RE, FORMER_RE, GIVEN_NAMES, NAME_PARTICLES, NOT_NAMES, SPEECH_VERB_RE, TITLE_HEAD_RE, TITLE_MODIFIER_RE, kindOfOrgWord } from './lexicon';
import type { Doc } from './segment';

/**
 * People named in the text, found by the contexts Swedish news introduces them in: a speech verb
 * ("…, säger Anna Eriksson"), a title before or after the name ("generaldirektör Anna Eriksson",
 * "Anna Eriksson, generaldirektör för …"), "enligt …", a byline, a party label, or a common given name.
 */

/** One place the text names a person, with where a title stands if the context gives one. */
export interface PersonHit {
  start: number;
  end: number;
  name: string;
  rule: string;
  confidence: number;
  /** Where a title phrase starts ("ordförande för SKL", "SKL:s ordförande"), if the context has one. */
  titleStart?: number;
  /** Whether the title stands before the name ("civilminister Ardalan Shekarabi"). */
  titleBefore?: boolean;
  /** Whether the context says this person speaks (a speech verb attributes words to them). */
  speaks?: boolean;
}

const SP = '[ \\u00a0]+';
const NAME_WORD = "(?:\\p{Lu}['’])?\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?(?:-\\p{Lu}\\p{Ll}+)*";
const PARTICLE = `(?:${NAME_PARTICLES.join('|')})`;
/** Two to four capitalised words, lower-case particles allowed between them ("Ulf von Sydow"). */
export const PERSON_RE = `${NAME_WORD}(?:${SP}(?:${PARTICLE}${SP})*${NAME_WORD}){1,3}`;
/** A title, optionally after an organisation in the genitive ("SKL:s ordförande", "Lantmäteriets generaldirektör"). */
const TITLE_PRE = `(?<!${FORMER_RE}${SP})(?:[\\p{L}\\d]+(?::s|s)${SP})?(?:${TITLE_MODIFIER_RE}${SP})?(?:${DEPUTY_RE}${SP})?(?:${TITLE_HEAD_RE})`;
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\d])';

const P_SPEECH = new RegExp(`${NOT_LETTER_BEFORE}(?:${SPEECH_VERB_RE})${SP}(?:(${TITLE_PRE})${SP})?(${PERSON_RE})${NOT_LETTER_AFTER}`, 'gu');
const P_SUBJECT_SPEECH = new RegExp(`(${PERSON_RE})${SP}(?:${SPEECH_VERB_RE})${NOT_LETTER_AFTER}`, 'gu');
const P_TITLE_AFTER = new RegExp(`(${PERSON_RE})(,?${SP}(?:(?:som${SP})?(?:är|var|blir|blev)${SP})?)(?=(?:${TITLE_MODIFIER_RE}${SP})?(?:${DEPUTY_RE}${SP})?(?:${TITLE_HEAD_RE})${NOT_LETTER_AFTER})`, 'gu');
const P_TITLE_BEFORE = new RegExp(`${NOT_LETTER_BEFORE}(${TITLE_PRE})${SP}(${PERSON_RE})${NOT_LETTER_AFTER}`, 'gu');
const P_COPULA = new RegExp(`${NOT_LETTER_BEFORE}(${TITLE_HEAD_RE})${SP}(?:för|i|på|vid|hos)${SP}[^,.;:\\n]{2,80}?${SP}(?:blir|blev|är|var|heter)${SP}(${PERSON_RE})${NOT_LETTER_AFTER}`, 'gu');
const P_ENLIGT = new RegExp(`${NOT_LETTER_BEFORE}[Ee]nligt${SP}(?:(${TITLE_PRE})${SP})?(${PERSON_RE})${NOT_LETTER_AFTER}`, 'gu');
const P_BYLINE = new RegExp(`^[ \\t]*(?:Text|Av|Skribent|Reporter|Författare)(?::[ \\t]*|${SP})(${PERSON_RE})[ \\t]*$`, 'gmu');
const P_PARTY = new RegExp(`(${PERSON_RE})${SP}\\((?:S|M|C|L|KD|V|MP|SD)\\)`, 'gu');
const P_ANY_NAME = new RegExp(`${NOT_LETTER_BEFORE}${PERSON_RE}${NOT_LETTER_AFTER}`, 'gu');

const PARTICLES = new Set(NAME_PARTICLES);

/** Whether a candidate reads as a person's name: no word that starts sentences or names places, no organisation ending. */
export function looksLikePersonName(name: string, isOtherEntityName: (name: string) => boolean): boolean {
  const words = name.split(/\s+/).filter((w) => !PARTICLES.has(w));
  if (words.length < 2) return false;
  if (words.some((w) => NOT_NAMES.has(w) || kindOfOrgWord(w) !== null)) return false;
  if (isOtherEntityName(name) || words.some((w) => isOtherEntityName(w))) return false;
  return true;
}

/** Drops leading words that are not part of a name ("Nu Anna Eriksson" → "Anna Eriksson") for the given-name rule. */
function trimToGivenName(text: string, start: number): { start: number; name: string } | null {
  const words = text.split(/(\s+)/);
  let offset = 0;
  for (let i = 0; i < words.length; i += 2) {
    const w = words[i]!;
    const rest = words.slice(i).join('');
    const first = w.split('-')[0]!;
    if (GIVEN_NAMES.has(w) || GIVEN_NAMES.has(first)) return rest.trim().split(/\s+/).length >= 2 ? { start: start + offset, name: rest } : null;
    offset += w.length + (words[i + 1]?.length ?? 0);
  }
  return null;
}

/** Every place the text names a person by one of the contexts above; the same name may be hit several times. */
export function findPersonHits(doc: Doc, isOtherEntityName: (name: string) => boolean): PersonHit[] {
  const text = doc.text;
  const hits: PersonHit[] = [];
  const push = (hit: PersonHit): void => {
    // A capitalised sentence opener swallowed by the name pattern ("Enligt Johanna Svensson") is dropped.
    let { start, name } = hit;
    for (let first = /^(\S+)[ \u00a0]+/u.exec(name); first && NOT_NAMES.has(first[1]!); first = /^(\S+)[ \u00a0]+/u.exec(name)) {
      start += first[0].length;
      name = name.slice(first[0].length);
    }
    if (looksLikePersonName(name, isOtherEntityName)) hits.push({ ...hit, start, name });
  };
  const groupStart = (m: RegExpExecArray, group: number): number => {
    const g = m[group]!;
    // The group is the last occurrence of its text inside the match (names follow their context).
    return m.index + m[0].lastIndexOf(g);
  };

  for (const m of text.matchAll(P_SPEECH)) {
    const name = m[2]!;
    const start = groupStart(m, 2);
    const title = m[1];
    push({ start, end: start + name.length, name, rule: 'person.speech-verb', confidence: 0.9, speaks: true, ...(title ? { titleStart: m.index + m[0].indexOf(title), titleBefore: true } : {}) });
  }
  for (const m of text.matchAll(P_SUBJECT_SPEECH)) {
    const name = m[1]!;
    push({ start: m.index, end: m.index + name.length, name, rule: 'person.subject-speech-verb', confidence: 0.85, speaks: true });
  }
  for (const m of text.matchAll(P_TITLE_AFTER)) {
    const name = m[1]!;
    const comma = m[2]!.startsWith(',');
    push({ start: m.index, end: m.index + name.length, name, rule: comma ? 'person.name-comma-title' : 'person.name-title', confidence: comma ? 0.85 : 0.75, titleStart: m.index + m[0].length, titleBefore: false });
  }
  for (const m of text.matchAll(P_TITLE_BEFORE)) {
    const name = m[2]!;
    const start = groupStart(m, 2);
    push({ start, end: start + name.length, name, rule: 'person.title-name', confidence: 0.85, titleStart: m.index, titleBefore: true });
  }
  for (const m of text.matchAll(P_COPULA)) {
    const name = m[2]!;
    const start = groupStart(m, 2);
    push({ start, end: start + name.length, name, rule: 'person.title-copula', confidence: 0.8, titleStart: m.index, titleBefore: true });
  }
  for (const m of text.matchAll(P_ENLIGT)) {
    const name = m[2]!;
    const start = groupStart(m, 2);
    const title = m[1];
    push({ start, end: start + name.length, name, rule: 'person.enligt', confidence: 0.8, ...(title ? { titleStart: m.index + m[0].indexOf(title), titleBefore: true } : {}) });
  }
  for (const m of text.matchAll(P_BYLINE)) {
    const name = m[1]!;
    const start = groupStart(m, 1);
    push({ start, end: start + name.length, name, rule: 'person.byline', confidence: 0.85 });
  }
  for (const m of text.matchAll(P_PARTY)) {
    const name = m[1]!;
    push({ start: m.index, end: m.index + name.length, name, rule: 'person.party', confidence: 0.85 });
  }
  for (const m of text.matchAll(P_ANY_NAME)) {
    const trimmed = trimToGivenName(m[0], m.index);
    if (trimmed) push({ start: trimmed.start, end: trimmed.start + trimmed.name.length, name: trimmed.name, rule: 'person.given-name', confidence: 0.6 });
  }
  return hits;
}
