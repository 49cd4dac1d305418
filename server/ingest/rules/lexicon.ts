/**
 * Word lists of Swedish news language that the rules lean on: speech verbs, titles, organisation name
 * patterns, month names and common given names. They describe the language, not any one article.
 */

/** Verbs that attribute speech in news text ("…, säger Anna Eriksson"), present and past tense. */
export const SPEECH_VERBS = [
  'säger', 'sa', 'sade', 'berättar', 'berättade', 'menar', 'menade', 'konstaterar', 'konstaterade', 'förklarar', 'förklarade',
  'fortsätter', 'fortsatte', 'understryker', 'underströk', 'betonar', 'betonade', 'påpekar', 'påpekade', 'framhåller', 'framhöll',
  'tycker', 'tyckte', 'anser', 'ansåg', 'svarar', 'svarade', 'tror', 'trodde', 'avslutar', 'avslutade', 'uppger', 'uppgav',
  'hävdar', 'hävdade', 'kommenterar', 'kommenterade', 'poängterar', 'poängterade', 'varnar', 'varnade', 'tillägger', 'tillade',
  'medger', 'medgav', 'summerar', 'summerade', 'skriver', 'skrev', 'säjer', 'frågar', 'frågade', 'understryker', 'resonerar',
] as const;

export const SPEECH_VERB_RE = SPEECH_VERBS.join('|');

/** Role kinds of the model (server/seed/model.ts KINDS.Role) that a title maps to. */
export type RoleKind = 'chair' | 'minister' | 'director-general' | 'head-of-department' | 'study-lead';

/**
 * The kind of role a title names, or null when the title is a job description without a role of the model
 * ("handläggare", "strateg"); those place a person at an organisation without a role (AFFILIATED_WITH).
 * Compounds are read by their head: "förbundsordförande" is a chair, "digitaliseringsminister" a minister.
 */
export function roleKindOfTitle(title: string): RoleKind | null {
  const t = title.toLowerCase();
  const words = t.split(/\s+/);
  const written = (/^(?:vice|biträdande|ställföreträdande|tillförordnad|t\.f\.)$/.test(words[0] ?? '') ? words[1] : words[0]) ?? t;
  // The definite form names the same title: "generaldirektören", "ordföranden", "ministern", "chefen".
  const head = written.replace(/(?<=(?:ör|ande|ster|chef|råd))(?:en|n|et)$/, '');
  if (/ordförande$/.test(head) || head === 'ordf') return 'chair';
  if (/minister$/.test(head) || head === 'statsråd' || head === 'statsrådet') return 'minister';
  if (head === 'generaldirektör' || head === 'gd' || head === 'överdirektör' || head === 'landshövding' || head === 'vd' || t.startsWith('verkställande direktör') || /direktör$/.test(head))
    return 'director-general';
  if (/chef$/.test(head) || head === 'chef') return 'head-of-department';
  if (head === 'ansvarig' || head === 'projektledare' || head === 'studieledare' || head === 'utredare' || t.startsWith('särskild utredare') || head === 'projektansvarig')
    return 'study-lead';
  return null;
}

/** Titles that place a person at an organisation but are not roles of the model. */
export const JOB_TITLES = [
  'handläggare', 'strateg', 'samordnare', 'analytiker', 'expert', 'specialist', 'rådgivare', 'jurist', 'arkitekt', 'forskare',
  'professor', 'talesperson', 'pressekreterare', 'kommunikatör', 'statssekreterare', 'sakkunnig', 'utvecklare', 'konsult',
  'medarbetare', 'koordinator', 'controller', 'ekonom', 'politiker', 'kommunalråd', 'riksdagsledamot', 'ledamot', 'sekreterare',
  'huvudsekreterare', 'generalsekreterare', 'docent', 'lektor', 'doktorand', 'ombudsman', 'rektor', 'kanslichef',
];

/** A word with its first letter in either case, as a regular-expression fragment. */
function eitherCase(word: string): string {
  const first = word.charAt(0);
  return `[${first}${first.toUpperCase()}]${word.slice(1)}`;
}

/** Words that end compound titles ("enhetschef", "digitaliseringsminister", "förbundsordförande", "IT-strateg"). */
const TITLE_ENDINGS = [
  'ordförande', 'minister', 'direktör', 'chef', 'ledare', 'strateg', 'samordnare', 'handläggare', 'ansvarig', 'utredare', 'analytiker',
  'rådgivare', 'sekreterare', 'expert', 'specialist', 'jurist', 'arkitekt', 'forskare', 'kommunikatör', 'talesperson', 'koordinator',
];
/** Titles that stand only as whole words. */
const TITLE_WORDS = [
  'generaldirektör', 'gd', 'vd', 'statsråd', 'professor', 'docent', 'kommunalråd', 'ledamot', 'rektor', 'landshövding', 'ombudsman',
  'konsult', 'ekonom', 'controller', 'medarbetare', 'politiker', 'sakkunnig', 'verkställande direktör', 'vice ordförande',
];

/**
 * Heads of titles, as a regular-expression alternative: a title starts with one of these, or is a compound
 * ending in one. The first letter may be upper case where a sentence starts ("Ordförande i …").
 */
export const TITLE_HEAD_RE = [
  `(?:[\\p{L}]+-)?(?:\\p{L}\\p{Ll}*)?(?:${TITLE_ENDINGS.join('|')})(?:en|n)?`,
  ...TITLE_ENDINGS.map((w) => `${eitherCase(w)}(?:en|n)?`),
  ...TITLE_WORDS.map((w) => `${eitherCase(w)}(?:en|n|et)?`),
  'VD',
  'GD',
].join('|');

/** Words that make a title a deputy's, part of the title ("vice ordförande", "biträdande generaldirektör"). */
export const DEPUTY_RE = '(?:[Vv]ice|[Bb]iträdande|[Ss]tällföreträdande|[Tt]illförordnad|t\\.f\\.)';

/** Words before a title that do not change the role ("ny generaldirektör", "nytillträdda ordföranden"). */
export const TITLE_MODIFIER_RE = '(?:ny|nya|nye|nytillträdd|nytillträdda|nytillträdde|tillträdande|nyutnämnd|nyutnämnda|nyvald|nyvalda)';
/** Words that make a title a former one ("förre generaldirektören"): no current role is read from it. */
export const FORMER_RE = '(?:[Tt]idigare|[Ff]örre|[Ff]öre detta|f\\.d\\.|[Dd]åvarande|[Aa]vgående|[Aa]vgångne|[Ff]örutvarande)';

/** Prepositions that tie a title to its organisation ("generaldirektör för Lantmäteriet", "strateg på Inera"). */
export const ORG_PREPOSITIONS = ['för', 'på', 'vid', 'hos', 'i', 'inom'] as const;

/** Actor kinds (server/seed/model.ts KINDS.Actor) that organisation patterns propose. */
export type ActorKind = 'agency' | 'ministry' | 'municipality' | 'company' | 'association' | 'committee' | 'inquiry' | 'network' | 'forum' | 'government-unit';

/**
 * Endings of one-word organisation names ("Skatteverket", "Finansdepartementet") with the kind they suggest.
 * The name must be capitalised and longer than its ending, so "verket" or "Styrelsen" alone never match.
 */
export const ORG_SUFFIXES: readonly (readonly [string, ActorKind])[] = [
  ['departementet', 'ministry'],
  ['verket', 'agency'],
  ['styrelsen', 'agency'],
  ['nämnden', 'agency'],
  ['inspektionen', 'agency'],
  ['myndigheten', 'agency'],
  ['kollegiet', 'agency'],
  ['kassan', 'agency'],
  ['förmedlingen', 'agency'],
  ['mäteriet', 'agency'],
  ['institutet', 'agency'],
  ['byrån', 'agency'],
  ['rådet', 'agency'],
  ['ombudsmannen', 'agency'],
  ['revisionen', 'agency'],
  ['polisen', 'agency'],
  ['domstolen', 'agency'],
  ['centret', 'agency'],
  ['centrum', 'agency'],
  ['akademien', 'agency'],
  ['fonden', 'agency'],
  ['kommissionen', 'committee'],
  ['kommittén', 'committee'],
  ['delegationen', 'committee'],
  ['utredningen', 'inquiry'],
  ['förbundet', 'association'],
  ['föreningen', 'association'],
  ['nätverket', 'network'],
  ['forum', 'forum'],
  ['forumet', 'forum'],
];

/** The Actor kind a one-word name's ending suggests, or null when it has none of the endings. */
export function kindOfOrgWord(word: string): ActorKind | null {
  const lower = word.toLowerCase();
  for (const [suffix, kind] of ORG_SUFFIXES) {
    if (lower.endsWith(suffix) && lower.length >= suffix.length + 3) return kind;
  }
  return null;
}

/**
 * Definite common nouns that refer back to an organisation of a kind ("myndigheten" → the agency last
 * named). Only resolved when such an organisation was named shortly before.
 */
export const ANAPHORS: Readonly<Record<string, { labels: readonly string[]; kinds: readonly string[] }>> = {
  myndigheten: { labels: ['Actor'], kinds: ['agency'] },
  verket: { labels: ['Actor'], kinds: ['agency'] },
  departementet: { labels: ['Actor'], kinds: ['ministry'] },
  förbundet: { labels: ['Actor'], kinds: ['association'] },
  föreningen: { labels: ['Actor'], kinds: ['association'] },
  organisationen: { labels: ['Actor'], kinds: ['association', 'agency', 'company', 'network', 'forum'] },
  bolaget: { labels: ['Actor'], kinds: ['company'] },
  företaget: { labels: ['Actor'], kinds: ['company'] },
  kommunen: { labels: ['Actor'], kinds: ['municipality'] },
  utredningen: { labels: ['Actor'], kinds: ['inquiry'] },
  utredaren: { labels: ['Actor'], kinds: ['inquiry'] },
  kommittén: { labels: ['Actor'], kinds: ['committee'] },
  nätverket: { labels: ['Actor'], kinds: ['network'] },
  rapporten: { labels: ['Document'], kinds: ['report', 'interim-report', 'final-report'] },
  betänkandet: { labels: ['Document'], kinds: ['report', 'interim-report', 'final-report'] },
  delbetänkandet: { labels: ['Document'], kinds: ['interim-report'] },
  slutbetänkandet: { labels: ['Document'], kinds: ['final-report'] },
  studien: { labels: ['Agreement'], kinds: ['joint-study'] },
  överenskommelsen: { labels: ['Agreement'], kinds: ['handshake', 'joint-study', 'initiative'] },
};

/** Swedish month names and their common abbreviations, 1-based. */
export const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, februari: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6, juli: 7, jul: 7,
  augusti: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** Name particles written in lower case inside a person's name ("Ulf von Sydow", "Anna af Klint"). */
export const NAME_PARTICLES = ['von', 'af', 'av', 'van', 'de', 'der', 'den', 'da', 'di', 'la', 'le', 'zu'];

/** Common women's given names in Sweden; with the men's below, for "hon"/"han" and for names no stronger context introduces. */
export const FEMALE_NAMES = new Set(
  `Agneta Agnes Alice Alma Amanda Ann Anna Anne Anneli Annie Annika Ann-Sofie Anna-Karin Astrid Barbro Berit Birgitta Britt Camilla
  Carina Caroline Catharina Cecilia Charlotte Christina Ebba Elin Elisabet Elisabeth Ella Ellen Elsa Emelie Emilia Emma Eva Eva-Lena
  Evelina Fatima Fredrika Frida Gertrud Gunilla Hanna Helen Helena Helene Hillevi Ida Inger Ingela Ingrid Jenny Jessica Johanna Josefin
  Julia Karin Katarina Kerstin Klara Kristina Leila Lena Lina Linda Linnea Lisa Lisbeth Lotta Louise Lovisa Magdalena Maja Malin
  Margareta Maria Marianne Marie Matilda Mia Mona Monica Monika Märta Nina Olivia Pia Ronja Sanna Sara Sofia Sofie Stina Susanne
  Therese Tove Ulla Ulrika Veronica Veronika Viktoria Wilma Ylva Yvonne Åsa Alva Camilla Jeanette Marita Marie-Louise`
    .split(/\s+/)
    .filter(Boolean),
);

export const MALE_NAMES = new Set(
  `Ahmed Alexander Ali Allan Anders Andreas Anton Arne Axel Bengt Björn Bo Carl Christer Christian Claes Dan Daniel David Edvard
  Emanuel Emil Erik Fredrik Gabriel Gunnar Gustaf Gustav Göran Hans Hans-Olof Harald Henrik Hugo Ingemar Isak Jakob Jan Jan-Erik Janne
  Jens Jesper Jimmie Joakim Johan Johannes John Jonas Jonathan Jonny Karl Karl-Johan Kenneth Kim Kjell Lars Lars-Erik Leif Lennart
  Magnus Marcus Mark Markus Martin Mats Mattias Max Michael Mikael Mohammed Morgan Nicklas Niklas Nils Ola Olle Olof Oscar Oskar Ove
  Patrik Per Per-Olof Peter Rasmus Robert Robin Roger Rolf Sebastian Simon Stefan Sten Sven Sören Thomas Tobias Tomas Tommy Torbjörn
  Ulf Victor Viktor Wilhelm Yusuf Åke Örjan Anders Ibrahim Omar Hassan Mehmet Lars-Göran Jan-Olof`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Common given names in Sweden. Used only to lift confidence, or to accept a name that no stronger context
 * introduces ("Lena Micko och Ardalan Shekarabi."); people introduced by a speech verb or a title need no list.
 */
export const GIVEN_NAMES = new Set([...FEMALE_NAMES, ...MALE_NAMES]);

/** "hon", "han" or null: what a given name tells of the pronoun that refers back to its bearer. */
export function pronounOf(fullName: string): 'hon' | 'han' | null {
  const first = fullName.split(/\s+/)[0] ?? '';
  if (FEMALE_NAMES.has(first)) return 'hon';
  if (MALE_NAMES.has(first)) return 'han';
  return null;
}

/** Capitalised words that start sentences or name things, never a person's given name. */
export const NOT_NAMES = new Set(
  `Den Det De Detta Denna Dessa Där Här Han Hon Vi Ni Jag Man Men Och Att Som När Om Med För Från Till Enligt Under Efter Inför
  Sverige Sveriges Regeringen Riksdagen Statens Region Regionen Kommun Kommunen Myndigheten Text Foto Bild Publicerad Uppdaterad Nyhet
  Måndag Tisdag Onsdag Torsdag Fredag Lördag Söndag Januari Februari Mars April Maj Juni Juli Augusti September Oktober November December
  Läs Länk Tillbaka Sidan Postadress Tel Telefon E-post Dessutom Samtidigt Även Också Nu Idag Igår Ny Nya Nytt Stockholm Göteborg Malmö Europa`
    .split(/\s+/)
    .filter(Boolean),
);
