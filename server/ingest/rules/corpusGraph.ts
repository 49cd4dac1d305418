import type { Corpus } from '../../seed/validate';
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
