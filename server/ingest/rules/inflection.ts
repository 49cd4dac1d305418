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
  // "-er", "-ar", "-or" may end a plural ("myndigheter") or a singular ("sektor"): both are generated.
  const plural = /(?:er|ar|or)$/.test(noun);
  if (plural) for (const adj of combos(adjectives.map(definiteAdjective))) out.push({ text: [...adj, `${noun}na`].join(' '), definite: true });
  if (collective) return out;
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

/** Nouns made from verbs ("digitalisering", "samordning", "förvaltning", "utveckling"): they take an object with "av". */
const NOMINALISATION = /(?:ing|tion|sion|ande|ende|else|arbete)$/;
/** Prepositions that tie a process to its domain, interchangeable after a nominalisation ("digitaliseringen i/inom/av offentlig sektor"). */
const DOMAIN_PREPOSITIONS = ['av', 'i', 'inom'];
/** Words after which a descriptive name goes on with a modifier that its head can do without ("… mellan staten och kommunerna"). */
const ADJUNCT_WORDS = new Set(['mellan', 'som', 'i', 'inom']);

/** What kind of thing a name names, as far as its forms go. */
export interface NameOwner {
  label: string;
  kind: string;
}

/**
 * Whether a name is a common-noun phrase rather than a proper name, so that Swedish inflects and rephrases it:
 * a lower-case name, or the display name of a theme, a collective or a service category written in sentence
 * case ("Digitalisering av offentlig sektor", "Statliga myndigheter").
 */
function asCommonNoun(surface: string, owner: NameOwner): string | null {
  if (/^\p{Ll}/u.test(surface)) return surface;
  const words = surface.split(' ');
  const sentenceCase = words.length > 1 && words.slice(1).every((w) => /^[\p{Ll}\d,-]/u.test(w) || /^\p{Lu}[\p{Lu}\d]+[,:]?$/u.test(w));
  if (sentenceCase && (owner.label === 'Topic' || owner.kind === 'collective' || owner.kind === 'service-category')) return surface.charAt(0).toLowerCase() + surface.slice(1);
  return null;
}

/**
 * Every way Swedish news text writes a common-noun name besides as given: definite and plural forms; without
 * an indefinite article ("en samlande digital myndighet" → "samlande digital myndighet"); one adjective of a
 * coordination at a time ("samlande, stödjande och främjande myndighet" → "samlande myndighet"); the first of
 * coordinated nouns with their shared adjective ("gemensam prioritering, takt och finansiering" → "gemensam
 * prioritering"); a theme by its head without a trailing "mellan …", "som …" or "i …" ("återkommande
 * förhandlingar mellan stat och kommun" → "återkommande förhandlingar"); and a nominalisation with its domain in
 * the genitive or after a preposition ("offentlig sektors digitalisering" ↔ "digitaliseringen i/inom/av
 * (den) offentlig(a) sektor(n)"). Forms of one word are left out: alone they name too much.
 */
export function nameForms(surface: string, owner: NameOwner): Form[] {
  const common = asCommonNoun(surface, owner);
  if (!common) return [];
  const collective = owner.kind === 'collective';
  const bases = new Set<string>([common]);
  const bare = common.replace(/^(?:en|ett) /, '');
  if (bare !== common) bases.add(bare);
  if (owner.label === 'Topic') {
    const words = bare.split(' ');
    // "för" opens a purpose the head can do without only after an adjective and a long noun ("nationell
    // kraftsamling för skola …"); after a short one it is the point ("gemensamma mål för …").
    const cut = words.findIndex((w, i) => i >= 2 && (ADJUNCT_WORDS.has(w) || (w === 'för' && i === 2 && words[1]!.length >= 8)));
    if (cut > 0) {
      const head = words.slice(0, cut).join(' ');
      const parts = conjuncts(head);
      if (parts.length) for (const c of parts) bases.add(c);
      else if (!/,| och | samt | eller /.test(head)) bases.add(head);
    }
  }
  for (const b of [...bases]) for (const c of conjuncts(b)) bases.add(c);
  const out: Form[] = [];
  for (const b of bases) {
    if (b !== common) out.push({ text: b, definite: false });
    out.push(...inflections(b, collective), ...domainForms(b));
  }
  const seen = new Set<string>([surface]);
  return out.filter((f) => f.text.includes(' ') && !seen.has(f.text) && (seen.add(f.text), true));
}

/**
 * The single names a coordination stands for: "effektivt och standardiserat informationsutbyte" →
 * "effektivt informationsutbyte", "standardiserat informationsutbyte"; "gemensam prioritering, takt och
 * finansiering" → "gemensam prioritering". Only phrases of content words; anything else is left whole.
 */
function conjuncts(phrase: string): string[] {
  const parts = phrase.split(/, | och | samt | eller /);
  if (parts.length < 2 || parts.some((p) => !p || p.split(' ').some((w) => FUNCTION_WORDS.has(w) || ARTICLES.has(w)))) return [];
  const sizes = parts.map((p) => p.split(' ').length);
  const last = parts[parts.length - 1]!.split(' ');
  // Adjectives coordinated before one noun: every part but the last is one word.
  if (sizes.slice(0, -1).every((n) => n === 1) && last.length >= 2) {
    const noun = last.slice(1).join(' ');
    return [...parts.slice(0, -1), last[0]!].map((adj) => `${adj} ${noun}`);
  }
  // Nouns coordinated after one adjective: the first part has the adjective, the others are bare nouns.
  if (sizes[0]! >= 2 && sizes.slice(1).every((n) => n === 1)) return [parts[0]!];
  return [];
}

/**
 * A nominalisation and its domain, in the genitive or after a preposition: "digitalisering av offentlig sektor"
 * and "offentlig sektors digitalisering" each give "digitaliseringen i offentlig sektor", "digitaliseringen inom
 * den offentliga sektorn", "den offentliga sektorns digitalisering" and so on.
 */
function domainForms(phrase: string): Form[] {
  const words = phrase.split(' ');
  let noun: string;
  let domain: string[];
  const p = words.findIndex((w) => DOMAIN_PREPOSITIONS.includes(w));
  if (p === 1 && NOMINALISATION.test(words[0]!) && words.length >= 3) {
    noun = words[0]!;
    domain = words.slice(2);
  } else if (words.length >= 2 && NOMINALISATION.test(words[words.length - 1]!) && /s$/.test(words[words.length - 2]!) && p < 0) {
    noun = words[words.length - 1]!;
    domain = words.slice(0, -1);
    domain[domain.length - 1] = domain[domain.length - 1]!.slice(0, -1);
  } else return [];
  if (domain.some((w) => FUNCTION_WORDS.has(w) || ARTICLES.has(w)) || domain.length > 3) return [];
  const base = domain.join(' ');
  const domainDefinite = inflections(base, false)
    .filter((f) => f.definite && !/(?:na)$/.test(f.text))
    .flatMap((f) => [f.text, `den ${f.text}`, `det ${f.text}`]);
  const domains = [base, ...domainDefinite];
  const nouns = [noun, ...nounForms(noun).filter((f) => /(?:en|n|et|t)$/.test(f) && !/(?:na)$/.test(f))];
  const out: Form[] = [];
  for (const d of domains) {
    out.push({ text: `${d}s ${noun}`, definite: false });
    for (const n of nouns) for (const prep of DOMAIN_PREPOSITIONS) out.push({ text: `${n} ${prep} ${d}`, definite: false });
  }
  return out;
}
