/**
 * The graph model of the seed corpus: the fixed lists of labels, kinds and relationship types that the
 * validator accepts and the loader writes. Nothing outside these lists ever reaches a Cypher statement.
 * cypher/README.md explains each entry for analysts; keep the two in step.
 */

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

/** Id prefix per label, so that an id alone says what it names and a typo in a reference stands out. */
export const ID_PREFIXES: Record<EntityLabel | 'Article' | 'Name', string> = {
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

const ANY_ENTITY: readonly EndpointLabel[] = ENTITY_LABELS;
const SPEAKERS: readonly EndpointLabel[] = ['Actor', 'Person'];

export interface FactTypeSpec {
  from: readonly EndpointLabel[];
  to: readonly EndpointLabel[];
  /** One line for analysts; cypher/README.md expands on it. */
  meaning: string;
}

/**
 * The relationship types a fact may have, with the endpoint labels each accepts. Statements (SUPPORTS …
 * PRIORITISES) are made by an Actor or a Person; when a spokesperson says it for an organisation the fact
 * runs from the organisation and carries `saidBy`.
 */
export const FACT_TYPES = {
  HOLDS: { from: ['Person'], to: ['Role'], meaning: 'a person holds a role (title at an organisation)' },
  AT: { from: ['Role'], to: ['Actor'], meaning: 'the organisation a role belongs to' },
  PART_OF: { from: ['Actor', 'Document', 'Place'], to: ['Actor', 'Document', 'Place'], meaning: 'a unit of an organisation, an issue of a magazine' },
  PARTY_TO: { from: ['Actor', 'Person'], to: ['Agreement', 'AgreementPoint'], meaning: 'a party to an agreement or to one of its points' },
  HAS_POINT: { from: ['Agreement'], to: ['AgreementPoint'], meaning: 'an agreement and its numbered points' },
  PARTICIPATES_IN: { from: ['Actor', 'Person'], to: ['Event', 'Agreement'], meaning: 'takes part in an event or an ongoing initiative' },
  PUBLISHED: { from: ['Actor'], to: ['Document'], meaning: 'issued, submitted or published a document' },
  ABOUT: { from: ['Document', 'Agreement', 'AgreementPoint', 'Event'], to: ANY_ENTITY, meaning: 'what a document, agreement, point or event concerns' },
  REFERS_TO: { from: ['Actor', 'Person', 'Document'], to: ANY_ENTITY, meaning: 'mentions or cites something (e.g. as a model)' },
  LOCATED_IN: { from: ['Actor', 'Place', 'Event'], to: ['Place'], meaning: 'where an organisation sits or a place lies' },
  ESTABLISHED: { from: ['Actor'], to: ['Actor', 'Agreement', 'Event'], meaning: 'set up (an agency, a collaboration)' },
  PREPARES: { from: ['Actor'], to: ['Actor'], meaning: 'prepares the setting-up of an organisation (an organisation committee)' },
  COLLABORATES_WITH: { from: ['Actor'], to: ['Actor'], meaning: 'works together with (stated or planned; see `status`)' },
  RESPONSIBLE_FOR: { from: ['Actor', 'Person'], to: ['Service', 'Topic', 'Agreement', 'Document'], meaning: 'has the task or mission of' },
  SERVES: { from: ['Actor'], to: ['Actor'], meaning: 'is a resource for / works for as customers' },
  ADVISES: { from: ['Actor'], to: ['Actor'], meaning: 'provides expert input to' },
  ANALYSED: { from: ['Actor'], to: ['Agreement', 'Document'], meaning: 'analysed the results of' },
  FINDS: { from: ['Document', 'Agreement'], to: ANY_ENTITY, meaning: 'a result a report or study arrived at (`findings`)' },
  PRESENTED_AT: { from: ['Agreement', 'Document'], to: ['Event'], meaning: 'presented at an event' },
  PRESENTED_TO: { from: ['Agreement', 'Document'], to: ['Actor'], meaning: 'results presented to an organisation' },
  SUPPORTS: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'states support for, agrees with' },
  CRITICISES: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'states that something falls short (`criticism`)' },
  PROPOSES: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'puts forward a proposal' },
  REQUESTS: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'asks for, says something is needed (`request`)' },
  COMMITS_TO: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'undertakes or offers to act (`strength`)' },
  PRIORITISES: { from: SPEAKERS, to: ANY_ENTITY, meaning: 'names something among its priorities' },
  QUOTED_IN: { from: ['Person'], to: ['Article'], meaning: 'quoted in an article; the evidence quotes are what the person says' },
  WROTE: { from: ['Person'], to: ['Article'], meaning: 'the stated author of an article' },
  PICTURED_IN: { from: ['Person'], to: ['Article'], meaning: 'named in a photo caption of an article' },
  EXCERPTED_FROM: { from: ['Article'], to: ['Document'], meaning: 'an article reprinted from a magazine issue' },
  HAS_CONTACT: { from: ['Actor'], to: ['Person'], meaning: 'contact person of an organisation (address, phone, e-mail in properties)' },
  AFFILIATED_WITH: { from: ['Person'], to: ['Actor'], meaning: 'a person reachable at / working at an organisation, no title stated' },
  NAMED: { from: ['Actor'], to: ['Name'], meaning: 'an organisation bore this name during [validFrom, validTo)' },
} as const satisfies Record<string, FactTypeSpec>;

export type FactType = keyof typeof FACT_TYPES;
export const FACT_TYPE_NAMES = Object.keys(FACT_TYPES) as [FactType, ...FactType[]];

/** The structural relationship between an Article and each Entity it mentions; it carries spans, not evidence. */
export const MENTIONS = 'MENTIONS';

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
