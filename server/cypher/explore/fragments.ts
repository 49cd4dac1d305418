/**
 * Cypher predicates shared by the explorer's queries. They are constant text: they take the name of a
 * variable bound by the calling query and of a parameter (literals in our code, never user input).
 *
 * Parameters keep one type whatever the request: Neo4j caches a plan per parameter *types*, and a null in
 * place of a list (or an empty list in place of a list of strings) costs a fresh plan — seconds on a busy
 * machine. So a list filter is always a non-empty list of strings, `['*']` meaning "no filter" (`*` is no
 * label or type: user values are checked against the model's lists first), and a date is always a string
 * with a boolean saying whether it applies. `filterParams` builds them.
 */

/** The list value that means "no filter". */
export const ALL = '*';

/** Never-applied stand-in for an absent date, so `date($asOf)` always parses. */
const NO_DATE = '0001-01-01';

export interface FilterInput {
  types?: string[] | null | undefined;
  labels?: string[] | null | undefined;
  asOf?: string | null | undefined;
  includeMentions?: boolean | undefined;
}

/** Parameters for the fragments below, with stable types. MENTIONS is included when asked for or named in `types`. */
export function filterParams(f: FilterInput): { types: string[]; labels: string[]; asOf: string; dated: boolean; includeMentions: boolean } {
  return {
    types: f.types && f.types.length > 0 ? f.types : [ALL],
    labels: f.labels && f.labels.length > 0 ? f.labels : [ALL],
    asOf: f.asOf ?? NO_DATE,
    dated: Boolean(f.asOf),
    includeMentions: Boolean(f.includeMentions) || (f.types?.includes('MENTIONS') ?? false),
  };
}

/** A list parameter value: the ids given, or `['*']` for "no filter". */
export function listOrAll(values: string[] | null | undefined): string[] {
  return values && values.length > 0 ? values : [ALL];
}

/**
 * A relationship holds on the date `at` when it started on or before that day — its stated `validFrom`, else
 * the date of its first evidence (`firstSeen`), else (MENTIONS) its article's publication — and has not
 * ended (`validTo` is exclusive). True for every relationship when `dated` is false.
 */
export function relHoldsAt(r: string, at = '$asOf', dated = '$dated'): string {
  return `(NOT ${dated} OR (coalesce(${r}.validFrom, ${r}.firstSeen, startNode(${r}).published) <= date(${at}) AND (${r}.validTo IS NULL OR ${r}.validTo > date(${at}))))`;
}

/** A node exists on the date `at` unless it starts later (validFrom, or an article's publication) or has ended. */
export function nodeExistsAt(n: string, at = '$asOf', dated = '$dated'): string {
  return `(NOT ${dated} OR (coalesce(${n}.validFrom, ${n}.published, date(${at})) <= date(${at}) AND (${n}.validTo IS NULL OR ${n}.validTo > date(${at}))))`;
}

/** The relationship's type is wanted: in `$types` (unless `['*']`), and MENTIONS only when `$includeMentions`. */
export function relTypeWanted(r: string): string {
  return `(('${ALL}' IN $types OR type(${r}) IN $types) AND ($includeMentions OR type(${r}) <> 'MENTIONS'))`;
}

/** The node has one of `$labels`, or `$labels` is `['*']`. */
export function nodeHasLabel(n: string): string {
  return `('${ALL}' IN $labels OR any(l IN labels(${n}) WHERE l IN $labels))`;
}
