/**
 * A small lexical scan of Cypher text: enough to find `$parameters` and top-level `;` without being fooled by
 * string literals, quoted identifiers or comments. Shared: the server checks query files and requests with it,
 * the query workspace reads the parameters of what an analyst types. The database's own parser (EXPLAIN) remains the judge of
 * syntax; this only gives clearer answers earlier.
 */

export interface CypherScan {
  /** Each parameter the text uses, with the offset of its first use. */
  parameters: Map<string, number>;
  /** The statements between top-level semicolons, trimmed, empty ones dropped. */
  statements: { text: string; start: number }[];
}

// Cypher's identifier characters, Unicode included: `$aktör` is the parameter "aktör" (combining marks kept too).
const IDENT = /\p{ID_Continue}/u;

/** A piece of Cypher text that the checks here care about; comments and everything else are skipped. */
export type CypherToken =
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'quoted'; start: number; end: number; value: string }
  | { kind: 'identifier'; start: number; end: number; value: string }
  | { kind: 'parameter'; start: number; end: number; name: string }
  | { kind: 'semicolon'; start: number; end: number };

const IDENT_START = /[\p{ID_Start}_]/u;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/**
 * The tokens of Cypher text: string literals (value with its escapes read), `quoted` names, identifiers,
 * `$parameters` and semicolons, in order; comments skipped. One lexer for the parameter scan below and the
 * server's check for names analysts may not use.
 */
export function* cypherTokens(text: string): Generator<CypherToken> {
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    const start = i;
    if (c === '/' && next === '/') {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol + 1;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (c === "'" || c === '"') {
      i = skipString(text, i, c);
      yield { kind: 'string', start, end: i, value: readString(text.slice(start + 1, i === text.length && text[i - 1] !== c ? i : i - 1)) };
    } else if (c === '`') {
      i = skipBackticks(text, i);
      yield { kind: 'quoted', start, end: i, value: unquote(text, start, i) };
    } else if (c === '$') {
      i += 1;
      let name = '';
      if (text[i] === '`') {
        const end = skipBackticks(text, i);
        name = unquote(text, i, end);
        i = end;
      } else {
        while (i < text.length && IDENT.test(text[i]!)) name += text[i++];
      }
      if (name) yield { kind: 'parameter', start, end: i, name };
    } else if (c === ';') {
      i += 1;
      yield { kind: 'semicolon', start, end: i };
    } else if (IDENT_START.test(c)) {
      while (i < text.length && IDENT.test(text[i]!)) i += 1;
      yield { kind: 'identifier', start, end: i, value: text.slice(start, i) };
    } else {
      i += 1;
    }
  }
}

/** A string literal's content with its backslash escapes read (`\'` → `'`, `\n` → a line break). */
function readString(body: string): string {
  return body.replace(/\\(.)/gs, (_m, e: string) => ESCAPES[e] ?? e);
}

/** The name inside backticks from `start` to `end` (exclusive, closing backtick included when present). */
function unquote(text: string, start: number, end: number): string {
  const closed = end > start + 1 && text[end - 1] === '`' && end <= text.length;
  return text.slice(start + 1, closed ? end - 1 : end).replace(/``/g, '`');
}

/** Scans Cypher text for parameters and statement boundaries. */
export function scanCypher(text: string): CypherScan {
  const parameters = new Map<string, number>();
  const statements: { text: string; start: number }[] = [];
  let statementStart = 0;
  const pushStatement = (end: number) => {
    const raw = text.slice(statementStart, end);
    const body = stripComments(raw).trim();
    if (body) statements.push({ text: raw.trim(), start: statementStart + (raw.length - raw.trimStart().length) });
  };
  for (const token of cypherTokens(text)) {
    if (token.kind === 'parameter' && !parameters.has(token.name)) parameters.set(token.name, token.start);
    else if (token.kind === 'semicolon') {
      pushStatement(token.start);
      statementStart = token.end;
    }
  }
  pushStatement(text.length);
  return { parameters, statements };
}

function skipString(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === quote) return i + 1;
    else i += 1;
  }
  return text.length;
}

function skipBackticks(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '`') {
      if (text[i + 1] === '`') i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}

/** The text with `//` and block comments removed (strings and quoted names kept as they are). */
export function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      const end = c === '`' ? skipBackticks(text, i) : skipString(text, i, c);
      out += text.slice(i, end);
      i = end;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** 1-based line number of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line += 1;
  return line;
}

/** `$name` parameters used in a Cypher text, in order of first use. */
export function cypherParamNames(cypher: string): string[] {
  return [...scanCypher(cypher).parameters.keys()];
}

/** How a parameter is written in Cypher: `$aktör`, or `` $`min aktör` `` when the name needs quoting. */
export function cypherParamRef(name: string): string {
  return /^[\p{ID_Start}_]\p{ID_Continue}*$/u.test(name) ? `$${name}` : `$\`${name.replace(/`/g, '``')}\``;
}
