/**
 * `npm run gen -- --articles N [--seed S] [--out DIR]`: writes a synthetic corpus in the format of seed/
 * (articles/*.txt, data/entities-*.yaml, one data/<article>.yaml per article) shaped like the real one: a
 * few hub actors mentioned everywhere and a long tail mentioned once or twice, people who change roles over
 * the years, agreements with numbered points, statements with verbatim evidence, and a few renames. The
 * same seed gives byte-identical output. Memory grows with the number of entities, not with the text.
 */
import { mkdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { rng } from './lib/random';

// ─── deterministic randomness ───────────────────────────────────────────────────────────────────────────

class Random {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** Zipf-like index in [0, n): index 0 is drawn most often, the tail rarely — hubs and a long tail. */
  zipf(n: number, s = 1.1): number {
    // Inverse-CDF of a continuous power law, cut to n; cheap and good enough for shaping.
    const u = this.next();
    const x = Math.pow(1 - u * (1 - Math.pow(n, 1 - s)), 1 / (1 - s));
    return Math.min(n - 1, Math.max(0, Math.floor(x) - 1));
  }
}

// ─── vocabulary (Swedish, with å, ä, ö) ──────────────────────────────────────────────────────────────────

const FIRST = ['Anna', 'Björn', 'Cecilia', 'David', 'Elin', 'Fredrik', 'Gunilla', 'Hampus', 'Ingrid', 'Johan', 'Karin', 'Lars', 'Maja', 'Niklas', 'Olivia', 'Per', 'Rebecka', 'Stefan', 'Tove', 'Ulf', 'Vera', 'Åsa', 'Örjan', 'Ängla', 'Linnéa', 'Mikael', 'Sofia', 'Erik', 'Helena', 'Göran', 'Ylva', 'Jörgen', 'Malin', 'Pär', 'Therese', 'Anders', 'Lena', 'Jenny', 'Bengt', 'Christian'];
const MIDDLE = ['', 'A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.', 'H.', 'I.', 'J.', 'K.', 'L.', 'M.', 'N.', 'O.', 'P.', 'R.', 'S.', 'T.', 'U.', 'V.', 'Å.', 'Ö.'];
const LAST = ['Andersson', 'Bergström', 'Carlsson', 'Dahlgren', 'Ek', 'Falk', 'Gustafsson', 'Holm', 'Isaksson', 'Jönsson', 'Karlsson', 'Lindqvist', 'Magnusson', 'Nordström', 'Olofsson', 'Persson', 'Qvist', 'Rydén', 'Sjöberg', 'Törnqvist', 'Ullman', 'Wallin', 'Åberg', 'Öberg', 'Ängström', 'Nyström', 'Söderberg', 'Hällström', 'Björk', 'Forsberg', 'Sandström', 'Lundgren', 'Ström', 'Håkansson', 'Blom', 'Lindgren', 'Axelsson', 'Berg', 'Mårtensson', 'Fägerskiöld'];
const CITIES = ['Sundsvall', 'Umeå', 'Luleå', 'Östersund', 'Gävle', 'Uppsala', 'Västerås', 'Örebro', 'Karlstad', 'Linköping', 'Norrköping', 'Jönköping', 'Växjö', 'Kalmar', 'Karlskrona', 'Malmö', 'Lund', 'Helsingborg', 'Halmstad', 'Göteborg', 'Borås', 'Trollhättan', 'Skövde', 'Falun', 'Visby', 'Kiruna', 'Härnösand', 'Eskilstuna', 'Nyköping', 'Södertälje', 'Munkedal', 'Ängelholm', 'Älmhult', 'Åre', 'Öckerö'];
const DOMAINS = ['digital förvaltning', 'e-hälsa', 'skoldigitalisering', 'informationssäkerhet', 'öppna data', 'digital identitet', 'grunddata', 'välfärdsteknik', 'e-arkiv', 'geodata', 'digital upphandling', 'bredband', 'cybersäkerhet', 'AI i offentlig sektor', 'digital tillgänglighet', 'dataskydd', 'e-tjänster', 'interoperabilitet', 'molntjänster', 'digital kompetens'];
const ADJ = ['nationell', 'gemensam', 'regional', 'säker', 'öppen', 'hållbar', 'samordnad', 'effektiv', 'kommunal', 'statlig'];
const NOUN = ['infrastruktur', 'plattform', 'standard', 'strategi', 'finansiering', 'styrning', 'målbild', 'samverkan', 'arkitektur', 'förvaltning'];
const ACTOR_FORMS: { kind: string; make: (d: string, c: string, n: number) => [string, string] }[] = [
  { kind: 'agency', make: (d, _c, n) => [`Myndigheten för ${d}${n ? ` ${roman(n)}` : ''}`, `MF${initials(d)}${n || ''}`] },
  { kind: 'municipality', make: (_d, c, n) => [`${c} kommun${n ? ` ${roman(n)}` : ''}`, `${c.slice(0, 3).toUpperCase()}K${n || ''}`] },
  { kind: 'association', make: (d, _c, n) => [`Föreningen för ${d}${n ? ` ${roman(n)}` : ''}`, `FF${initials(d)}${n || ''}`] },
  { kind: 'company', make: (d, c, n) => [`${c} ${cap(d)} AB${n ? ` ${roman(n)}` : ''}`, `${c.slice(0, 2).toUpperCase()}${initials(d)}AB${n || ''}`] },
  { kind: 'network', make: (d, c, n) => [`Nätverket ${d} ${c}${n ? ` ${roman(n)}` : ''}`, `N${initials(d)}${c.slice(0, 2).toUpperCase()}${n || ''}`] },
  { kind: 'committee', make: (d, _c, n) => [`Kommittén för ${d}${n ? ` ${roman(n)}` : ''}`, `KF${initials(d)}${n || ''}`] },
];
const ROLE_TITLES: { kind: string; title: string }[] = [
  { kind: 'chair', title: 'ordförande' },
  { kind: 'director-general', title: 'generaldirektör' },
  { kind: 'head-of-department', title: 'avdelningschef' },
  { kind: 'study-lead', title: 'utredare' },
  { kind: 'minister', title: 'minister' },
];
const SAYINGS = [
  'Vi behöver en gemensam riktning för arbetet med {t}',
  'Det här är ett viktigt steg för {t} i hela landet',
  'Utan tydlig finansiering kommer {t} inte att nå ut till kommunerna',
  'Vi välkomnar att {t} nu prioriteras av fler aktörer',
  'Samverkan kring {t} måste bli mer långsiktig',
  'Vi ser stora möjligheter med {t} för medborgarna',
];
const STANCES: { type: 'SUPPORTS' | 'CRITICISES' | 'PROPOSES' | 'REQUESTS'; verb: string }[] = [
  { type: 'SUPPORTS', verb: 'ställer sig bakom' },
  { type: 'CRITICISES', verb: 'kritiserar' },
  { type: 'PROPOSES', verb: 'föreslår' },
  { type: 'REQUESTS', verb: 'efterfrågar' },
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function initials(s: string): string {
  return s
    .split(/[\s-]+/)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}
function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v));
  return out;
}
const pad = (n: number, w = 6) => String(n).padStart(w, '0');

// ─── the entity pools ────────────────────────────────────────────────────────────────────────────────────

interface Entity {
  id: string;
  label: string;
  kind: string;
  name: string;
  aliases: string[];
  title?: string;
  number?: number;
  text?: string;
  names?: { id: string; value: string; short: string }[];
}

interface Career {
  /** Role index per period, with the year the period starts; the last period is open. */
  periods: { role: number; from: number }[];
}

interface Pools {
  actors: Entity[];
  places: Entity[];
  people: Entity[];
  careers: Career[];
  roles: Entity[];
  roleActor: number[];
  topics: Entity[];
  documents: Entity[];
  documentPublisher: number[];
  agreements: Entity[];
  points: Entity[][];
  /** Actor index → year it took its new name (a rename like SKL → SKR), for a few actors. */
  renames: Map<number, { year: number; oldName: Entity['names'] }>;
}

const FIRST_YEAR = 2015;
const LAST_YEAR = 2025;

function buildPools(articles: number, r: Random): Pools {
  const nActors = Math.max(30, Math.round(articles * 1.2));
  const nPeople = Math.max(40, Math.round(articles * 1.5));
  const nRoles = Math.max(30, Math.round(nActors * 1.2));
  const nTopics = Math.max(20, Math.round(articles * 0.8));
  const nDocs = Math.max(10, Math.round(articles * 0.5));
  const nAgreements = Math.max(5, Math.round(articles * 0.2));
  const nPlaces = Math.min(CITIES.length * 60, Math.max(CITIES.length, Math.round(articles * 0.05)));

  const usedNames = new Set<string>();
  const unique = (base: string): string => {
    let name = base;
    for (let k = 2; usedNames.has(name); k++) name = `${base} ${roman(k)}`;
    usedNames.add(name);
    return name;
  };

  const places: Entity[] = [];
  for (let i = 0; i < nPlaces; i++) {
    const city = CITIES[i % CITIES.length]!;
    const round = Math.floor(i / CITIES.length);
    const name = unique(round ? `${city} ${['norra', 'södra', 'östra', 'västra', 'centrum', 'hamn'][round % 6]}${round >= 6 ? ` ${roman(round)}` : ''}` : city);
    places.push({ id: `place-g${pad(i)}`, label: 'Place', kind: round ? 'locality' : 'city', name, aliases: [] });
  }

  const actors: Entity[] = [];
  for (let i = 0; i < nActors; i++) {
    const form = ACTOR_FORMS[i % ACTOR_FORMS.length]!;
    const domain = DOMAINS[Math.floor(i / ACTOR_FORMS.length) % DOMAINS.length]!;
    const city = CITIES[Math.floor(i / (ACTOR_FORMS.length * DOMAINS.length)) % CITIES.length]!;
    const round = Math.floor(i / (ACTOR_FORMS.length * DOMAINS.length * CITIES.length));
    const [long, short] = form.make(domain, city, round);
    const name = unique(long);
    const abbrev = usedNames.has(short) ? undefined : unique(short);
    actors.push({ id: `actor-g${pad(i)}`, label: 'Actor', kind: form.kind, name, aliases: abbrev ? [abbrev] : [] });
  }
  // A few actors change name during the period, as SKL became SKR in 2019.
  const renames = new Map<number, { year: number; oldName: Entity['names'] }>();
  for (let i = 3; i < nActors; i += 37) {
    const a = actors[i]!;
    const oldValue = unique(`${a.name} (tidigare namn)`.replace(' (tidigare namn)', ' Gamla'));
    const year = FIRST_YEAR + 2 + r.int(LAST_YEAR - FIRST_YEAR - 4);
    a.aliases.push(oldValue);
    a.names = [
      { id: `name-g${pad(i)}-old`, value: oldValue, short: a.aliases[0] ?? oldValue },
      { id: `name-g${pad(i)}-new`, value: a.name, short: a.aliases[0] ?? a.name },
    ];
    renames.set(i, { year, oldName: a.names });
  }

  const roles: Entity[] = [];
  const roleActor: number[] = [];
  for (let i = 0; i < nRoles; i++) {
    const actor = i < nActors ? i : r.zipf(nActors);
    const spec = ROLE_TITLES[i % ROLE_TITLES.length]!;
    roles.push({ id: `role-g${pad(i)}`, label: 'Role', kind: spec.kind, name: unique(`${spec.title} vid ${actors[actor]!.name}`), aliases: [], title: spec.title });
    roleActor.push(actor);
  }

  const people: Entity[] = [];
  const careers: Career[] = [];
  for (let i = 0; i < nPeople; i++) {
    const base = `${FIRST[i % FIRST.length]} ${MIDDLE[Math.floor(i / FIRST.length) % MIDDLE.length]} ${LAST[Math.floor(i / (FIRST.length * MIDDLE.length)) % LAST.length]}`.replace('  ', ' ');
    people.push({ id: `person-g${pad(i)}`, label: 'Person', kind: 'person', name: unique(base), aliases: [] });
    // One to three roles, one after another: people change roles over the years.
    const periods: Career['periods'] = [];
    let year = FIRST_YEAR - 2 + r.int(6);
    const count = 1 + r.int(3);
    for (let k = 0; k < count; k++) {
      periods.push({ role: r.int(nRoles), from: year });
      year += 2 + r.int(4);
    }
    careers.push({ periods });
  }

  const topics: Entity[] = [];
  for (let i = 0; i < nTopics; i++) {
    const base = `${ADJ[i % ADJ.length]} ${NOUN[Math.floor(i / ADJ.length) % NOUN.length]} för ${DOMAINS[Math.floor(i / (ADJ.length * NOUN.length)) % DOMAINS.length]}`;
    const round = Math.floor(i / (ADJ.length * NOUN.length * DOMAINS.length));
    topics.push({ id: `topic-g${pad(i)}`, label: 'Topic', kind: i % 3 === 0 ? 'proposal' : 'theme', name: unique(round ? `${base} ${roman(round + 1)}` : base), aliases: [] });
  }

  const documents: Entity[] = [];
  const documentPublisher: number[] = [];
  const docKinds = ['report', 'interim-report', 'final-report', 'consultation-response', 'directive'];
  for (let i = 0; i < nDocs; i++) {
    const kind = docKinds[i % docKinds.length]!;
    documents.push({ id: `doc-g${pad(i)}`, label: 'Document', kind, name: unique(`Rapport ${FIRST_YEAR + (i % 11)}:${i + 1}`), aliases: [] });
    documentPublisher.push(r.zipf(nActors));
  }

  const agreements: Entity[] = [];
  const points: Entity[][] = [];
  const agreementKinds = ['handshake', 'joint-study', 'initiative'];
  for (let i = 0; i < nAgreements; i++) {
    agreements.push({ id: `agreement-g${pad(i)}`, label: 'Agreement', kind: agreementKinds[i % 3]!, name: unique(`Överenskommelse nr ${i + 1} om ${DOMAINS[i % DOMAINS.length]}`), aliases: [] });
    const n = 2 + r.int(4);
    const list: Entity[] = [];
    for (let k = 1; k <= n; k++) {
      const text = `Parterna ska verka för ${ADJ[(i + k) % ADJ.length]} ${NOUN[(i * 3 + k) % NOUN.length]} inom ${DOMAINS[(i + k) % DOMAINS.length]} (punkt ${k} i överenskommelse ${i + 1})`;
      list.push({ id: `point-g${pad(i)}-${k}`, label: 'AgreementPoint', kind: 'agreement-point', name: unique(`Punkt ${k} i överenskommelse ${i + 1}`), aliases: [], number: k, text });
    }
    points.push(list);
  }
  return { actors, places, people, careers, roles, roleActor, topics, documents, documentPublisher, agreements, points, renames };
}

// ─── article composition ─────────────────────────────────────────────────────────────────────────────────

interface EvidenceRow {
  article?: string;
  quote: string;
  start: number;
  end: number;
}
interface FactRow {
  id: string;
  type: string;
  from: string;
  to: string;
  validFrom?: string;
  validTo?: string;
  evidence: EvidenceRow[];
}

/** Builds an article's text sentence by sentence and records where each sentence and name landed. */
class Composer {
  text = '';
  readonly mentions = new Map<string, Set<string>>();
  sentence(s: string, mentioned: [Entity, string][] = []): EvidenceRow {
    const start = this.text.length;
    this.text += s;
    for (const [e, surface] of mentioned) {
      if (!this.mentions.has(e.id)) this.mentions.set(e.id, new Set());
      this.mentions.get(e.id)!.add(surface);
    }
    return { quote: s, start, end: start + s.length };
  }
  raw(s: string): void {
    this.text += s;
  }
}

function isoDay(year: number, dayOfYear: number): string {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return d.toISOString().slice(0, 10);
}

export interface GenerateOptions {
  articles: number;
  seed: number;
  out: string;
  /** Entities per entities-NNNN.yaml file, so no single file grows with the corpus. */
  entitiesPerFile?: number;
  log?: (line: string) => void;
}

/** Writes the corpus; returns what it wrote. */
export function generateCorpus(opts: GenerateOptions): { articles: number; entities: number; facts: number } {
  const r = new Random(rng(opts.seed));
  const pools = buildPools(opts.articles, r);
  const out = resolve(opts.out);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'articles'), { recursive: true });
  mkdirSync(join(out, 'data'), { recursive: true });

  const referenced = new Set<string>();
  /** Name ids some article states, so each written name has its NAMED fact. */
  const statedNames = new Set<string>();
  /** Facts that many articles restate (a role at its organisation, who holds it, where an actor sits, names). */
  const shared = new Map<string, { fact: FactRow; home: string; homeFile: string }>();
  let factCount = 0;
  const span = (LAST_YEAR - FIRST_YEAR + 1) * 365;

  const addShared = (fact: Omit<FactRow, 'evidence'>, ev: EvidenceRow, articleId: string, file: string) => {
    const existing = shared.get(fact.id);
    if (!existing) {
      shared.set(fact.id, { fact: { ...fact, evidence: [{ ...ev, article: articleId }] }, home: articleId, homeFile: file });
    } else if (existing.fact.evidence.length < 5) {
      // The fact lives in the file of the latest article that states it, with evidence from up to five.
      existing.fact.evidence.push({ ...ev, article: articleId });
      existing.home = articleId;
      existing.homeFile = file;
    }
  };

  for (let i = 0; i < opts.articles; i++) {
    const day = Math.floor((i / Math.max(1, opts.articles)) * span) + r.int(20);
    const year = Math.min(LAST_YEAR, FIRST_YEAR + Math.floor(day / 365));
    const published = isoDay(year, day % 365);
    const id = `article-g${pad(i)}`;
    const file = `g${pad(i)}_${(opts.seed * 2654435761 + i * 40503).toString(16).slice(-8).padStart(8, '0')}.txt`;
    const c = new Composer();
    const facts: FactRow[] = [];
    const mention = (e: Entity, surface = e.name): [Entity, string] => {
      referenced.add(e.id);
      return [e, surface];
    };
    const actorAt = (k: number) => pools.actors[k]!;
    const nameOf = (k: number): string => {
      const rename = pools.renames.get(k);
      if (rename && year < rename.year) return rename.oldName![0]!.value;
      return actorAt(k).name;
    };
    const local = (type: string, from: string, to: string, ev: EvidenceRow, extra: Partial<FactRow> = {}) => {
      facts.push({ id: `fact-g${pad(i)}-${facts.length + 1}`, type, from, to, ...extra, evidence: [ev] });
    };

    // Half the picks favour the hubs, half spread over the long tail.
    const some = (n: number, s = 1.1): number => (r.next() < 0.5 ? r.zipf(n, s) : r.int(n));
    const a = r.zipf(pools.actors.length);
    let b = some(pools.actors.length);
    if (b === a) b = (a + 1 + r.int(pools.actors.length - 1)) % pools.actors.length;
    const topic = pools.topics[some(pools.topics.length, 1.05)]!;

    const dateLine = `Publicerad: ${published}`;
    const publishedEvidence = c.sentence(dateLine);
    c.raw('\n\n');
    const stance = r.pick(STANCES);
    const title = `${nameOf(a)} ${stance.verb} ${topic.name}`;
    c.sentence(title, [mention(actorAt(a), nameOf(a)), mention(topic)]);
    c.raw('\n\n');

    // Lead: the stance of the main actor.
    local(stance.type, actorAt(a).id, topic.id, c.sentence(`Enligt ${nameOf(a)} ${stance.verb} organisationen nu ${topic.name}.`, [mention(actorAt(a), nameOf(a)), mention(topic)]));
    c.raw(' ');

    // Collaboration between two actors.
    local('COLLABORATES_WITH', actorAt(a).id, actorAt(b).id, c.sentence(`${nameOf(a)} och ${nameOf(b)} fördjupar sitt samarbete.`, [mention(actorAt(a), nameOf(a)), mention(actorAt(b), nameOf(b))]));
    c.raw('\n\n');

    // Two spokespeople, each quoted with the role they held in the article's year.
    for (let q = 0; q < 2; q++) {
      const p = some(pools.people.length, 1.02);
      const person = pools.people[p]!;
      const career = pools.careers[p]!;
      const periodIndex = Math.max(0, career.periods.findLastIndex((x) => x.from <= year));
      const period = career.periods[periodIndex]!;
      const next = career.periods[periodIndex + 1];
      const role = pools.roles[period.role]!;
      const org = pools.roleActor[period.role]!;
      const saying = r.pick(SAYINGS).replace('{t}', topic.name);
      const ev = c.sentence(`– ${saying}, säger ${person.name}, ${role.title} vid ${nameOf(org)}.`, [mention(person), mention(topic), mention(actorAt(org), nameOf(org))]);
      referenced.add(role.id);
      local('QUOTED_IN', person.id, id, ev);
      addShared({ id: `fact-g-holds-${p}-${periodIndex}`, type: 'HOLDS', from: person.id, to: role.id, validFrom: String(period.from), ...(next ? { validTo: `${next.from}-01-01` } : {}) }, ev, id, file);
      addShared({ id: `fact-g-at-${period.role}`, type: 'AT', from: role.id, to: actorAt(org).id }, ev, id, file);
      c.raw('\n\n');
    }

    // Where the main actor sits.
    const place = pools.places[a % pools.places.length]!;
    addShared({ id: `fact-g-located-${a}`, type: 'LOCATED_IN', from: actorAt(a).id, to: place.id }, c.sentence(`${nameOf(a)} har sitt säte i ${place.name}.`, [mention(actorAt(a), nameOf(a)), mention(place)]), id, file);
    c.raw(' ');

    // A report, published by its publisher, about the topic.
    if (r.next() < 0.6) {
      const d = some(pools.documents.length);
      const doc = pools.documents[d]!;
      const pub = pools.documentPublisher[d]!;
      addShared({ id: `fact-g-published-${d}`, type: 'PUBLISHED', from: actorAt(pub).id, to: doc.id }, c.sentence(`${nameOf(pub)} står bakom ${doc.name}.`, [mention(actorAt(pub), nameOf(pub)), mention(doc)]), id, file);
      c.raw(' ');
      local('ABOUT', doc.id, topic.id, c.sentence(`${doc.name} handlar om ${topic.name}.`, [mention(doc), mention(topic)]));
      c.raw('\n\n');
    }

    // Agreements: introduced once with their points, then referred to by later articles.
    const g = i % pools.agreements.length;
    const agreement = pools.agreements[g]!;
    if (i < pools.agreements.length) {
      const partyEv = c.sentence(`${nameOf(a)} och ${nameOf(b)} har ingått ${agreement.name}.`, [mention(actorAt(a), nameOf(a)), mention(actorAt(b), nameOf(b)), mention(agreement)]);
      local('PARTY_TO', actorAt(a).id, agreement.id, partyEv);
      local('PARTY_TO', actorAt(b).id, agreement.id, partyEv);
      c.raw('\n');
      for (const point of pools.points[g]!) {
        c.raw('  • ');
        const ev = c.sentence(`${point.text}.`, [mention(point, point.text)]);
        local('HAS_POINT', agreement.id, point.id, ev);
        local('PARTY_TO', actorAt(point.number! % 2 ? a : b).id, point.id, ev);
        c.raw('\n');
      }
      c.raw('\n');
    } else if (r.next() < 0.3) {
      local('PARTICIPATES_IN', actorAt(a).id, agreement.id, c.sentence(`${nameOf(a)} deltar i arbetet med ${agreement.name}.`, [mention(actorAt(a), nameOf(a)), mention(agreement)]));
      c.raw('\n\n');
    }

    // Renamed actors: the article states the name in use.
    const rename = pools.renames.get(a);
    if (rename) {
      const current = year < rename.year ? rename.oldName![0]! : rename.oldName![1]!;
      statedNames.add(current.id);
      addShared(
        { id: `fact-g-named-${a}-${current.id}`, type: 'NAMED', from: actorAt(a).id, to: current.id, ...(current === rename.oldName![0] ? { validTo: `${rename.year}-01-01` } : { validFrom: String(rename.year) }) },
        c.sentence(`Organisationen heter i dag ${current.value}.`, []),
        id,
        file,
      );
      c.raw('\n\n');
    }

    // Byline.
    const author = pools.people[(i * 7919) % pools.people.length]!;
    c.raw('Text: ');
    local('WROTE', author.id, id, c.sentence(author.name, [mention(author)]));
    c.raw('\n');

    writeFileSync(join(out, 'articles', file), c.text);
    const data = {
      article: { id, file, title, outlet: 'Syntetiska nyheter', published, publishedEvidence, authors: [author.id] },
      mentions: [...c.mentions].map(([entity, surfaces]) => ({ entity, surfaces: [...surfaces] })),
      facts,
    };
    factCount += facts.length;
    writeFileSync(join(out, 'data', file.replace(/\.txt$/, '.yaml')), `# Synthetic article ${i} (seed ${opts.seed}).\n${stringify(data, { lineWidth: 0 })}`);
    if (opts.log && (i + 1) % 10_000 === 0) opts.log(`  ${i + 1} articles …`);
  }

  // Shared facts join the file of the latest article that states them: the facts list ends each file.
  for (const { fact, home, homeFile } of shared.values()) {
    const evidence = fact.evidence.map((e) => (e.article === home ? { quote: e.quote, start: e.start, end: e.end } : e));
    appendFileSync(join(out, 'data', homeFile.replace(/\.txt$/, '.yaml')), stringify([{ ...fact, evidence }], { lineWidth: 0 }).replace(/^/gm, '  ').replace(/\s+$/, '') + '\n');
    factCount += 1;
  }

  // Entities: only those some article names, in files of bounded size.
  const all = [...pools.actors, ...pools.places, ...pools.people, ...pools.roles, ...pools.topics, ...pools.documents, ...pools.agreements, ...pools.points.flat()];
  const used = all.filter((e) => referenced.has(e.id));
  const perFile = opts.entitiesPerFile ?? 5_000;
  for (let k = 0; k * perFile < used.length; k++) {
    const chunk = used.slice(k * perFile, (k + 1) * perFile).map((e) => {
      const { names, ...rest } = e;
      const stated = (names ?? []).filter((n) => statedNames.has(n.id));
      return { ...rest, ...(stated.length ? { names: stated } : {}) };
    });
    writeFileSync(join(out, 'data', `entities-${pad(k, 4)}.yaml`), `# Synthetic entities, part ${k + 1}.\n${stringify({ entities: chunk }, { lineWidth: 0 })}`);
  }
  return { articles: opts.articles, entities: used.length, facts: factCount };
}

function parseArgs(argv: string[]): GenerateOptions {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const articles = Number(get('--articles') ?? '10');
  const seed = Number(get('--seed') ?? '1');
  if (!Number.isInteger(articles) || articles < 1 || articles > 1_000_000) throw new Error('--articles takes a whole number from 1 to 1000000');
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed takes a whole number ≥ 0');
  return { articles, seed, out: get('--out') ?? join('.data', 'corpora', `synthetic-${articles}-s${seed}`) };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const started = Date.now();
    const result = generateCorpus({ ...opts, log: (l) => console.log(l) });
    console.log(`Wrote ${result.articles} articles, ${result.entities} entities and ${result.facts} facts to ${opts.out} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
