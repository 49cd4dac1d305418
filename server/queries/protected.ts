import { QueryRejectedError } from '../errors';
import { cypherTokens } from '../../contract/cypherText';

/**
 * What analysts' Cypher may not touch (docs/auth-design.md, "Protected data"): the labels that hold accounts,
 * sessions, the audit trail and unreviewed drafts, and the properties that hold secrets.
 */
export const PROTECTED_LABELS: readonly string[] = ['User', 'Session', 'AuditEvent', 'IngestDraft'];
export const PROTECTED_PROPERTIES: readonly string[] = ['passwordHash', 'csrf'];

const PROTECTED = new Map([...PROTECTED_LABELS, ...PROTECTED_PROPERTIES].map((name) => [name.toLowerCase(), name]));

/** Whether a node with these labels is withheld from every result. */
export function isProtectedNode(labels: readonly string[]): boolean {
  return labels.some((l) => PROTECTED_LABELS.includes(l));
}

/** Whether a map key is a protected property, removed from maps in results (e.g. `properties(n)`). */
export function isProtectedKey(key: string): boolean {
  return PROTECTED_PROPERTIES.includes(key);
}

/**
 * Whether a name is a protected one. Names in the query (identifiers, `quoted` names) count only in their exact
 * spelling, as Cypher's labels and property keys are case-sensitive (`:user` is another label, and `user` is a
 * fine variable); text (a string's content, a parameter's value) counts in any case, since functions such as
 * toLower() can turn it into a name.
 */
export function protectedName(name: string, anyCase = true): string | undefined {
  if (!anyCase) return [...PROTECTED_LABELS, ...PROTECTED_PROPERTIES].find((p) => p === name);
  return PROTECTED.get(name.trim().toLowerCase());
}

// \uXXXX and \UXXXXXXXX: Cypher reads these in strings, and some parsers in names too.
const UNICODE_ESCAPE = /\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g;

function decodeEscapes(text: string): string {
  return text.replace(UNICODE_ESCAPE, (whole, four: string | undefined, eight: string | undefined) => {
    const code = parseInt(four ?? eight ?? '', 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The protected names a Cypher text uses, each once, in the spelling of the list: every identifier (labels,
 * relationship types, properties, variables, map keys) and every `quoted` name in its exact spelling, and every
 * string literal whose content is one in any case. Comments and `$parameter` names are skipped. A token-level
 * check: `MATCH (n:`User`)`, `n['PASSWORDHASH']` and `labels(n) = ['session']` are caught alike, while words
 * inside longer strings ('a user') and a variable named `user` are not.
 */
export function protectedNamesIn(cypher: string): string[] {
  const found = new Set<string>();
  for (const token of cypherTokens(decodeEscapes(cypher))) {
    // A parameter's name is not a name in the graph; its value is checked when the query runs.
    if (token.kind === 'parameter' || token.kind === 'semicolon') continue;
    const name = protectedName(token.value, token.kind === 'string');
    if (name) found.add(name);
  }
  return [...found];
}

function refusal(names: string[], where: string): QueryRejectedError {
  const labels = names.filter((n) => PROTECTED_LABELS.includes(n));
  const properties = names.filter((n) => PROTECTED_PROPERTIES.includes(n));
  const what = [
    ...(labels.length ? [`the label${labels.length > 1 ? 's' : ''} ${labels.join(', ')}`] : []),
    ...(properties.length ? [`the propert${properties.length > 1 ? 'ies' : 'y'} ${properties.join(', ')}`] : []),
  ].join(' and ');
  return new QueryRejectedError(
    'PROTECTED_DATA',
    `The query ${where} ${what}, which hold${names.length > 1 ? '' : 's'} sign-in data, the audit trail or unreviewed drafts; queries here may not read them. ` +
      'If the name is only a variable or a key in your query, rename it.',
    { names },
  );
}

/** Refuses (422 PROTECTED_DATA) Cypher text that names a protected label or property. */
export function refuseProtectedText(cypher: string): void {
  const names = protectedNamesIn(cypher);
  if (names.length) throw refusal(names, 'names');
}

/** Refuses (422 PROTECTED_DATA) parameter values that spell a protected name, as a dynamic label or key would use them. */
export function refuseProtectedValues(params: Record<string, unknown>): void {
  const names = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (depth > 4) return;
    if (typeof value === 'string') {
      const name = protectedName(value);
      if (name) names.add(name);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, depth + 1));
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => walk(v, depth + 1));
  };
  Object.values(params).forEach((v) => walk(v, 0));
  if (names.size) throw refusal([...names], 'is given a parameter value naming');
}
