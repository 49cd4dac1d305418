import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { Database } from '../neo4j/database';
import { nodeKey, toGraphEdge, toGraphNode, toPlain } from '../neo4j/values';
import { NotFoundError } from '../errors';
import type { NodeDetail, RoleEntry } from '../../contract/explore';
import type { Evidence } from '../../contract/graph';
import { zipEvidence, type ArticleMeta } from './evidence';
import { applyNamesAsOf, nameAt, type NameSpan } from './names';

/** Wire id → elementId of the nodes that exist; seed nodes are found by their `id` (indexed), others by elementId. */
export async function resolveNodes(db: Database, ids: string[]): Promise<Map<string, string>> {
  const result = await db.read<{ id: string; elementId: string }>(
    `CALL () {
       MATCH (n:Entity) WHERE n.id IN $ids RETURN n
       UNION
       MATCH (n:Article) WHERE n.id IN $ids RETURN n
       UNION
       MATCH (n:Name) WHERE n.id IN $ids RETURN n
       UNION
       MATCH (n) WHERE elementId(n) IN $ids RETURN n
     }
     RETURN coalesce(n.id, elementId(n)) AS id, elementId(n) AS elementId`,
    { ids },
  );
  const map = new Map<string, string>();
  for (const r of result.records) map.set(r.get('id'), r.get('elementId'));
  // A node asked for by its elementId (though it has an id) answers to that too.
  const elementIds = new Set(map.values());
  for (const id of ids) if (!map.has(id) && elementIds.has(id)) map.set(id, id);
  return map;
}

/** The 404 for ids that name no node. */
function unknownNodes(missing: string[]): NotFoundError {
  return new NotFoundError(`No node has the id ${missing.map((m) => `"${m}"`).join(', ')}. Search for it with /api/search?q=…`, { ids: missing });
}

/** Resolves ids or throws a 404 that names the unknown ones. */
export async function requireNodes(db: Database, ids: string[]): Promise<Map<string, string>> {
  const found = await resolveNodes(db, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw unknownNodes(missing);
  return found;
}

// One statement per detail (it was four: resolve the id, the detail, the evidence's articles, the role
// organisations' names): the node is found as resolveNodes finds it, and the article metadata and name
// histories are read where the facts and roles are, which saves three round trips and three transactions.
const NODE_DETAIL = `
  CALL () {
    MATCH (n:Entity) WHERE n.id = $id RETURN n
    UNION
    MATCH (n:Article) WHERE n.id = $id RETURN n
    UNION
    MATCH (n:Name) WHERE n.id = $id RETURN n
    UNION
    MATCH (n) WHERE elementId(n) = $id RETURN n
  }
  WITH n LIMIT 1
  CALL (n) {
    MATCH (n)-[r]-()
    WITH type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, count(r) AS count
    ORDER BY count DESC, type
    RETURN collect({ type: type, direction: direction, count: count }) AS degree
  }
  CALL (n) {
    MATCH (n)-[r]-(m) WHERE type(r) <> 'MENTIONS'
    WITH r, m ORDER BY type(r), coalesce(m.name, m.title, m.value, m.id)
    WITH collect({ r: r, m: m, out: startNode(r) = n }) AS rows
    RETURN rows[..$maxFacts] AS facts, size(rows) AS factTotal
  }
  CALL (n) {
    MATCH (n)-[r:NAMED]->(nm:Name)
    WITH r, nm ORDER BY coalesce(r.validFrom, r.firstSeen)
    RETURN collect({ value: nm.value, short: nm.short, validFrom: toString(r.validFrom), validTo: toString(r.validTo) }) AS nameHistory
  }
  CALL (n) {
    MATCH (a:Article)-[m:MENTIONS]->(n)
    WITH a, size(m.starts) AS count ORDER BY a.published
    WITH collect({ articleId: a.id, title: a.title, outlet: a.outlet, published: toString(a.published), count: count }) AS rows
    RETURN rows[..$maxArticles] AS mentionedIn, size(rows) AS mentionTotal
  }
  CALL (n) {
    CALL (n) {
      MATCH (n:Person)-[h:HOLDS]->(role:Role) RETURN h, role
      UNION
      MATCH (:Person)-[h:HOLDS]->(n:Role) RETURN h, n AS role
      UNION
      MATCH (:Person)-[h:HOLDS]->(role:Role)-[:AT]->(n) RETURN h, role
    }
    OPTIONAL MATCH (role)-[at:AT]->(org)
    WITH h, role, at, org, startNode(h) AS p, coalesce(h.validFrom, role.validFrom, h.firstSeen) AS since
    ORDER BY since, role.id
    WITH collect({
      roleId: role.id, title: coalesce(role.title, role.name), h: h, at: at,
      person: p { .id, .name }, organisation: org { .id, .name },
      validFrom: toString(since), validTo: toString(coalesce(h.validTo, role.validTo))
    }) AS rows
    RETURN rows[..$maxRoles] AS roles, size(rows) AS roleTotal
  }
  CALL (facts, roles) {
    UNWIND [f IN facts | f.r] + [x IN roles | x.h] + [x IN roles WHERE x.at IS NOT NULL | x.at] AS rel
    UNWIND CASE WHEN rel.evidenceArticles IS :: LIST<ANY> THEN rel.evidenceArticles ELSE [] END AS articleId
    WITH DISTINCT toString(articleId) AS articleId
    MATCH (a:Article) WHERE a.id = articleId
    RETURN collect(a { .id, .title, .outlet, published: toString(a.published) }) AS articles
  }
  CALL (roles) {
    UNWIND roles AS x
    WITH DISTINCT x.organisation.id AS orgId WHERE orgId IS NOT NULL
    MATCH (a:Actor)-[r:NAMED]->(nm:Name) WHERE a.id = orgId
    RETURN collect({ id: a.id, value: nm.value, short: nm.short, start: toString(coalesce(r.validFrom, r.firstSeen)), end: toString(r.validTo) }) AS orgNames
  }
  RETURN n, degree, facts, factTotal, nameHistory, mentionedIn, mentionTotal, roles, roleTotal, articles, orgNames`;

/**
 * A hub's detail would list tens of thousands of facts: the first MAX_FACTS (by type, then the other end's
 * name), the first MAX_ARTICLES articles that mention it (oldest first) and MAX_ROLES roles come back, with
 * the totals; the neighbourhood endpoint pages through the rest.
 */
export const DETAIL_CAPS = { maxFacts: 300, maxArticles: 200, maxRoles: 200 };

interface RoleRow {
  roleId: string;
  title: string;
  h: Relationship;
  at: Relationship | null;
  person: { id: string; name: string } | null;
  organisation: { id: string; name: string } | null;
  validFrom: string | null;
  validTo: string | null;
}

function dedupeEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.articleId}:${e.start}:${e.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Everything the detail panel shows about one node; 404 for an unknown id. With `asOf` the node and the other
 * ends of its facts are named as they were called on that date (`properties.currentName` keeps today's name).
 */
export async function nodeDetail(db: Database, id: string, asOf: string | null = null): Promise<NodeDetail> {
  const result = await db.read(NODE_DETAIL, {
    id,
    maxFacts: neo4j.int(DETAIL_CAPS.maxFacts),
    maxArticles: neo4j.int(DETAIL_CAPS.maxArticles),
    maxRoles: neo4j.int(DETAIL_CAPS.maxRoles),
  });
  const record = result.records[0];
  if (!record) throw unknownNodes([id]);

  const n = record.get('n') as Node;
  const self = nodeKey(n);
  const facts = record.get('facts') as { r: Relationship; m: Node; out: boolean }[];
  const roles = record.get('roles') as RoleRow[];
  const nameHistory = toPlain(record.get('nameHistory')) as NodeDetail['nameHistory'];

  const articles = new Map((toPlain(record.get('articles')) as ArticleMeta[]).map((a) => [a.id, a]));
  // An organisation is named as it was called when the role is first attested (SKL in 2017, not today's SKR).
  const histories = new Map<string, NameSpan[]>();
  for (const { id: orgId, ...span } of toPlain(record.get('orgNames')) as (NameSpan & { id: string })[]) histories.set(orgId, [...(histories.get(orgId) ?? []), span]);
  const orgNameThen = (r: RoleRow) => {
    if (!r.organisation) return null;
    const then = r.validFrom ? nameAt(histories.get(r.organisation.id) ?? [], r.validFrom) : null;
    return { id: r.organisation.id, name: then?.value ?? r.organisation.name };
  };
  const evidenceOf = (r: Relationship) => zipEvidence(toPlain(r.properties) as Record<string, unknown>, articles);

  const node = toGraphNode(n);
  const others = facts.map((f) => toGraphNode(f.m));
  await applyNamesAsOf(db, [node, ...others], asOf);
  const p = node.properties;
  const names = [
    ...[p['name'], p['title'], p['value']].filter((v): v is string => typeof v === 'string'),
    ...(Array.isArray(p['aliases']) ? (p['aliases'] as string[]) : []),
    ...nameHistory.flatMap((h) => [h.value, ...(h.short ? [h.short] : [])]),
  ];

  return {
    node,
    names: [...new Set(names)],
    nameHistory,
    degree: toPlain(record.get('degree')) as NodeDetail['degree'],
    facts: facts.map((f, i) => {
      const other = nodeKey(f.m);
      return {
        edge: f.out ? toGraphEdge(f.r, self, other) : toGraphEdge(f.r, other, self),
        direction: f.out ? ('out' as const) : ('in' as const),
        other: others[i]!,
        evidence: evidenceOf(f.r),
      };
    }),
    roles: roles.map(
      (r): RoleEntry => ({
        roleId: r.roleId,
        title: r.title,
        organisation: orgNameThen(r),
        person: r.person,
        validFrom: r.validFrom,
        validTo: r.validTo,
        evidence: dedupeEvidence([...evidenceOf(r.h), ...(r.at ? evidenceOf(r.at) : [])]),
      }),
    ),
    mentionedIn: toPlain(record.get('mentionedIn')) as NodeDetail['mentionedIn'],
    totals: { facts: Number(record.get('factTotal')), roles: Number(record.get('roleTotal')), mentionedIn: Number(record.get('mentionTotal')) },
  };
}
