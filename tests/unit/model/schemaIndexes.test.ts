import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ENTITY_LABELS,
  FACT_COMMON_PROPERTIES,
  FACT_TYPE_NAMES,
  FACT_TYPES,
  isFactType,
  MENTION_PROPERTIES,
  MENTIONS,
  NODE_LABELS,
  nodePropertyNames,
  RELATIONSHIP_TYPES,
  type NodeLabel,
} from '../../../contract/model';

const SCHEMA = fileURLToPath(new URL('../../../cypher/schema.cypher', import.meta.url));

interface Indexed {
  statement: string;
  /** A node label, or a relationship type for a relationship index. */
  target: string;
  kind: 'node' | 'relationship';
  properties: string[];
}

/** The label or type and the properties each constraint or index of schema.cypher covers. */
function indexed(schema: string): { statements: string[]; found: Indexed[] } {
  const statements = schema
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const found: Indexed[] = [];
  for (const statement of statements) {
    const node = /FOR \((\w+):(\w+)\)/.exec(statement);
    const rel = /FOR \(\)-\[(\w+):(\w+)\]-\(\)/.exec(statement);
    const m = node ?? rel;
    if (!m) continue;
    const variable = m[1]!;
    const properties = [...statement.matchAll(new RegExp(`\\b${variable}\\.(\\w+)`, 'g'))].map((p) => p[1]!);
    found.push({ statement, target: m[2]!, kind: node ? 'node' : 'relationship', properties });
  }
  return { statements, found };
}

/** The properties the model says a relationship of this type carries. */
function relationshipProperties(type: string): string[] {
  if (type === MENTIONS) return Object.keys(MENTION_PROPERTIES);
  if (isFactType(type)) return [...Object.keys(FACT_COMMON_PROPERTIES), ...FACT_TYPES[type].properties];
  return [];
}

describe('cypher/schema.cypher and the model', () => {
  it('indexes only labels, relationship types and properties the model defines', async () => {
    const { statements, found } = indexed(await readFile(SCHEMA, 'utf8'));
    // Every statement was understood, so none escapes the check below.
    expect(found.map((f) => f.statement)).toEqual(statements);
    const wrong: string[] = [];
    for (const f of found) {
      expect(f.properties.length, f.statement).toBeGreaterThan(0);
      if (f.kind === 'node') {
        if (!(NODE_LABELS as readonly string[]).includes(f.target)) wrong.push(`label ${f.target} is not in the model: ${f.statement}`);
        else for (const p of f.properties) if (!nodePropertyNames(f.target as NodeLabel).includes(p)) wrong.push(`${f.target}.${p} is not a property of the model: ${f.statement}`);
      } else if (!RELATIONSHIP_TYPES.includes(f.target)) {
        wrong.push(`relationship type ${f.target} is not in the model: ${f.statement}`);
      } else {
        for (const p of f.properties) if (!relationshipProperties(f.target).includes(p)) wrong.push(`${f.target}.${p} is not a property of the model: ${f.statement}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('makes every node found by its id and every relationship type of the model found by its id', async () => {
    const { found } = indexed(await readFile(SCHEMA, 'utf8'));
    const byId = (kind: Indexed['kind']) => new Set(found.filter((f) => f.kind === kind && f.properties.includes('id')).map((f) => f.target));
    const nodes = byId('node');
    expect(['Entity', ...ENTITY_LABELS, 'Article', 'Name'].filter((l) => !nodes.has(l))).toEqual([]);
    const rels = byId('relationship');
    expect([...FACT_TYPE_NAMES, MENTIONS].filter((t) => !rels.has(t))).toEqual([]);
  });

  it('notices an index on a property the model does not have', () => {
    const { found } = indexed('CREATE INDEX x IF NOT EXISTS FOR ()-[r:SERVES]-() ON (r.as);\nCREATE INDEX y IF NOT EXISTS FOR (n:Article) ON (n.published);');
    expect(found.map((f) => [f.target, f.properties])).toEqual([
      ['SERVES', ['as']],
      ['Article', ['published']],
    ]);
    expect(relationshipProperties('SERVES')).not.toContain('as');
    expect(relationshipProperties('SERVES')).toContain('capacity');
  });
});
