/**
 * Swedish inflection of common-noun names ("nationell digital infrastruktur" is also written "den nationella
 * digitala infrastrukturen", "e-legitimation" also "e-legitimationer"). Forms are generated generously:
 * a form Swedish does not use simply never occurs in a text, so over-generation costs nothing but time.
 */

const ARTICLES = new Set(['den', 'det', 'de']);
/** Words that make a phrase something other than adjectives before a noun. */
const FUNCTION_WORDS = new Set(['och', 'för', 'i', 'av', 'om', 'på', 'med', 'till', 'mellan', 'som', 'en', 'ett', 'att', 'inom', 'hos', 'från']);

/** Definite (weak) forms of an adjective: "digital" → "digitala", "gemensam" → "gemensamma", "samordnad" → "samordnade". */
function definiteAdjective(a: string): string[] {
  if (/[ae]$/.test(a)) return [a];
  if (/ad$/.test(a)) return [`${a}e`];
  if (/[^m]m$/.test(a) && /[aeiouyåäö]m$/.test(a)) return [`${a}ma`, `${a}a`];
  if (/en$/.test(a)) return [`${a.slice(0, -2)}na`, `${a}a`];
  if (/el$/.test(a)) return [`${a.slice(0, -2)}la`, `${a}a`];
  return [`${a}a`];
}

/** Indefinite forms of a definite adjective: "offentliga" → "offentlig", "gemensamma" → "gemensam". */
function indefiniteAdjective(a: string): string[] {
  if (/mma$/.test(a)) return [a.slice(0, -2)];
  if (/ade$/.test(a)) return [a.slice(0, -1)];
  if (/a$/.test(a)) return [a.slice(0, -1)];
  return [a];
}

/** Definite singular and plural forms of a noun: "infrastruktur" → "infrastrukturen", "sektor" → "sektorn". */
function nounForms(n: string): string[] {
  if (/[aeiouyåäö]$/.test(n)) return [`${n}n`, `${n}t`, `${n}r`, `${n}rna`];
  if (/(?:el|er|or|ar)$/.test(n)) return [`${n}n`, `${n}en`, `${n}na`];
  return [`${n}en`, `${n}et`, `${n}er`, `${n}ar`, `${n}or`, `${n}erna`, `${n}arna`, `${n}orna`];
}

/** Base forms of a definite noun: "sektorn" → "sektor", "infrastrukturen" → "infrastruktur". */
function nounBases(n: string): string[] {
  const out: string[] = [];
  if (/en$/.test(n)) out.push(n.slice(0, -2), n.slice(0, -1));
  else if (/et$/.test(n)) out.push(n.slice(0, -2), n.slice(0, -1));
  else if (/n$/.test(n)) out.push(n.slice(0, -1));
  return out;
}

/** A form and whether it is definite, i.e. may stand after "den", "det" or "de". */
export interface Form {
  text: string;
  definite: boolean;
}

/**
 * Inflected forms of a lower-case name of adjectives and a noun (one to four words). Plural groups
 * (`collective`) are not turned into a definite singular: "kommunen" is one municipality, not "kommuner".
 */
export function inflections(surface: string, collective: boolean): Form[] {
  let words = surface.split(' ');
  if (words.length > 5 || words.some((w) => FUNCTION_WORDS.has(w)) || !/^\p{Ll}/u.test(surface)) return [];
  const out: Form[] = [];
  if (ARTICLES.has(words[0]!)) {
    words = words.slice(1);
    if (!words.length) return [];
    const noun = words[words.length - 1]!;
    const adjectives = words.slice(0, -1);
    for (const base of nounBases(noun)) {
      for (const adj of combos(adjectives.map(indefiniteAdjective))) out.push({ text: [...adj, base].join(' '), definite: false });
    }
    return out;
  }
  const noun = words[words.length - 1]!;
  const adjectives = words.slice(0, -1);
  const plural = /(?:er|ar|or)$/.test(noun);
  if (collective || plural) {
    if (plural) for (const adj of combos(adjectives.map(definiteAdjective))) out.push({ text: [...adj, `${noun}na`].join(' '), definite: true });
    return out;
  }
  for (const form of nounForms(noun)) {
    const definite = /(?:n|t|na)$/.test(form);
    if (definite) for (const adj of combos(adjectives.map(definiteAdjective))) out.push({ text: [...adj, form].join(' '), definite: true });
    else out.push({ text: [...adjectives, form].join(' '), definite: false });
  }
  return out;
}

/** Every combination of one choice per position. */
function combos(choices: string[][]): string[][] {
  return choices.reduce<string[][]>((acc, options) => acc.flatMap((prefix) => options.map((o) => [...prefix, o])), [[]]);
}
