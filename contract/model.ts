import { z } from 'zod';

/**
 * The one definition of the graph model: node labels and their kinds, id prefixes, fact types with their
 * allowed ends, and every property a fact may carry (typed and documented, per type). The seed validator, the
 * ingest accept path, the reviewer's choices, cypher/README.md (scripts/model-docs.ts), the schema's indexes and
 * the client's labels come from this module or are checked against it by tests/unit/model. Nothing outside
 * these lists ever reaches a Cypher statement. Shared by client and server, so it holds data and pure
 * functions only.
 */

/** Text in both languages of the app: English for analysts writing Cypher and the docs, Swedish for the UI. */
export interface Bilingual {
  en: string;
  sv: string;
}

// ─── Nodes ───

/** Labels of domain nodes; every one of them also carries the label `Entity`. */
export const ENTITY_LABELS = ['Actor', 'Person', 'Role', 'Agreement', 'AgreementPoint', 'Document', 'Service', 'Event', 'Place', 'Topic'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** Every node label the seed writes: the domain labels plus the structural ones. */
export const NODE_LABELS = ['Entity', ...ENTITY_LABELS, 'Article', 'Name'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** What a fact endpoint can be: a domain label, or one of the two non-Entity node kinds. */
export type EndpointLabel = EntityLabel | 'Article' | 'Name';

/** The `kind` values allowed for each label; a kind outside its label's list is a validation error. */
export const KINDS = {
  Actor: [
    'association',
    'government',
    'ministry',
    'government-unit',
    'agency',
    'foreign-agency',
    'company',
    'committee',
    'inquiry',
    'network',
    'publisher',
    'municipality',
    'forum',
    // A group the text names collectively ("kommuner", "statliga myndigheter"), not one organisation.
    'collective',
  ],
  Person: ['person'],
  Role: ['chair', 'minister', 'director-general', 'head-of-department', 'study-lead'],
  Agreement: ['handshake', 'joint-study', 'initiative'],
  AgreementPoint: ['agreement-point'],
  Document: ['report', 'interim-report', 'final-report', 'budget-bill', 'consultation-response', 'directive', 'magazine', 'magazine-issue'],
  Service: ['e-service', 'service-category'],
  Event: ['leaders-forum', 'founding'],
  Place: ['country', 'city', 'locality', 'region'],
  Topic: ['theme', 'proposal'],
} as const satisfies Record<EntityLabel, readonly string[]>;
export type Kind<L extends EntityLabel = EntityLabel> = (typeof KINDS)[L][number];

/** Id prefix per label, so that an id alone says what it names and a typo in a reference stands out. */
export const ID_PREFIXES: Record<EndpointLabel, string> = {
  Actor: 'actor-',
  Person: 'person-',
  Role: 'role-',
  Agreement: 'agreement-',
  AgreementPoint: 'point-',
  Document: 'doc-',
  Service: 'service-',
  Event: 'event-',
  Place: 'place-',
  Topic: 'topic-',
  Article: 'article-',
  Name: 'name-',
};

/** Id prefix of facts (relationships) in the curated files. */
export const FACT_ID_PREFIX = 'fact-';

/** What each domain label stands for, with examples from the corpus (the README's label table). */
export const LABEL_DOCS: Record<EntityLabel, Bilingual> = {
  Actor: {
    en: 'SKR (SKL), Regeringen, Finansdepartementet, Enheten för digital förvaltning, Digg, Lantmäteriet, Digitaliseringsstyrelsen; `collective` = a group named as a whole ("kommuner", "statliga myndigheter")',
    sv: 'en organisation eller en grupp som texten nämner som en helhet',
  },
  Person: { en: 'Lena Micko, Ardalan Shekarabi, Anna Eriksson', sv: 'en namngiven person' },
  Role: { en: 'a title at one organisation; extra property `title` ("ordförande", "generaldirektör")', sv: 'en titel vid en organisation' },
  Agreement: { en: 'the handshake of 6 Dec 2017; the 2017 digitalisation study; national initiatives SKR contributes to', sv: 'en överenskommelse, en gemensam studie eller ett initiativ' },
  AgreementPoint: { en: "the handshake's five points; extra properties `number` (1–5) and `text` (verbatim)", sv: 'en numrerad punkt i en överenskommelse' },
  Document: { en: "Digitalforvaltning.nu, SKL's yttrande, the budget bill for 2018, KommITS-tidningen 1/2018", sv: 'en rapport, ett betänkande, ett direktiv, en tidskrift' },
  Service: { en: 'Mina meddelanden, e-legitimation, meddelandetjänster', sv: 'en e-tjänst eller en kategori av tjänster' },
  Event: { en: "DigiGov (6 Dec 2017), Digg's start (1 Sep 2018)", sv: 'en händelse med datum' },
  Place: { en: 'Sverige, Danmark, Sundsvall, Munkedal, Europa', sv: 'ett land, en stad, en ort eller en region' },
  Topic: { en: '"Nationell digital infrastruktur", "En samlande digital myndighet", "Öppna data"', sv: 'ett ämne eller ett förslag som aktörerna tar ställning till' },
};

/** A property the loader writes on nodes or on every relationship of a kind; `type` as the docs show it. */
export interface StoredPropertySpec {
  type: string;
  doc: string;
}

/** Properties of every domain (`Entity`) node. */
export const ENTITY_PROPERTIES = {
  id: { type: 'string, unique', doc: 'stable kebab-case id with a label prefix: `actor-skr`, `person-lena-micko`, `doc-…`' },
  name: { type: 'string', doc: 'display name (for an organisation: its current name)' },
  aliases: { type: 'list of strings', doc: 'every other name and spelling the articles use, incl. variants and typos ("Sveriges Kommener och Landsting")' },
  kind: { type: 'string', doc: 'sub-kind, from a fixed list per label (below)' },
  searchText: { type: 'string', doc: '`name` and `aliases` joined by ` | `; indexed by the full-text index `entityNames`' },
  description: { type: 'string, optional', doc: 'one or two sentences paraphrasing the articles' },
  note: { type: 'string, optional', doc: "the curator's reason wherever a modelling choice could be doubted" },
  validFrom: { type: 'date, optional', doc: 'only where the text dates the thing itself (Digg from 2018-09-01)' },
  validTo: { type: 'date, optional', doc: 'the day it ceased to exist, exclusive' },
  validFromPrecision: { type: "'year' | 'month', optional", doc: 'present when the text gives only a year or month ("funnits sedan 2011" → `validFrom` 2011-01-01, precision `year`)' },
} as const satisfies Record<string, StoredPropertySpec>;

/** Properties only some labels carry, besides those of every Entity or structural node. */
export const LABEL_PROPERTIES = {
  Role: { title: { type: 'string', doc: 'the title as written ("ordförande", "generaldirektör")' } },
  AgreementPoint: {
    number: { type: 'integer', doc: 'the number of the point in its agreement (1–5)' },
    text: { type: 'string', doc: 'the wording of the point, verbatim from an article' },
  },
  Article: {
    id: { type: 'string, unique', doc: '`article-…`' },
    title: { type: 'string', doc: 'the headline as printed' },
    outlet: { type: 'string, optional', doc: 'where it was published; absent where the page does not say (then `outletNote` explains)' },
    outletNote: { type: 'string, optional', doc: 'why the outlet is unknown or how it was read' },
    published: { type: 'date', doc: 'the date printed on the page' },
    publishedQuote: { type: 'string', doc: 'the words of the text that give the date' },
    publishedStart: { type: 'integer', doc: 'where `publishedQuote` starts in `text`' },
    publishedEnd: { type: 'integer', doc: 'where `publishedQuote` ends in `text` (exclusive)' },
    publishedNote: { type: 'string, optional', doc: 'how the date was read where the page is ambiguous' },
    issue: { type: 'string, optional', doc: 'issue line as printed ("År 42 / Nr 3 2024")' },
    authors: { type: 'list of strings', doc: 'Person ids of the byline' },
    url: { type: 'string, optional', doc: 'where the article was found' },
    reviewedAt: { type: 'datetime, optional', doc: 'when an analyst accepted the article in the review (absent for seeded articles)' },
    reviewedBy: { type: 'string, optional', doc: 'who accepted it, once there are users' },
    file: { type: 'string', doc: 'the text file in `seed/articles`' },
    sha256: { type: 'string', doc: 'hash of the text file, to refuse the same text twice' },
    text: { type: 'string', doc: 'the article exactly as the file holds it; evidence offsets index into it. Indexed by the full-text index `articleText` (Swedish stemming)' },
  },
  Name: {
    id: { type: 'string, unique', doc: '`name-…`' },
    value: { type: 'string', doc: 'the name as written' },
    short: { type: 'string, optional', doc: 'its short form ("SKL")' },
  },
} as const satisfies Partial<Record<EndpointLabel, Record<string, StoredPropertySpec>>>;

/** Every property name a node with this label can carry. */
export function nodePropertyNames(label: NodeLabel): string[] {
  if (label === 'Article' || label === 'Name') return Object.keys(LABEL_PROPERTIES[label]);
  const own = label in LABEL_PROPERTIES ? Object.keys(LABEL_PROPERTIES[label as keyof typeof LABEL_PROPERTIES]) : [];
  return [...Object.keys(ENTITY_PROPERTIES), ...own];
}

// ─── Fact properties ───

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One property a fact may carry in its `properties`: its value type, meaning and, for ids, the label it names. */
export interface FactPropertySpec extends Bilingual {
  /** The value type as the docs show it. */
  type: string;
  schema: z.ZodType;
  /** Set when the value is the id of a node with this label; the validator checks that the node exists. */
  refersTo?: EndpointLabel;
}

const text = (en: string, sv: string): FactPropertySpec => ({ type: 'string', schema: z.string().min(1, 'expected a non-empty text'), en, sv });
const texts = (en: string, sv: string): FactPropertySpec => ({
  type: 'list of strings',
  schema: z.array(z.string().min(1, 'expected non-empty texts'), 'expected a list of texts').min(1, 'expected at least one text'),
  en,
  sv,
});
/** "a Person id", "an Actor id". */
export function idOf(label: EndpointLabel): string {
  return `${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label} id`;
}

const reference = (label: EndpointLabel, en: string, sv: string): FactPropertySpec => ({
  type: `${label} id`,
  schema: z
    .string(`expected ${idOf(label)}`)
    .refine((s) => s.startsWith(ID_PREFIXES[label]) && KEBAB_ID.test(s), `expected ${idOf(label)}: kebab-case, starting with "${ID_PREFIXES[label]}"`),
  refersTo: label,
  en,
  sv,
});

/** The words `status` may start with; the text's own gloss may follow in parentheses. */
export const FACT_STATUSES = ['planerad', 'möjlig', 'utsedd'] as const;

/**
 * Every property a fact may carry, each with one meaning across all fact types. Values paraphrase or quote the
 * text in Swedish; what a fact type allows is in FACT_TYPES[type].properties.
 */
export const FACT_PROPERTIES = {
  saidBy: reference(
    'Person',
    'the spokesperson who said it, when a statement of an organisation is made by a person speaking for it (the fact runs from the organisation)',
    'talespersonen som sade det, när en organisations uttalande görs av en person för den',
  ),
  onBehalfOf: reference('Actor', 'the organisation a person acts for (a signatory of an agreement)', 'organisationen som personen agerar för'),
  document: reference('Document', 'the document in which the statement or proposal is made', 'dokumentet där uttalandet eller förslaget görs'),
  presentedBy: reference('Actor', 'the organisation that did the presenting', 'organisationen som presenterade'),
  capacity: text(
    'in what capacity the `from` end stands in the relationship, in the text\'s words ("expertmyndighet", "gemensam resurs", "part i den systematiska samverkan")',
    'i vilken egenskap den första parten ingår i relationen, med textens ord',
  ),
  targetCapacity: text(
    'in what capacity the `to` end figures, in the text\'s words ("kunder", "förebild för en samlande myndighet", "exempel")',
    'i vilken egenskap den andra parten förekommer, med textens ord',
  ),
  detail: text(
    'what exactly, in the text\'s words, where the end node alone is broader: the specific request, criticism, proposal, priority, subject or claim ("möjlighet till dubbelriktad kommunikation")',
    'vad det närmare bestämt gäller, med textens ord, där noden i sig är bredare',
  ),
  purpose: text('what it is for or is expected to bring about ("för att …", "kommer att främja …")', 'vad det ska tjäna till eller förväntas leda till'),
  tasks: texts('the tasks or mission, one item each, in the text\'s words', 'uppgifterna eller uppdraget, en per rad, med textens ord'),
  how: text('in what way, in the text\'s words ("bidrar aktivt")', 'på vilket sätt, med textens ord'),
  reason: text('why, as the text gives it', 'varför, som texten anger det'),
  degree: text('how far a stance or commitment goes ("i huvudsak", "vissa fördelar", "erbjudande")', 'hur långt ställningstagandet eller åtagandet går'),
  condition: text('a condition the stance is tied to', 'ett villkor som ställningstagandet är knutet till'),
  timeframe: text(
    'when, in words, where the text gives no date ("hösten 2017", "på sikt"); dates go in `validFrom`/`validTo`',
    'när, med ord, där texten inte anger något datum',
  ),
  year: {
    type: 'integer',
    schema: z.int('expected a whole year, e.g. 2018').min(1900, 'expected a year after 1900').max(2100, 'expected a year before 2100'),
    en: 'the year it is for ("våra viktigaste digitaliseringsfrågor 2018")',
    sv: 'året det gäller',
  },
  status: {
    type: `string: ${FACT_STATUSES.join(' | ')}, optionally followed by the text's words in parentheses`,
    schema: z
      .string()
      .regex(
        new RegExp(`^(?:${FACT_STATUSES.join('|')})(?: \\(.+\\))?$`, 'u'),
        `expected ${FACT_STATUSES.join(', ')}, optionally followed by the text's words in parentheses: "planerad (handslaget, punkt 4)"`,
      ),
    en: 'how settled it is: `planerad` (announced), `möjlig` (possible), `utsedd` (appointed, not yet in office)',
    sv: 'hur långt det har kommit: planerad, möjlig eller utsedd',
  },
  areas: texts('the fields a collaboration covers', 'områdena som samarbetet gäller'),
  findings: texts('what the report or study found, one item each', 'vad rapporten eller studien kom fram till, ett resultat per rad'),
  mainFinding: {
    type: 'boolean',
    schema: z.boolean('expected true or false'),
    en: 'the text calls this the clearest or main result of the report or study',
    sv: 'texten kallar detta studiens eller rapportens tydligaste resultat',
  },
  ordinal: text('its place in a series ("första delbetänkande")', 'dess plats i en serie'),
  workDuration: text('how long the work behind it took ("ett och ett halvt år")', 'hur länge arbetet bakom det pågick'),
  scope: text('what the advice or work covers ("vad som händer i Europa och övriga världen")', 'vad rådgivningen eller arbetet omfattar'),
  example: text('an example the text gives ("exempelvis vid jämförelser med andra länder")', 'ett exempel som texten ger'),
  basis: text('what the link is read from where no title is stated ("postadress c/o")', 'vad kopplingen bygger på där ingen titel anges'),
  postalAddress: text('postal address as printed', 'postadress som den står'),
  chairPhone: text("the chair's phone number as printed", 'ordförandens telefonnummer som det står'),
  email: text('e-mail address as printed', 'e-postadress som den står'),
  website: text('web address as printed', 'webbadress som den står'),
} as const satisfies Record<string, FactPropertySpec>;

export type FactPropertyName = keyof typeof FACT_PROPERTIES;
export const FACT_PROPERTY_NAMES = Object.keys(FACT_PROPERTIES) as FactPropertyName[];

/** Fact properties whose value is an id of a node with the given label. */
export const REFERENCE_PROPERTIES: Readonly<Record<string, EndpointLabel>> = Object.fromEntries(
  Object.entries(FACT_PROPERTIES as Record<string, FactPropertySpec>).flatMap(([name, spec]) => (spec.refersTo ? [[name, spec.refersTo]] : [])),
);

// ─── Fact types ───

const ANY_ENTITY: readonly EndpointLabel[] = ENTITY_LABELS;
const SPEAKERS: readonly EndpointLabel[] = ['Actor', 'Person'];
/** What any statement of position may say beyond its target. */
const STATEMENT = ['saidBy', 'document', 'detail', 'degree', 'reason', 'condition', 'how', 'purpose', 'timeframe'] as const satisfies readonly FactPropertyName[];

export interface FactTypeSpec {
  from: readonly EndpointLabel[];
  to: readonly EndpointLabel[];
  /** One line for analysts, in English; cypher/README.md shows it. */
  meaning: string;
  /** The same line in Swedish, for the reviewer. */
  meaningSv: string;
  /** The properties a fact of this type may carry, all optional; any other is a validation error. */
  properties: readonly FactPropertyName[];
}

/**
 * The relationship types a fact may have, with the endpoint labels and properties each accepts. Statements
 * (SUPPORTS … PRIORITISES) are made by an Actor or a Person; when a spokesperson says it for an organisation the
 * fact runs from the organisation and carries `saidBy`.
 */
export const FACT_TYPES = {
  HOLDS: { from: ['Person'], to: ['Role'], meaning: 'a person holds a role (title at an organisation)', meaningSv: 'en person innehar en roll (en titel vid en organisation)', properties: ['status'] },
  AT: { from: ['Role'], to: ['Actor'], meaning: 'the organisation a role belongs to', meaningSv: 'organisationen som rollen hör till', properties: [] },
  PART_OF: {
    from: ['Actor', 'Document', 'Place'],
    to: ['Actor', 'Document', 'Place'],
    meaning: 'a unit of an organisation, an issue of a magazine',
    meaningSv: 'en enhet i en organisation, ett nummer av en tidskrift',
    properties: [],
  },
  PARTY_TO: {
    from: ['Actor', 'Person'],
    to: ['Agreement', 'AgreementPoint'],
    meaning: 'a party to an agreement or to one of its points',
    meaningSv: 'part i en överenskommelse eller i en av dess punkter',
    properties: ['onBehalfOf', 'capacity'],
  },
  HAS_POINT: { from: ['Agreement'], to: ['AgreementPoint'], meaning: 'an agreement and its numbered points', meaningSv: 'en överenskommelse och dess numrerade punkter', properties: [] },
  PARTICIPATES_IN: {
    from: ['Actor', 'Person'],
    to: ['Event', 'Agreement'],
    meaning: 'takes part in an event or an ongoing initiative',
    meaningSv: 'deltar i en händelse eller ett pågående initiativ',
    properties: ['how', 'capacity'],
  },
  PUBLISHED: {
    from: ['Actor'],
    to: ['Document'],
    meaning: 'issued, submitted or published a document',
    meaningSv: 'gav ut, lämnade eller publicerade ett dokument',
    properties: ['saidBy', 'ordinal', 'workDuration'],
  },
  ABOUT: {
    from: ['Document', 'Agreement', 'AgreementPoint', 'Event'],
    to: ANY_ENTITY,
    meaning: 'what a document, agreement, point or event concerns',
    meaningSv: 'vad ett dokument, en överenskommelse, en punkt eller en händelse handlar om',
    properties: ['detail', 'purpose', 'tasks', 'targetCapacity'],
  },
  REFERS_TO: {
    from: ['Actor', 'Person', 'Document'],
    to: ANY_ENTITY,
    meaning: 'mentions or cites something (e.g. as a model)',
    meaningSv: 'nämner eller hänvisar till något (t.ex. som förebild)',
    properties: ['saidBy', 'detail', 'how', 'targetCapacity'],
  },
  LOCATED_IN: { from: ['Actor', 'Place', 'Event'], to: ['Place'], meaning: 'where an organisation sits or a place lies', meaningSv: 'var en organisation har sitt säte eller en plats ligger', properties: ['reason'] },
  ESTABLISHED: { from: ['Actor'], to: ['Actor', 'Agreement', 'Event'], meaning: 'set up (an agency, a collaboration)', meaningSv: 'inrättade (en myndighet, ett samarbete)', properties: ['purpose'] },
  PREPARES: {
    from: ['Actor'],
    to: ['Actor'],
    meaning: 'prepares the setting-up of an organisation (an organisation committee)',
    meaningSv: 'förbereder inrättandet av en organisation (en organisationskommitté)',
    properties: ['tasks'],
  },
  COLLABORATES_WITH: {
    from: ['Actor'],
    to: ['Actor'],
    meaning: 'works together with (stated or planned; see `status`)',
    meaningSv: 'samarbetar med (konstaterat eller planerat; se status)',
    properties: ['status', 'areas'],
  },
  RESPONSIBLE_FOR: {
    from: ['Actor', 'Person'],
    to: ['Service', 'Topic', 'Agreement', 'Document'],
    meaning: 'has the task or mission of',
    meaningSv: 'har i uppgift eller uppdrag att svara för',
    properties: ['tasks', 'detail'],
  },
  SERVES: { from: ['Actor'], to: ['Actor'], meaning: 'is a resource for / works for as customers', meaningSv: 'är en resurs för / arbetar för som kunder', properties: ['capacity', 'targetCapacity', 'how'] },
  ADVISES: { from: ['Actor'], to: ['Actor'], meaning: 'provides expert input to', meaningSv: 'ger expertunderlag till', properties: ['capacity', 'example', 'scope'] },
  ANALYSED: { from: ['Actor'], to: ['Agreement', 'Document'], meaning: 'analysed the results of', meaningSv: 'analyserade resultaten av', properties: ['timeframe'] },
  FINDS: {
    from: ['Document', 'Agreement'],
    to: ANY_ENTITY,
    meaning: 'a result a report or study arrived at (`findings`)',
    meaningSv: 'ett resultat som en rapport eller studie kom fram till',
    properties: ['findings', 'mainFinding'],
  },
  PRESENTED_AT: { from: ['Agreement', 'Document'], to: ['Event'], meaning: 'presented at an event', meaningSv: 'presenterades vid en händelse', properties: [] },
  PRESENTED_TO: {
    from: ['Agreement', 'Document'],
    to: ['Actor'],
    meaning: 'results presented to an organisation',
    meaningSv: 'resultaten presenterades för en organisation',
    properties: ['presentedBy', 'saidBy'],
  },
  SUPPORTS: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'states support for, agrees with', meaningSv: 'uttalar stöd för, håller med om', properties: STATEMENT },
  CRITICISES: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'states that something falls short', meaningSv: 'säger att något brister', properties: STATEMENT },
  PROPOSES: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'puts forward a proposal', meaningSv: 'lägger fram ett förslag', properties: [...STATEMENT, 'tasks'] },
  REQUESTS: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'asks for, says something is needed', meaningSv: 'efterfrågar, säger att något behövs', properties: STATEMENT },
  COMMITS_TO: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'undertakes or offers to act (`degree`)', meaningSv: 'åtar sig eller erbjuder sig att agera', properties: STATEMENT },
  PRIORITISES: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'names something among its priorities', meaningSv: 'räknar något till sina prioriteringar', properties: [...STATEMENT, 'year'] },
  QUOTED_IN: {
    from: ['Person'],
    to: ['Article'],
    meaning: 'quoted in an article, one fact per person and article; the evidence quotes are what the person says, at least one per quoted paragraph',
    meaningSv: 'citeras i en artikel, en gång per person och artikel; beläggen är det personen säger, minst ett per citerat stycke',
    properties: [],
  },
  WROTE: { from: ['Person'], to: ['Article'], meaning: 'the stated author of an article (its byline, "Text: …")', meaningSv: 'angiven skribent av en artikel (bylinen, "Text: …")', properties: [] },
  PICTURED_IN: { from: ['Person'], to: ['Article'], meaning: 'named in a photo caption of an article', meaningSv: 'namngiven i en bildtext i en artikel', properties: [] },
  EXCERPTED_FROM: { from: ['Article'], to: ['Document'], meaning: 'an article reprinted from a magazine issue', meaningSv: 'en artikel som återges ur ett tidskriftsnummer', properties: [] },
  HAS_CONTACT: {
    from: ['Actor'],
    to: ['Person'],
    meaning: 'contact person of an organisation (address, phone, e-mail in properties)',
    meaningSv: 'en organisations kontaktperson (adress, telefon, e-post som egenskaper)',
    properties: ['postalAddress', 'chairPhone', 'email', 'website'],
  },
  AFFILIATED_WITH: {
    from: ['Person'],
    to: ['Actor'],
    meaning: 'a person reachable at / working at an organisation, no title stated',
    meaningSv: 'en person som nås vid eller arbetar vid en organisation, utan angiven titel',
    properties: ['basis'],
  },
  NAMED: { from: ['Actor'], to: ['Name'], meaning: 'an organisation bore this name during [validFrom, validTo)', meaningSv: 'en organisation bar detta namn under [validFrom, validTo)', properties: [] },
} as const satisfies Record<string, FactTypeSpec>;

export type FactType = keyof typeof FACT_TYPES;
export const FACT_TYPE_NAMES = Object.keys(FACT_TYPES) as [FactType, ...FactType[]];

/** Whether a string names a fact type of the model. */
export function isFactType(type: string): type is FactType {
  return Object.hasOwn(FACT_TYPES, type);
}

/** The structural relationship between an Article and each Entity it mentions; it carries spans, not evidence. */
export const MENTIONS = 'MENTIONS';

/** Properties of a MENTIONS relationship: every span of the entity's surfaces in the article, as parallel lists. */
export const MENTION_PROPERTIES = {
  id: { type: 'string', doc: '`mention-<article id>-<entity id>`' },
  starts: { type: 'list of integers', doc: 'where each span starts in the article text' },
  ends: { type: 'list of integers', doc: 'where each span ends (exclusive)' },
  surface: { type: 'list of strings', doc: 'the words of each span' },
} as const satisfies Record<string, StoredPropertySpec>;

/** Every relationship type the seed writes. */
export const RELATIONSHIP_TYPES: readonly string[] = [...FACT_TYPE_NAMES, MENTIONS];

/** Properties that the loader sets on every fact relationship; a fact's own `properties` may not use them. */
export const RESERVED_FACT_PROPERTIES = [
  'id',
  'evidenceArticles',
  'evidenceQuotes',
  'evidenceStarts',
  'evidenceEnds',
  'evidenceCount',
  'validFrom',
  'validFromPrecision',
  'validTo',
  'firstSeen',
  'source',
  'note',
] as const;

/** What each reserved property of a fact relationship holds (the README's table of them). */
export const FACT_COMMON_PROPERTIES: Record<(typeof RESERVED_FACT_PROPERTIES)[number], StoredPropertySpec> = {
  id: { type: 'string', doc: 'the fact id in `seed/data/*.yaml` (`fact-…`), unique in the corpus' },
  evidenceArticles: { type: 'list of strings', doc: 'article id of each piece of evidence' },
  evidenceQuotes: { type: 'list of strings', doc: 'the exact words, one per piece of evidence' },
  evidenceStarts: { type: 'list of integers', doc: "where each quote starts in its article's `text`: `text[start..end)` (JavaScript string indices)" },
  evidenceEnds: { type: 'list of integers', doc: 'where each quote ends, exclusive' },
  evidenceCount: { type: 'integer', doc: 'the number of pieces of evidence' },
  validFrom: { type: 'date, optional', doc: 'when the text says when the fact starts to hold' },
  validFromPrecision: { type: 'string, optional', doc: '`year` or `month` when the text is no more precise' },
  validTo: { type: 'date, optional', doc: 'when it stops holding, exclusive' },
  firstSeen: { type: 'date', doc: 'the earliest `published` among the evidence articles' },
  source: { type: "'text' | 'curator'", doc: '`curator`: outside knowledge (only the SKL→SKR rename date); its evidence shows the articles\' own usage' },
  note: { type: 'string, optional', doc: "the curator's reasoning where the link is read from context rather than spelled out" },
};

// ─── Validation of a fact's own properties ───

const PROPERTY_NAME = /^[a-z][A-Za-z0-9]*$/;
/** Reserved names a curator does give, as keys of the fact itself; the loader computes the others. */
const TOP_LEVEL_FACT_KEYS: readonly string[] = ['id', 'validFrom', 'validTo', 'source', 'note'];

/** The properties a fact of this type may carry, as a strict zod object (every property optional). */
export function factPropertiesSchema(type: FactType): z.ZodObject {
  const allowed = FACT_TYPES[type].properties as readonly FactPropertyName[];
  return z.strictObject(Object.fromEntries(allowed.map((name) => [name, (FACT_PROPERTIES[name] as FactPropertySpec).schema.optional()])));
}

/** One problem with a fact's properties: which property (absent for the whole object) and what to fix. */
export interface FactPropertyProblem {
  property?: string;
  message: string;
}

export interface FactPropertyOptions {
  /**
   * Whether reference properties must already be ids of their label (`saidBy: person-…`). The ingest accept
   * path checks them before it has turned a proposal's new-entity keys (`new-3`) into ids, so it passes false:
   * then any non-empty text is accepted there and resolving it is the caller's job.
   */
  checkIdForm?: boolean;
}

/**
 * Checks a fact's `properties` against its type: names known to the model and allowed for the type, values of
 * the right type. Ids in reference properties are checked for form only; whether the node exists is the
 * caller's look-up (see REFERENCE_PROPERTIES).
 */
export function factPropertyProblems(type: string, properties: unknown, options: FactPropertyOptions = {}): FactPropertyProblem[] {
  if (!isFactType(type)) return [{ message: `unknown fact type "${type}"; the model has ${FACT_TYPE_NAMES.join(', ')}` }];
  if (properties === undefined) return [];
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) return [{ message: 'properties must be a mapping of property names to values' }];
  const allowed = FACT_TYPES[type].properties as readonly string[];
  const allowedText = allowed.length ? `${type} allows ${allowed.join(', ')}` : `${type} carries no properties of its own`;
  const problems: FactPropertyProblem[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if ((RESERVED_FACT_PROPERTIES as readonly string[]).includes(name)) {
      const message = TOP_LEVEL_FACT_KEYS.includes(name) ? `"${name}" belongs at the top level of the fact, not among its properties` : `"${name}" is computed by the loader; leave it out`;
      problems.push({ property: name, message });
    } else if (!PROPERTY_NAME.test(name)) {
      problems.push({ property: name, message: `"${name}" is not a camelCase property name` });
    } else if (!allowed.includes(name)) {
      const known = Object.hasOwn(FACT_PROPERTIES, name) ? `"${name}" is not a property of ${type}` : `"${name}" is not a property the model knows`;
      problems.push({ property: name, message: `${known}; ${allowedText} (contract/model.ts)` });
    } else {
      const spec = FACT_PROPERTIES[name as FactPropertyName] as FactPropertySpec;
      const schema = spec.refersTo && options.checkIdForm === false ? z.string(`expected ${idOf(spec.refersTo)}`).min(1, `expected ${idOf(spec.refersTo)}`) : spec.schema;
      const parsed = schema.safeParse(value);
      if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => ({ property: name, message: issue.message })));
    }
  }
  return problems;
}

/** A fact's property problems as messages (`properties.as: …`); empty when the properties fit the type. */
export function validateFactProperties(type: string, properties: unknown, options: FactPropertyOptions = {}): string[] {
  return factPropertyProblems(type, properties, options).map((p) => (p.property ? `properties.${p.property}: ${p.message}` : `properties: ${p.message}`));
}
