import neo4j from 'neo4j-driver';
import { getTestDriver } from './neo4j';

/** A stored value with its Neo4j type kept visible, so that an integer turned float or a date turned string shows as a difference. */
function typed(value: unknown): unknown {
  if (neo4j.isInt(value)) return { int: value.toString() };
  if (neo4j.isDate(value)) return { date: value.toString() };
  if (neo4j.isDateTime(value)) return { datetime: value.toString() };
  if (Array.isArray(value)) return value.map(typed);
  if (typeof value === 'number') return { float: value };
  return value;
}

function sortedProps(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(props).sort().map((k) => [k, typed(props[k])]));
}

/**
 * Every node (labels, properties) and every relationship (type, ends, properties) of the test database, in a
 * stable order; the audit trail's events are left out (an export does not carry them).
 */
export async function snapshot(): Promise<{ nodes: string[]; relationships: string[] }> {
  const driver = getTestDriver();
  const nodes = await driver.executeQuery('MATCH (n) WHERE NOT n:AuditEvent RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await driver.executeQuery('MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props');
  return {
    nodes: nodes.records.map((r) => JSON.stringify({ labels: [...(r.get('labels') as string[])].sort(), props: sortedProps(r.get('props')) })).sort(),
    relationships: rels.records.map((r) => JSON.stringify({ type: r.get('type'), from: r.get('from'), to: r.get('to'), props: sortedProps(r.get('props')) })).sort(),
  };
}
