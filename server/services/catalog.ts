import type { Database } from '../neo4j/database';
import { toPlain } from '../neo4j/values';
import { ValidationError } from '../errors';
import type { SchemaResponse } from '../../contract/explore';
import { DRAFT_LABEL, DRAFT_ONLY_KEYS } from '../ingest/drafts';
import { PROTECTED_LABELS, PROTECTED_PROPERTIES } from '../queries/protected';

// Ingest drafts, accounts, sessions and the audit trail live in the database but are not part of the explored
// graph: their labels are neither listed nor accepted as a filter, and the keys only they use are not listed.
const HIDDEN_LABELS = new Set([DRAFT_LABEL, ...PROTECTED_LABELS]);
const HIDDEN_KEYS = new Set<string>([...DRAFT_ONLY_KEYS, ...PROTECTED_PROPERTIES]);

/** Where a checked value came from, for the error message: `query parameter "labels"`, `body field "types"`. */
export interface ParameterRef {
  where: 'query parameter' | 'body field' | 'path parameter';
  name: string;
}

const TTL_MS = 10_000;

interface Lists {
  labels: Set<string>;
  types: Set<string>;
  at: number;
}

/**
 * The database's own lists of labels and relationship types, cached for a few seconds. Labels and types a
 * user names are checked against them before they reach a query; a miss refreshes the lists once, so a type
 * created a moment ago is not refused.
 */
export class Catalog {
  private lists: Lists | undefined;
  private loading: Promise<Lists> | undefined;

  constructor(private readonly db: Database) {}

  private async load(force: boolean): Promise<Lists> {
    if (!force && this.lists && Date.now() - this.lists.at < TTL_MS) return this.lists;
    this.loading ??= (async () => {
      try {
        const [labels, types] = await Promise.all([
          this.db.read<{ label: string }>('CALL db.labels() YIELD label RETURN label'),
          this.db.read<{ relationshipType: string }>('CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType'),
        ]);
        this.lists = {
          labels: new Set(labels.records.map((r) => r.get('label')).filter((l) => !HIDDEN_LABELS.has(l))),
          types: new Set(types.records.map((r) => r.get('relationshipType'))),
          at: Date.now(),
        };
        return this.lists;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private async check(kind: 'labels' | 'types', values: string[] | undefined, ref: ParameterRef): Promise<string[] | null> {
    if (values === undefined) return null;
    if (values.length === 0) throw new ValidationError(`${ref.where} "${ref.name}": give at least one ${kind === 'labels' ? 'label' : 'relationship type'}`, [{ parameter: ref.name, message: 'empty list' }]);
    let lists = await this.load(false);
    let unknown = values.filter((v) => !lists[kind].has(v));
    if (unknown.length > 0) {
      lists = await this.load(true);
      unknown = values.filter((v) => !lists[kind].has(v));
    }
    if (unknown.length > 0) {
      const noun = kind === 'labels' ? 'label' : 'relationship type';
      const known = [...lists[kind]].sort().join(', ');
      const message = `unknown ${noun}${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${known}`;
      throw new ValidationError(`${ref.where} "${ref.name}": ${message}`, [{ parameter: ref.name, message }]);
    }
    return [...new Set(values)];
  }

  /** Returns the labels (de-duplicated) or null when none were given; throws a 400 naming the parameter for an unknown one. */
  checkLabels(values: string[] | undefined, ref: ParameterRef): Promise<string[] | null> {
    return this.check('labels', values, ref);
  }

  /** Returns the relationship types (de-duplicated) or null when none were given; 400 for an unknown one. */
  checkTypes(values: string[] | undefined, ref: ParameterRef): Promise<string[] | null> {
    return this.check('types', values, ref);
  }

  /** Labels and relationship types with their counts, and every property key, for GET /api/schema. */
  async describe(): Promise<SchemaResponse> {
    const lists = await this.load(true);
    // Counts from the count store, which answers only for a label or type written in the query: one
    // constant-time count per name (names come from the database itself and are quoted).
    const counts = async (names: string[], pattern: (quoted: string) => string) => {
      if (names.length === 0) return new Map<string, number>();
      const query = names.map((name, i) => `CALL () { MATCH ${pattern(quote(name))} RETURN count(*) AS c${i} }`).join('\n') + `\nRETURN [${names.map((_, i) => `c${i}`).join(', ')}] AS counts`;
      const values = (await this.db.read(query)).records[0]!.get('counts') as unknown[];
      return new Map(names.map((name, i) => [name, toPlain(values[i]) as number]));
    };
    const labelNames = [...lists.labels].sort();
    const typeNames = [...lists.types].sort();
    const [labelCounts, typeCounts, keys] = await Promise.all([
      counts(labelNames, (l) => `(n:${l})`),
      counts(typeNames, (t) => `()-[r:${t}]->()`),
      this.db.read('CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey'),
    ]);
    return {
      labels: labelNames.map((label) => ({ label, count: labelCounts.get(label) ?? 0 })),
      relationshipTypes: typeNames.map((type) => ({ type, count: typeCounts.get(type) ?? 0 })),
      propertyKeys: keys.records.map((r) => String(r.get('propertyKey'))).filter((k) => !HIDDEN_KEYS.has(k)),
    };
  }
}

/** A label or type as a Cypher identifier: in backticks, a backtick doubled. */
function quote(name: string): string {
  return '`' + name.replaceAll('`', '``') + '`';
}

const catalogs = new WeakMap<Database, Catalog>();

/** The one Catalog of a database, shared by every route module. */
export function catalogFor(db: Database): Catalog {
  let catalog = catalogs.get(db);
  if (!catalog) catalogs.set(db, (catalog = new Catalog(db)));
  return catalog;
}
