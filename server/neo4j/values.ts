import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import type { Graph, GraphEdge, GraphNode } from '../../contract/graph';

export type { Graph, GraphEdge, GraphNode };

/** Converts any value the driver returns into plain JSON: integers, temporals, nodes, relationships, paths. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers: they need none of the driver's type checks below.
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toPlain(value[i]);
    return out;
  }
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) return { srid: toPlain(value.srid), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  if (neo4j.isNode(value)) return toGraphNode(value);
  if (neo4j.isRelationship(value)) return toGraphEdge(value, String(value.startNodeElementId), String(value.endNodeElementId));
  if (neo4j.isPath(value)) return pathToGraph(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(properties)) out[key] = toPlain(properties[key]);
  return out;
}

/** A node's wire id: its stable `id` property when it has one, else its elementId. */
export function nodeKey(node: Node): string {
  const id = node.properties['id'];
  return typeof id === 'string' ? id : node.elementId;
}

export function toGraphNode(node: Node): GraphNode {
  return { id: nodeKey(node), labels: [...node.labels], properties: plainProperties(node.properties) };
}

export function toGraphEdge(rel: Relationship, source: string, target: string): GraphEdge {
  const id = rel.properties['id'];
  return {
    id: typeof id === 'string' ? id : rel.elementId,
    source,
    target,
    type: rel.type,
    properties: plainProperties(rel.properties),
  };
}

function pathToGraph(path: Path): Graph {
  const builder = new GraphBuilder();
  builder.addPath(path);
  return builder.build();
}

/** Collects nodes and relationships found anywhere in driver values, de-duplicated, into one Graph. */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly keysByElementId = new Map<string, string>();
  private readonly rels = new Map<string, Relationship>();

  addNode(node: Node): string {
    const key = nodeKey(node);
    this.keysByElementId.set(node.elementId, key);
    if (!this.nodes.has(key)) this.nodes.set(key, toGraphNode(node));
    return key;
  }

  addRelationship(rel: Relationship): void {
    this.rels.set(rel.elementId, rel);
  }

  addPath(path: Path): void {
    for (const segment of path.segments) {
      this.addNode(segment.start);
      this.addNode(segment.end);
      this.addRelationship(segment.relationship);
    }
    this.addNode(path.start);
  }

  /** Walks any value (lists, maps, paths) and keeps every node and relationship in it. */
  collect(value: unknown, depth = 0): void {
    if (value === null || value === undefined || depth > 8) return;
    if (neo4j.isNode(value)) this.addNode(value);
    else if (neo4j.isRelationship(value)) this.addRelationship(value);
    else if (neo4j.isPath(value)) this.addPath(value);
    else if (Array.isArray(value)) value.forEach((v) => this.collect(v, depth + 1));
    else if (typeof value === 'object' && !neo4j.isInt(value) && Object.getPrototypeOf(value) === Object.prototype) {
      Object.values(value as Record<string, unknown>).forEach((v) => this.collect(v, depth + 1));
    }
  }

  /** Relationships whose end nodes were not collected are kept out, so every edge has both ends. */
  build(): Graph {
    const edges: GraphEdge[] = [];
    for (const rel of this.rels.values()) {
      const source = this.keysByElementId.get(rel.startNodeElementId);
      const target = this.keysByElementId.get(rel.endNodeElementId);
      if (source && target) edges.push(toGraphEdge(rel, source, target));
    }
    return { nodes: [...this.nodes.values()], edges };
  }
}
