import type { NewEntity, ProposedMention } from '../../../contract/ingest';
import { ENTITY_LABELS } from '../../../contract/model';
import type { ExtractInput, Extraction, GraphLookup } from '../extractor';
import { findAnaphors } from './anaphora';
import { collectivesInLists } from './collectives';
import { findPublishedHint } from './dates';
import { magazineIssues } from './documents';
import { clauseFacts } from './facts';
import { buildGazetteer, matchKnown } from './gazetteer';
import { SpanIndex, namesOf, settle, targetRef, type Found } from './model';
import { acronyms, coordinated, organisations } from './orgMentions';
import { findPersonHits } from './people';
import { affiliations, bylines, captions } from './personFacts';
import { resolvePeople } from './persons';
import { findQuotes } from './quotes';
import { proposeRoles } from './roleFacts';
import { segment } from './segment';
import { createWork, infoFor, pronounOfRef } from './work';

/** Runs the Swedish rules over one article against a snapshot of the graph. */
export function extractRules(input: ExtractInput, snapshot: GraphLookup): Extraction {
  // Only domain entities are named in text; structural nodes (articles, Name nodes) are not candidates.
  const graph: GraphLookup = { entities: snapshot.entities.filter((e) => (ENTITY_LABELS as readonly string[]).includes(e.label)) };
  const doc = segment(input.text);
  const work = createWork(doc, input, graph);
  const info = infoFor(work);
  // Roles are named by their titles, which the role rules read in context; their display names are not surfaces.
  const gaz = buildGazetteer(graph.entities.filter((e) => e.label !== 'Role'));

  // 1. Organisations and other known names; a local acronym definition overrides the graph.
  const acr = acronyms(work);
  const known = matchKnown(doc, gaz, input.published, acr.overrides);
  const nonPerson = known.filter((f) => f.target.type !== 'known' || work.byId.get(f.target.id)?.label !== 'Person');
  const orgs = organisations(work, [...acr.found, ...nonPerson]);
  const nonPersonSurfaces = new Set(graph.entities.filter((e) => e.label !== 'Person').flatMap(namesOf));
  const personHits = findPersonHits(doc, (n) => nonPersonSurfaces.has(n));
  let settled = settle([...acr.found, ...nonPerson, ...orgs, ...magazineIssues(work, nonPerson)]);
  settled = coordinated(work, settled, personHits);
  settled = settle([...settled, ...findAnaphors(doc, settled, info, { published: input.published, entities: graph.entities })]);
  settled = settle([...settled, ...collectivesInLists(doc, settled, graph.entities, info)]);

  // 2. People: by context, or by the graph's names.
  const settledIndex = new SpanIndex(settled);
  const { hits, mentions: people, decisions } = resolvePeople(work, personHits, known, settledIndex, nonPersonSurfaces);

  // 3. Facts.
  const roleMentions: Found[] = [];
  for (const { decision, contexts } of decisions) {
    const ref = targetRef(decision.target);
    if (ref) proposeRoles(work, ref, contexts, roleMentions);
  }
  const peopleIndex = new SpanIndex(people);
  for (const q of findQuotes(doc, hits, peopleIndex, (ref) => pronounOfRef(work, ref))) work.facts.add('QUOTED_IN', q.speaker, 'article', q, q.confidence, q.rule);
  bylines(work, hits, peopleIndex);
  const all = settle([...settled, ...people, ...roleMentions]);
  affiliations(work, people, new SpanIndex(all));
  captions(work, people);
  clauseFacts(doc, all, info, work.facts);

  // 4. Output: only new entities something refers to.
  const facts = work.facts.all();
  const used = new Set<string>();
  for (const f of all) if (f.target.type === 'new') used.add(f.target.key);
  for (const f of facts) {
    used.add(f.from);
    used.add(f.to);
  }
  const entities: NewEntity[] = work.registry
    .all()
    .filter((e) => used.has(e.key))
    .map(({ at: _at, ...e }) => e);
  const newNames = new Map(entities.map((e) => [e.key, e]));
  const mentions: ProposedMention[] = all.map((f) => {
    const ne = f.target.type === 'new' ? newNames.get(f.target.key) : undefined;
    return {
      start: f.start,
      end: f.end,
      surface: doc.text.slice(f.start, f.end),
      entityId: f.target.type === 'known' ? f.target.id : null,
      newEntity: ne ? { key: ne.key, name: ne.name, label: ne.label } : null,
      ...(f.target.type === 'ambiguous' ? { ambiguous: f.target.candidates } : {}),
      confidence: f.confidence,
      rule: f.rule,
    };
  });
  return { entities, mentions, facts, publishedHint: findPublishedHint(doc.text) };
}
