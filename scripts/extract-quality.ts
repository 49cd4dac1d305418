/**
 * Measures the rule-based extractor on the seed corpus, leave-one-out (for each article the graph holds only
 * what the OTHER articles mention, with the aliases they attest) and in production mode (the whole graph less
 * the surfaces only this article's curation gives), and on the hand-written held-out articles of
 * tests/unit/ingest/heldout against the whole graph. Prints recall and precision per kind and writes
 * docs/extraction-quality.md.
 *
 *   npm run quality
 */
import { writeFile } from 'node:fs/promises';
import { FACT_TYPES, KINDS as MODEL_KINDS, type EntityLabel, type FactType } from '../contract/model';
import { readCorpus, type Corpus, type CorpusArticle } from '../server/seed/validate';
import { entitiesOf, graphFromCorpus, heldOutGraph, type Mode } from '../server/ingest/rules/corpusGraph';
import { extractRules } from '../server/ingest/rules';
import type { Extraction } from '../server/ingest/extractor';
import { nameSimilarity } from '../server/ingest/rules/text';
import { HELDOUT_KINDS, readHeldOut, scoreHeldOut, titleOf, totalOf as totalHeldOut, type HeldOutKind } from '../tests/unit/ingest/heldout/score';

interface Score {
  found: number;
  of: number;
  correct: number;
  proposed: number;
}

const zero = (): Score => ({ found: 0, of: 0, correct: 0, proposed: 0 });
const add = (a: Score, b: Score): Score => ({ found: a.found + b.found, of: a.of + b.of, correct: a.correct + b.correct, proposed: a.proposed + b.proposed });
const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

const KINDS = ['links', 'newPeople', 'newOrgs', 'roles', 'quotedPeople', 'quoteSpans'] as const;
type Kind = (typeof KINDS)[number];
const LABELS: Record<Kind, string> = {
  links: 'Links to existing entities (span, entity)',
  newPeople: 'New people',
  newOrgs: 'New organisations (Actors, not collectives)',
  roles: 'Roles (person, organisation)',
  quotedPeople: 'Quotes attributed (person quoted in article)',
  quoteSpans: 'Quote evidence spans (overlap, same person)',
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

interface ArticleResult {
  id: string;
  scores: Record<Kind, Score>;
  verbatim: { ok: number; of: number; problems: string[] };
  dateOk: boolean | null;
  misses: string[];
}

/** Maps each new-entity key to the curated entity its mentions (or name) point at. */
function mapNewEntities(corpus: Corpus, article: CorpusArticle, out: Extraction): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of out.entities) {
    const votes = new Map<string, number>();
    for (const m of out.mentions) {
      if (m.newEntity?.key !== e.key) continue;
      for (const gm of article.mentions) for (const s of gm.spans) if (overlaps(m, s)) votes.set(gm.entity, (votes.get(gm.entity) ?? 0) + 1);
    }
    let best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!best) {
      const byName = corpus.entities.find((g) => g.label === e.label && [g.name, ...g.aliases].some((n) => nameSimilarity(n, e.name) >= 0.9));
      best = byName?.id;
    }
    if (best) map.set(e.key, best);
  }
  return map;
}

function evaluate(corpus: Corpus, article: CorpusArticle, mode: Mode): ArticleResult {
  const graph = heldOutGraph(corpus, article, mode);
  const knownIds = new Set(graph.entities.map((e) => e.id));
  const out = extractRules({ text: article.text, title: article.title, published: article.published }, graph);
  const entity = new Map(corpus.entities.map((e) => [e.id, e]));
  const keyTo = mapNewEntities(corpus, article, out);
  const resolve = (ref: string): string => (ref === 'article' ? article.id : keyTo.get(ref) ?? ref);
  const misses: string[] = [];
  const scores = Object.fromEntries(KINDS.map((k) => [k, zero()])) as Record<Kind, Score>;

  // Links: curated spans of entities the graph knows; proposed mentions linked to an existing entity.
  const goldLinks = article.mentions.filter((m) => knownIds.has(m.entity)).flatMap((m) => m.spans.map((s) => ({ ...s, entity: m.entity })));
  const links = out.mentions.filter((m) => m.entityId !== null);
  for (const g of goldLinks) {
    scores.links.of++;
    if (links.some((m) => m.entityId === g.entity && overlaps(m, g))) scores.links.found++;
    else misses.push(`link missed: "${g.surface}" → ${g.entity}`);
  }
  for (const m of links) {
    scores.links.proposed++;
    if (goldLinks.some((g) => g.entity === m.entityId && overlaps(m, g))) scores.links.correct++;
    else misses.push(`link wrong: "${m.surface}" → ${m.entityId} (${m.rule})`);
  }

  // New people and organisations: curated entities of this article the graph does not know.
  const inArticle = entitiesOf(corpus, article);
  const isNewOf = (label: string) => (id: string) => {
    const e = entity.get(id);
    return !knownIds.has(id) && e?.label === label && (label !== 'Actor' || e.kind !== 'collective');
  };
  for (const [kind, label] of [['newPeople', 'Person'], ['newOrgs', 'Actor']] as const) {
    const gold = [...inArticle].filter(isNewOf(label));
    const proposed = out.entities.filter((e) => e.label === label);
    const foundIds = new Set(proposed.map((e) => keyTo.get(e.key)).filter((x): x is string => x !== undefined));
    scores[kind].of = gold.length;
    scores[kind].found = gold.filter((g) => foundIds.has(g)).length;
    for (const g of gold) if (!foundIds.has(g)) misses.push(`${label} not proposed: ${g}`);
    scores[kind].proposed = proposed.length;
    scores[kind].correct = proposed.filter((e) => {
      const id = keyTo.get(e.key);
      return id !== undefined && gold.includes(id);
    }).length;
    for (const e of proposed) if (!gold.includes(keyTo.get(e.key) ?? '')) misses.push(`${label} proposed wrongly: "${e.name}" (${e.rule})`);
  }

  // Roles: (person, organisation) pairs of HOLDS + AT.
  const ownFacts = corpus.facts.filter((f) => f.evidence.some((e) => e.article === article.id));
  const atGold = new Map(corpus.facts.filter((f) => f.type === 'AT').map((f) => [f.from, f.to]));
  const goldRoles = new Set(ownFacts.filter((f) => f.type === 'HOLDS').map((f) => `${f.from}@${atGold.get(f.to)}`));
  const atOut = new Map(out.facts.filter((f) => f.type === 'AT').map((f) => [f.from, f.to]));
  for (const e of graph.entities) if (e.label === 'Role' && e.at) atOut.set(e.id, e.at);
  const outRoles = new Set(out.facts.filter((f) => f.type === 'HOLDS').map((f) => `${resolve(f.from)}@${resolve(atOut.get(f.to) ?? '?')}`));
  scores.roles = { of: goldRoles.size, found: [...goldRoles].filter((r) => outRoles.has(r)).length, proposed: outRoles.size, correct: [...outRoles].filter((r) => goldRoles.has(r)).length };
  for (const r of goldRoles) if (!outRoles.has(r)) misses.push(`role missed: ${r}`);
  for (const r of outRoles) if (!goldRoles.has(r)) misses.push(`role wrong: ${r}`);

  // Quotes: who is quoted, and where.
  const goldQuotes = ownFacts.filter((f) => f.type === 'QUOTED_IN');
  const outQuotes = out.facts.filter((f) => f.type === 'QUOTED_IN');
  const goldSpeakers = new Set(goldQuotes.map((f) => f.from));
  const outSpeakers = new Set(outQuotes.map((f) => resolve(f.from)));
  scores.quotedPeople = { of: goldSpeakers.size, found: [...goldSpeakers].filter((s) => outSpeakers.has(s)).length, proposed: outSpeakers.size, correct: [...outSpeakers].filter((s) => goldSpeakers.has(s)).length };
  const goldEv = goldQuotes.flatMap((f) => f.evidence.filter((e) => e.article === article.id).map((e) => ({ ...e, who: f.from })));
  const outEv = outQuotes.flatMap((f) => f.evidence.map((e) => ({ ...e, who: resolve(f.from) })));
  scores.quoteSpans = {
    of: goldEv.length,
    found: goldEv.filter((g) => outEv.some((o) => o.who === g.who && overlaps(o, g))).length,
    proposed: outEv.length,
    correct: outEv.filter((o) => goldEv.some((g) => o.who === g.who && overlaps(o, g))).length,
  };
  for (const g of goldEv) if (!outEv.some((o) => o.who === g.who && overlaps(o, g))) misses.push(`quote missed: ${g.who} "${g.quote.slice(0, 60)}…"`);

  // Every span verbatim, every fact end allowed by the model.
  const problems: string[] = [];
  let ok = 0;
  let of = 0;
  const check = (what: string, quote: string, start: number, end: number): void => {
    of++;
    if (article.text.slice(start, end) === quote && end > start) ok++;
    else problems.push(`${what} [${start}, ${end}) is not verbatim`);
  };
  for (const m of out.mentions) check('mention', m.surface, m.start, m.end);
  for (const f of out.facts) for (const e of f.evidence) check(`evidence of ${f.type}`, e.quote, e.start, e.end);
  if (out.publishedHint) check('published hint', out.publishedHint.quote, out.publishedHint.start, out.publishedHint.end);
  const labelOf = (ref: string): string | undefined =>
    ref === 'article' ? 'Article' : (out.entities.find((e) => e.key === ref)?.label ?? graph.entities.find((e) => e.id === ref)?.label);
  for (const f of out.facts) {
    const spec = FACT_TYPES[f.type as FactType];
    const from = labelOf(f.from);
    const to = labelOf(f.to);
    if (!spec || !from || !to || !(spec.from as readonly string[]).includes(from) || !(spec.to as readonly string[]).includes(to)) problems.push(`fact ${f.key} ${f.type} ${from}→${to} not allowed by the model`);
    for (const p of Object.keys(f.properties)) if (!spec || !(spec.properties as readonly string[]).includes(p)) problems.push(`fact ${f.key} ${f.type} has property ${p}, which the model does not allow`);
  }
  for (const e of out.entities) {
    if (!(MODEL_KINDS[e.label as EntityLabel] as readonly string[] | undefined)?.includes(e.kind)) problems.push(`new entity ${e.key} has kind ${e.kind}, not one of ${e.label}'s`);
  }
  return { id: article.id, scores, verbatim: { ok, of, problems }, dateOk: out.publishedHint ? out.publishedHint.date === article.published : null, misses };
}

const INTRO = [
  'The rule-based extractor (`rules-sv`) is measured three ways. The seed articles are the tuning set: each is stripped',
  'of its YAML, run through the extractor, and its proposals compared with the curated mentions and facts. A link',
  'counts when it overlaps a curated span of the same entity; a new entity counts when its mentions overlap the',
  'curated entity\'s spans (or its name matches).',
  '',
  '- **Leave-one-out** (the figure to quote): the graph holds only the entities the *other* four articles name, with only',
  '  the aliases they attest. Whatever only the held-out article names must be found as new, and an entity is linked',
  '  only by names someone curated elsewhere, which is what happens when an analyst brings a new article.',
  '- **Production mode**: the graph holds every seed entity with every name and alias, less the surfaces that only the',
  '  held-out article\'s curation gives it (so its own wording is still unseen; an entity left with no name is new). It is',
  '  the app as shipped, and it is harder on recall, not easier: entities only the held-out article names stay in the',
  '  graph under their display names ("Digitaliseringsstudien", "Handslag för fördjupad digital samverkan"), so their',
  '  curated mentions ("studien", "Samarbetet", "handslaget") count as links to find. It is reported beside',
  '  leave-one-out rather than instead of it: leave-one-out asks the question an unseen article asks, whether the rules',
  '  find an entity by names written elsewhere; production mode adds how well display names stand for a thing.',
  '- **Held-out**: three short news articles written for this test (tests/unit/ingest/heldout), with expectations written',
  '  before they were first run, against the whole seed graph. They were never tuned on; they are small, and written by',
  '  the same hand as the rules, so read them as a check that the rules are not fitted to five texts, not as a promise.',
  '',
  'Hand-written Swedish trap sentences (an acronym defined locally as something else, a namesake at another',
  'organisation, "myndigheten" with no or with two antecedents, a place after a speech verb) are checked by',
  'tests/unit/ingest/rules.test.ts.',
];

const HELDOUT_INTRO = [
  'Each article names known actors (SKL/SKR, Digg, regeringen, Inera, Lantmäteriet, kommuner …) and new ones, quotes',
  'people with titles, and sets a trap: a foreign government, a local project abbreviated DIGG led by a namesake of',
  'Digg\'s director-general, "Kommunen" and "Utredningen" naming new bodies. Links to roles are scored as roles; a',
  'role counts when the person is placed at the organisation (HOLDS + AT, or AFFILIATED_WITH with the title).',
  '',
  'Their history, for honesty: run once with the extractor as it stood when they were written (links 89.2 % recall,',
  '93.0 % precision; new people 88.9 %; new organisations 80.0 % / 80.0 %; roles 70.0 %; quotes 90.0 %; traps 6 of 9),',
  'then once more after the rules of this round were tuned on the seed articles only (the figures below). What they',
  'missed is listed at the end and was deliberately not fixed. tests/unit/ingest/heldout/heldout.test.ts holds floors',
  'a little below these figures.',
];

const HOW = [
  '## How the rules work',
  '',
  '`server/ingest/rules/`: `segment` (Intl.Segmenter sentences, words, paragraphs), `gazetteer` + `inflection` (every',
  'name, alias, official name and short; genitive "SKL:s"/"Diggs"/"Digg:s", definite and plural forms of common-noun',
  'names, acronyms by case, names valid on the article\'s date, typos in long names), `organisations` + `orgMentions`',
  '("Myndigheten för …", "-verket", "-departementet", "Region X", "X kommun", "X AB", "Long Name (ACR)" which overrides',
  'the graph for that acronym, names listed with a known organisation), `anaphora`, `collectives`, `documents`,',
  '`people` + `persons` (speech verbs, titles before/after the name, "enligt", bylines, party labels, common given',
  'names; namesakes at another organisation are not linked), `roles` + `roleFacts` (title + organisation → Role with',
  'HOLDS/AT, or AFFILIATED_WITH), `quotes` (dash paragraphs, continued quotes, "säger hon", quotation marks, reported',
  'speech), `facts` (ESTABLISHED, PUBLISHED between adjacent mentions), `personFacts` (bylines, captions, c/o',
  'addresses), `dates` (the stated publication date).',
  '',
  'Rules of Swedish that link names beyond their listed spellings (each has a unit test in tests/unit/ingest/rules.test.ts):',
  '',
  '- **Common-noun names are inflected and rephrased** (`inflection.nameForms`): a lower-case name, or the sentence-case',
  '  display name of a theme, collective or service category, is also found definite and plural ("den samlande digitala',
  '  myndigheten"), without its indefinite article, one coordinated adjective at a time ("effektivt och standardiserat',
  '  informationsutbyte" → "effektivt informationsutbyte"), the first of coordinated nouns ("gemensam prioritering, takt',
  '  och finansiering" → "gemensam prioritering"), a theme by its head before "mellan/som/i …", and a process noun with',
  '  its domain in the genitive or after a preposition ("offentlig sektors digitalisering" ↔ "digitaliseringen i/inom/av',
  '  (den) offentlig(a) sektor(n)"). A plural name also names one ("e-legitimationer" → "e-legitimation"), except for',
  '  collectives. Adjectives the text coordinates in ("en samlande, stödjande och främjande myndighet") still match.',
  '- **Names the graph implies** (`gazetteer.buildGazetteer`): the initials of a proper name, valid when the name was',
  '  ("Sveriges Kommuner och Regioner" → SKR), and the compound head of a descriptive organisation name',
  '  ("Organisationskommittén för …" → "organisationskommittén", "organisationskommitté"). Stated names win over these.',
  '- **Nesting decided by grammar, not length alone**: a possessor\'s genitive at the start of a document\'s or theme\'s',
  '  name is its own mention ("regeringens | budgetproposition för 2018"); a theme whose name goes on to name others',
  '  ("återkommande förhandlingar | mellan stat, kommun …") is cited by its head; a process noun keeps its domain',
  '  ("digitaliseringen i offentlig sektor" is one mention). A long name written shorter than the graph holds it still',
  '  links.',
  '- **Compounds with a hyphen** link the name before a generic head ("SKR-kansliet", "Digg-rapporten", "SKL-ägda") and',
  '  not before a head that makes a name of its own ("KommITS-tidningen", "Digg-dagen"); such compounds are not proposed',
  '  as organisations. A magazine\'s name with an issue number ("KommITS-tidningen nummer 2/2017") is the issue.',
  '- **Definite anaphora** (`anaphora`): "myndigheten", "förbundets", "departementet" … link to the last compatible',
  '  organisation within three sentences (the most often named on a choice, none on a tie), and a resolved one is an',
  '  antecedent for the next. A description on the spot is part of the mention ("myndigheten för offentlig',
  '  digitalisering"). "Den nya myndigheten" (or "den nya digitaliseringsmyndigheten") with no antecedent, and such a',
  '  description, go to the one agency the graph has opening between two years after and one year before the article\'s',
  '  date, unless the text has named an agency the graph does not know.',
  '- **Collectives in lists** (`collectives`): in a list that holds a collective, bare singulars and head nouns name',
  '  the sector ("mellan stat, kommun, landsting och region", "departementen, myndigheterna, SKL, kommuner"); a',
  '  singular after a determiner ("en kommun", "kommunen") is one body and is left alone.',
  '- **Case**: acronyms and mixed-case names match exactly; a short one-word proper name written in lower case ("digg")',
  '  is not the name, a long one ("digitaliseringsstyrelsen") is; a lower-case name takes a capital only where a',
  '  sentence starts.',
  '',
  '## Known weaknesses',
  '',
  '- Paraphrases are not links: "en ny myndighet för samordning av digital förvaltning" for Digg, "den offentliga',
  '  förvaltningen" or "publika sektorn" for the public sector, "samordnad digital infrastruktur" for national digital',
  '  infrastructure, "djupare samverkan" for "fördjupad samverkan". Only names, aliases and the forms above link.',
  '- Curation the rules cannot see: a genitive the curators left out ("alla myndigheters system"), a theme nested in a',
  '  longer curated phrase ("tydliga målsättningar för offentlig sektors digitalisering"), "mål för myndigheten" (linked',
  '  by the anaphora rule, not curated) count against precision above.',
  '- Found by the held-out articles and deliberately not fixed (no tuning on them): a foreign government ("Den danska',
  '  regeringen") links to regeringen; a namesake of a known person introduced later in the same article ("läraren Anna',
  '  Eriksson") is taken for the known one; a compound capitalised in a headline ("Digitaliseringsmyndigheten") is',
  '  proposed as a new organisation; a long name with "i" inside ("Utredningen om säker molnanvändning i offentlig',
  '  förvaltning") is cut short; "leds av" and an implied employer give no role.',
  '- Lower-case proper names not in the graph ("digitaliseringsstyrelsen" the first time) and unnamed bodies ("den',
  '  organisationskommitté som …") are not proposed as organisations unless a title names them.',
  '- Indirect speech without a speech verb ("Anna Eriksson … ser fram emot att …") is not taken as a quote.',
  '- In production mode, agreements, studies and reports curated only by common nouns ("handslaget", "studien",',
  '  "Samarbetet", "rapport") are not linked: a one-word common noun links only after the thing was named otherwise.',
  '- Role kinds are the model\'s five; other titles ("strateg", "handläggare") become AFFILIATED_WITH with the title as `basis`.',
];

const corpus = await readCorpus('seed');
const MODES: Mode[] = ['leave-one-out', 'production'];
const byMode = Object.fromEntries(MODES.map((mode) => [mode, corpus.articles.map((a) => evaluate(corpus, a, mode))])) as Record<Mode, ArticleResult[]>;
const totalOf = (results: readonly ArticleResult[]): Record<Kind, Score> => Object.fromEntries(KINDS.map((k) => [k, results.reduce((s, r) => add(s, r.scores[k]), zero())])) as Record<Kind, Score>;
const results = byMode['leave-one-out'];
const verbatimOk = MODES.every((m) => byMode[m].every((r) => r.verbatim.problems.length === 0));

// Held-out articles written by hand (tests/unit/ingest/heldout), extracted against the whole seed graph.
const fullGraph = graphFromCorpus(corpus);
const heldOut = await readHeldOut();
const heldOutResults = heldOut.map((a) => scoreHeldOut(a, extractRules({ text: a.text, title: titleOf(a.text), published: a.expected.published }, fullGraph), fullGraph));
const heldOutTotal = totalHeldOut(heldOutResults);

const table = (total: Record<string, Score>, kinds: readonly string[], labels: Record<string, string>): string[] => [
  '| Kind | Recall | Precision | Found / expected | Correct / proposed |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...kinds.map((k) => `| ${labels[k]} | ${pct(total[k]!.found, total[k]!.of)} | ${pct(total[k]!.correct, total[k]!.proposed)} | ${total[k]!.found} / ${total[k]!.of} | ${total[k]!.correct} / ${total[k]!.proposed} |`),
];
const perArticle = (rs: readonly { id: string; scores: Record<string, Score> }[], kinds: readonly string[], labels: Record<string, string>): string[] => [
  `| Article | ${kinds.map((k) => labels[k]!.split(' (')[0]).join(' | ')} |`,
  `| --- | ${kinds.map(() => '---').join(' | ')} |`,
  ...rs.map((r) => `| ${r.id} | ${kinds.map((k) => `${r.scores[k]!.found}/${r.scores[k]!.of} · ${r.scores[k]!.correct}/${r.scores[k]!.proposed}`).join(' | ')} |`),
];
const HELD_LABELS: Record<HeldOutKind, string> = {
  links: LABELS.links,
  newPeople: LABELS.newPeople,
  newOrgs: LABELS.newOrgs,
  roles: 'Roles (person placed at organisation: HOLDS + AT or AFFILIATED_WITH)',
  quotedPeople: LABELS.quotedPeople,
};

const lines: string[] = [
  '# Extraction quality',
  '',
  'Generated by `npm run quality` (scripts/extract-quality.ts); do not edit by hand.',
  '',
  ...INTRO,
  '',
  '## Seed articles, leave-one-out (the headline figure)',
  '',
  ...table(totalOf(results), KINDS, LABELS),
  '',
  '## Seed articles, production mode',
  '',
  ...table(totalOf(byMode.production), KINDS, LABELS),
  '',
  `Every proposed span verbatim at its offsets, every fact's ends, properties and every new entity's kind allowed by the model: **${verbatimOk ? 'yes' : 'NO'}** (${MODES.reduce((s, m) => s + byMode[m].reduce((t, r) => t + r.verbatim.ok, 0), 0)} / ${MODES.reduce((s, m) => s + byMode[m].reduce((t, r) => t + r.verbatim.of, 0), 0)} spans, both modes).`,
  `Publication date read from the text: ${results.filter((r) => r.dateOk).length} of ${results.length} articles right${results.some((r) => r.dateOk === false) ? ', some wrong' : ''}.`,
  '',
  '## Held-out articles written for this test (never tuned on)',
  '',
  ...HELDOUT_INTRO,
  '',
  ...table(heldOutTotal.scores, HELDOUT_KINDS, HELD_LABELS),
  '',
  `Traps (a surface that names something else here) left unlinked: ${heldOutTotal.traps.kept} of ${heldOutTotal.traps.of}. Every span verbatim: **${heldOutResults.every((r) => r.verbatim) ? 'yes' : 'NO'}**.`,
  '',
  '## Per article',
  '',
  'Cells: found / expected · correct / proposed.',
  '',
  '### Leave-one-out',
  '',
  ...perArticle(results, KINDS, LABELS),
  '',
  '### Production mode',
  '',
  ...perArticle(byMode.production, KINDS, LABELS),
  '',
  '### Held-out',
  '',
  ...perArticle(heldOutResults, HELDOUT_KINDS, HELD_LABELS),
  '',
  ...HOW,
  '',
  '## What it missed or got wrong (leave-one-out)',
  '',
  ...results.flatMap((r) => [`### ${r.id}`, '', ...(r.misses.length ? r.misses.map((m) => `- ${m}`) : ['- nothing']), ...r.verbatim.problems.map((p) => `- ${p}`), '']),
  '## What it missed or got wrong (production mode, where it differs)',
  '',
  ...byMode.production.flatMap((r) => {
    const loo = new Set(results.find((x) => x.id === r.id)?.misses);
    const diff = r.misses.filter((m) => !loo.has(m));
    return [`### ${r.id}`, '', ...(diff.length ? diff.map((m) => `- ${m}`) : ['- nothing beyond the leave-one-out list']), ''];
  }),
  '## What it missed or got wrong (held-out)',
  '',
  ...heldOutResults.flatMap((r) => [`### ${r.id}`, '', ...(r.misses.length ? r.misses.map((m) => `- ${m}`) : ['- nothing']), '']),
];
const report = lines.join('\n');
await writeFile('docs/extraction-quality.md', report);
console.log(report.split('\n## Per article')[0]);
console.log(MODES.map((m) => `${m}: ${byMode[m].map((r) => `${r.id} ${r.misses.length}`).join(', ')} misses`).join('\n'));
if (process.argv.includes('--misses')) console.log(report.split('## What it missed or got wrong (leave-one-out)')[1]);
