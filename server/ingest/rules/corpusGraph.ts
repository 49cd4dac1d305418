import type { Corpus, CorpusArticle } from '../../seed/validate';
import type { GraphLookup, KnownEntity } from '../extractor';

/**
 * A graph snapshot built from a seed corpus, as the ingestion service builds one from Neo4j: every entity
 * with its names (validity from the NAMED facts), roles with their title and organisation, people with
 * the organisations their roles, affiliations and contacts tie them to (as server/ingest/graphLookup.ts does). `keep` limits it to some entities, and
 * `aliasAllowed` to the aliases a held-out evaluation may know.
 */
export function graphFromCorpus(corpus: Corpus, keep: (id: string) => boolean = () => true, aliasAllowed: (id: string, alias: string) => boolean = () => true): GraphLookup {
  const named = new Map(corpus.facts.filter((f) => f.type === 'NAMED').map((f) => [f.to, f]));
  const atOf = new Map(corpus.facts.filter((f) => f.type === 'AT').map((f) => [f.from, f.to]));
  const orgsOf = new Map<string, Set<string>>();
  const tie = (person: string, org: string | undefined): void => {
    if (!org) return;
    const set = orgsOf.get(person) ?? new Set<string>();
    set.add(org);
    orgsOf.set(person, set);
  };
  for (const f of corpus.facts) {
    if (f.type === 'HOLDS' && keep(f.to)) tie(f.from, atOf.get(f.to));
    if (f.type === 'AFFILIATED_WITH') tie(f.from, f.to);
    if (f.type === 'HAS_CONTACT') tie(f.to, f.from);
  }
  const entities: KnownEntity[] = [];
  for (const e of corpus.entities) {
    if (!keep(e.id)) continue;
    const names = e.label === 'Actor' ? (e.names ?? []) : [];
    const known: KnownEntity = {
      id: e.id,
      label: e.label,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases.filter((a) => aliasAllowed(e.id, a)),
      names: names.map((n) => {
        const fact = named.get(n.id);
        return { value: n.value, ...(n.short ? { short: n.short } : {}), ...(fact?.validFrom ? { validFrom: fact.validFrom } : {}), ...(fact?.validTo ? { validTo: fact.validTo } : {}) };
      }),
      ...(e.validFrom ? { validFrom: e.validFrom } : {}),
      ...(e.validTo ? { validTo: e.validTo } : {}),
    };
    if (e.label === 'Role') {
      known.title = e.title;
      const at = atOf.get(e.id);
      if (at) known.at = at;
    }
    if (e.label === 'Person') known.organisations = [...(orgsOf.get(e.id) ?? [])].filter(keep);
    entities.push(known);
  }
  return { entities };
}

/** Entities an article names: its mentions and the ends of facts evidenced in it. */
export function entitiesOf(corpus: Corpus, article: CorpusArticle): Set<string> {
  const ids = new Set(article.mentions.map((m) => m.entity));
  for (const f of corpus.facts) if (f.type !== 'NAMED' && f.evidence.some((e) => e.article === article.id)) for (const id of [f.from, f.to]) ids.add(id);
  ids.delete(article.id);
  return ids;
}

/** How the graph of a held-out article is built. */
export type Mode = 'leave-one-out' | 'production';

/**
 * The graph a held-out article is extracted against. Leave-one-out: only the entities the other articles
 * name, with only the aliases they attest. Production: every entity with all its names and aliases, less the
 * surfaces only this article's curation gives it (an entity left with no name at all is new here). Either way
 * only facts evidenced in other articles (and names' validity) are known.
 */
export function heldOutGraph(corpus: Corpus, heldOut: CorpusArticle, mode: Mode): GraphLookup {
  const others = corpus.articles.filter((a) => a.id !== heldOut.id);
  const known = new Set(others.flatMap((a) => [...entitiesOf(corpus, a)]));
  const attested = new Map<string, Set<string>>();
  for (const a of others) for (const m of a.mentions) for (const s of m.spans) {
    const set = attested.get(m.entity) ?? new Set<string>();
    set.add(s.surface.toLowerCase());
    attested.set(m.entity, set);
  }
  const facts = corpus.facts.filter((f) => f.type === 'NAMED' || f.evidence.some((e) => e.article !== heldOut.id));
  if (mode === 'leave-one-out') return graphFromCorpus({ ...corpus, facts }, (id) => known.has(id), (id, alias) => attested.get(id)?.has(alias.toLowerCase()) ?? false);

  const own = new Map<string, Set<string>>();
  for (const m of heldOut.mentions) own.set(m.entity, new Set(m.spans.map((s) => s.surface.toLowerCase())));
  const allowed = (id: string, surface: string): boolean => !own.get(id)?.has(surface.toLowerCase()) || (attested.get(id)?.has(surface.toLowerCase()) ?? false);
  const full = graphFromCorpus({ ...corpus, facts }, () => true, allowed);
  const entities: KnownEntity[] = [];
  for (const e of full.entities) {
    if (e.label === 'Role' || e.label === 'Article') {
      if (known.has(e.id)) entities.push(e);
      continue;
    }
    const names = e.names.flatMap((n) => {
      if (!allowed(e.id, n.value)) return n.short && allowed(e.id, n.short) ? [{ ...n, value: n.short, short: undefined }] : [];
      return [n.short && !allowed(e.id, n.short) ? { ...n, short: undefined } : n];
    });
    const surfaces = [e.name, ...e.aliases, ...names.flatMap((n) => (n.short ? [n.value, n.short] : [n.value]))].filter((s) => allowed(e.id, s));
    if (!surfaces.length) continue;
    entities.push({ ...e, name: allowed(e.id, e.name) ? e.name : surfaces[0]!, names: names.map(({ short, ...n }) => (short ? { ...n, short } : n)) });
  }
  const kept = new Set(entities.map((e) => e.id));
  return { entities: entities.map((e) => (e.organisations ? { ...e, organisations: e.organisations.filter((o) => kept.has(o)) } : e)) };
}
