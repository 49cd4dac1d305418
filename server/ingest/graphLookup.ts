import type { Database } from '../neo4j/database';
import { toPlain } from '../neo4j/values';
import type { GraphLookup, KnownEntity, KnownName } from './extractor';

// One row per entity: its names over time (NAMED), a role's title and organisation (AT), and the
// organisations a person is linked to through a role, an affiliation or as a contact.
const ENTITIES = `
  MATCH (e:Entity)
  RETURN e.id AS id,
         head([l IN labels(e) WHERE l <> 'Entity']) AS label,
         e.kind AS kind, e.name AS name, coalesce(e.aliases, []) AS aliases,
         toString(e.validFrom) AS validFrom, toString(e.validTo) AS validTo, e.title AS title,
         [(e)-[r:NAMED]->(n:Name) | {value: n.value, short: n.short, validFrom: toString(r.validFrom), validTo: toString(r.validTo)}] AS names,
         head([(e)-[:AT]->(o:Actor) | o.id]) AS at,
         [(e)-[:HOLDS]->(:Role)-[:AT]->(o:Actor) | o.id] + [(e)-[:AFFILIATED_WITH]->(o:Actor) | o.id] + [(o:Actor)-[:HAS_CONTACT]->(e) | o.id] AS organisations
  ORDER BY id`;

interface Row {
  id: string;
  label: string | null;
  kind: string | null;
  name: string | null;
  aliases: string[];
  validFrom: string | null;
  validTo: string | null;
  title: string | null;
  names: { value: string; short: string | null; validFrom: string | null; validTo: string | null }[];
  at: string | null;
  organisations: string[];
}

/** Turns one row into the extractor's view of an entity, leaving out what the graph does not say. */
export function toKnownEntity(row: Row): KnownEntity {
  const names: KnownName[] = row.names.map((n) => ({
    value: n.value,
    ...(n.short ? { short: n.short } : {}),
    ...(n.validFrom ? { validFrom: n.validFrom } : {}),
    ...(n.validTo ? { validTo: n.validTo } : {}),
  }));
  names.sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? '') || a.value.localeCompare(b.value));
  const entity: KnownEntity = {
    id: row.id,
    label: row.label ?? 'Entity',
    kind: row.kind ?? '',
    name: row.name ?? row.id,
    aliases: row.aliases,
    names,
    ...(row.validFrom ? { validFrom: row.validFrom } : {}),
    ...(row.validTo ? { validTo: row.validTo } : {}),
  };
  if (entity.label === 'Role') {
    if (row.title) entity.title = row.title;
    if (row.at) entity.at = row.at;
  }
  if (entity.label === 'Person') entity.organisations = [...new Set(row.organisations)].sort();
  return entity;
}

/** A snapshot of every entity in the graph as the extractor sees it: names with their validity, roles, affiliations. */
export async function loadGraphLookup(db: Database): Promise<GraphLookup> {
  const result = await db.read(ENTITIES, {}, { timeoutMs: 30_000 });
  const entities = result.records.map((r) => toKnownEntity(toPlain(r.toObject()) as Row));
  return { entities };
}
