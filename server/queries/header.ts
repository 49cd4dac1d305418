import { PARAM_TYPES, type ParamType, type QueryParam } from '../../contract/queries';
import { lineOf, scanCypher } from './cypherText';
import { parseDefaultText } from './params';

/** A named query: its header and its Cypher body. */
export interface QueryDefinition {
  name: string;
  title: string;
  description: string;
  params: QueryParam[];
  cypher: string;
  /** Where it came from, for messages (library files only). */
  file?: string;
}

/** A query file the loader refuses; the message starts with `file:line:` so an editor can jump there. */
export class QueryFileError extends Error {
  readonly code = 'QUERY_FILE_INVALID';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'QueryFileError';
  }
}

export const QUERY_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HEADER_KEY = /^\/\/\s*([A-Za-z][\w-]*)\s*:(.*)$/;
const TYPE_PATTERN = PARAM_TYPES.map((t) => t.replace(/[<>]/g, (c) => `\\${c}`)).join('|');
// `name type [= default] ["description"]`; the description is the double-quoted text at the end of the line.
const PARAM_LINE = new RegExp(`^([A-Za-z_][A-Za-z0-9_]*)\\s+(\\S+)(?:\\s*=\\s*(.*?))?(?:\\s+"([^"]*)")?\\s*$`);
const KNOWN_TYPE = new RegExp(`^(?:${TYPE_PATTERN})$`);

/** "partners-of-actor" → "Partners of actor": the title of a query that does not give one. */
export function titleFromName(name: string): string {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Parses one query file: a header of `// key: value` lines (name, title, description, param) followed by one
 * Cypher statement. Refuses, with the line, anything it cannot read or that does not agree with the body.
 */
export function parseQueryFile(text: string, file: string, expectedName?: string): QueryDefinition {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let name: string | undefined;
  let title: string | undefined;
  let description: string | undefined;
  const params: (QueryParam & { line: number })[] = [];
  let continuing: 'title' | 'description' | undefined;
  let bodyStart = lines.length;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const lineNo = i + 1;
    if (line === '') {
      continuing = undefined;
      continue;
    }
    if (!line.startsWith('//')) {
      bodyStart = i;
      break;
    }
    const key = HEADER_KEY.exec(line);
    if (!key) {
      const rest = line.replace(/^\/\/\s?/, '').trim();
      if (rest === '') {
        continuing = undefined;
      } else if (continuing === 'description') {
        description = `${description} ${rest}`;
      } else if (continuing === 'title') {
        title = `${title} ${rest}`;
      } else {
        throw new QueryFileError(file, lineNo, `header line is not "// key: value" (keys: name, title, description, param): ${clip(line)}`);
      }
      continue;
    }
    const k = key[1]!.toLowerCase();
    const value = key[2]!.trim();
    continuing = undefined;
    switch (k) {
      case 'name':
        if (name !== undefined) throw new QueryFileError(file, lineNo, 'the header gives "name" twice');
        if (!QUERY_NAME.test(value)) throw new QueryFileError(file, lineNo, `the name "${value}" is not kebab-case (lower-case letters, digits and single hyphens)`);
        name = value;
        break;
      case 'title':
        if (title !== undefined) throw new QueryFileError(file, lineNo, 'the header gives "title" twice');
        if (!value) throw new QueryFileError(file, lineNo, 'the title is empty');
        title = value;
        continuing = 'title';
        break;
      case 'description':
        if (description !== undefined) throw new QueryFileError(file, lineNo, 'the header gives "description" twice');
        if (!value) throw new QueryFileError(file, lineNo, 'the description is empty');
        description = value;
        continuing = 'description';
        break;
      case 'param': {
        const m = PARAM_LINE.exec(value);
        if (!m) throw new QueryFileError(file, lineNo, `a param line reads "// param: name type [= default] [\\"description\\"]", got: ${clip(value)}`);
        const [, pName, pType, pDefault, pDescription] = m;
        if (!KNOWN_TYPE.test(pType!)) throw new QueryFileError(file, lineNo, `param "${pName}" has the unknown type "${pType}" (types: ${PARAM_TYPES.join(', ')})`);
        if (params.some((p) => p.name === pName)) throw new QueryFileError(file, lineNo, `param "${pName}" is declared twice`);
        const param: QueryParam & { line: number } = { name: pName!, type: pType as ParamType, line: lineNo };
        if (pDefault !== undefined && pDefault !== '') {
          const parsed = parseDefaultText(param.type, pDefault);
          if (!parsed.ok) throw new QueryFileError(file, lineNo, `param "${pName}": the default does not fit its type ${pType}: ${parsed.message}`);
          param.default = parsed.value;
        } else if (pDefault === '') {
          throw new QueryFileError(file, lineNo, `param "${pName}" has "=" but no default`);
        }
        if (pDescription) param.description = pDescription;
        params.push(param);
        break;
      }
      default:
        throw new QueryFileError(file, lineNo, `unknown header key "${k}" (keys: name, title, description, param)`);
    }
  }

  if (name === undefined) throw new QueryFileError(file, 1, 'the header has no "// name:" line');
  if (expectedName !== undefined && name !== expectedName) throw new QueryFileError(file, lineOfKey(lines, 'name'), `the name "${name}" does not match the file name; expected "${expectedName}"`);
  if (description === undefined) throw new QueryFileError(file, 1, 'the header has no "// description:" line');

  const body = lines.slice(bodyStart).join('\n').trim().replace(/;\s*$/, '');
  const bodyLine = bodyStart + 1;
  if (!body) throw new QueryFileError(file, bodyLine > lines.length ? lines.length : bodyLine, 'the file has a header but no Cypher');
  const scan = scanCypher(body);
  if (scan.statements.length > 1) {
    throw new QueryFileError(file, bodyStart + lineOf(body, scan.statements[1]!.start), 'the file holds more than one statement; one query per file');
  }
  for (const [used, offset] of scan.parameters) {
    if (!params.some((p) => p.name === used)) {
      throw new QueryFileError(file, bodyStart + lineOf(body, offset), `the query uses $${used} but the header declares no param "${used}"`);
    }
  }
  for (const p of params) {
    if (!scan.parameters.has(p.name)) throw new QueryFileError(file, p.line, `param "${p.name}" is declared but the query never uses $${p.name}`);
  }
  return {
    name,
    title: title ?? titleFromName(name),
    description,
    params: params.map(({ line: _line, ...p }) => p),
    cypher: body,
    file,
  };
}

function lineOfKey(lines: string[], key: string): number {
  const index = lines.findIndex((l) => new RegExp(`^\\s*//\\s*${key}\\s*:`, 'i').test(l));
  return index === -1 ? 1 : index + 1;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
