import { PARAM_NAME_PATTERN, PARAM_TYPES, type ParamType, type QueryParam, type QueryTranslations } from '../../contract/queries';
import { lineOf, scanCypher } from '../../contract/cypherText';
import { parseDefaultText } from './params';

/** A named query: its header and its Cypher body. Title and descriptions are Swedish; `i18n.en` holds the English. */
export interface QueryDefinition {
  name: string;
  title: string;
  description: string;
  params: QueryParam[];
  cypher: string;
  /** The English title, description and parameter descriptions (library files give them beside the Swedish). */
  i18n?: QueryTranslations;
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
// `key:` or `key@en:` (the English twin of a Swedish line).
const HEADER_KEY = /^\/\/\s*([A-Za-z][\w-]*(?:@[A-Za-z]{2})?)\s*:(.*)$/;
const TYPE_PATTERN = PARAM_TYPES.map((t) => t.replace(/[<>]/g, (c) => `\\${c}`)).join('|');
// Parameter names follow Cypher's identifier rules, Unicode letters included ($aktör, $område).
const NAME = PARAM_NAME_PATTERN.source.replace(/^\^|\$$/g, '');
// `name type [= default] ["description"]`; the description is the double-quoted text at the end of the line.
const PARAM_LINE = new RegExp(`^(${NAME})\\s+(\\S+)(?:\\s*=\\s*(.*?))?(?:\\s+"([^"]*)")?\\s*$`, 'u');
// `name "English description"`
const PARAM_EN_LINE = new RegExp(`^(${NAME})\\s+"([^"]*)"\\s*$`, 'u');
const KNOWN_TYPE = new RegExp(`^(?:${TYPE_PATTERN})$`);
const KEYS = 'name, title, title@en, description, description@en, param, param@en';

/** "partners-of-actor" → "Partners of actor": the title of a query that does not give one. */
export function titleFromName(name: string): string {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Parses one query file: a header of `// key: value` lines (name, title, description, param, each text also in
 * English as `key@en:`) followed by one Cypher statement. Refuses, with the line, anything it cannot read, that
 * does not agree with the body, or that gives a text in one language without its twin in the other.
 */
export function parseQueryFile(text: string, file: string, expectedName?: string): QueryDefinition {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let name: string | undefined;
  // Swedish texts under `sv`, English under `en`, each with the line it came from.
  const texts: Record<'sv' | 'en', { title?: Located; description?: Located }> = { sv: {}, en: {} };
  const params: (QueryParam & { line: number })[] = [];
  const paramsEn = new Map<string, Located>();
  let continuing: Located | undefined;
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
      if (rest === '') continuing = undefined;
      else if (continuing) continuing.text = `${continuing.text} ${rest}`;
      else throw new QueryFileError(file, lineNo, `header line is not "// key: value" (keys: ${KEYS}): ${clip(line)}`);
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
      case 'title@en':
      case 'description':
      case 'description@en': {
        const [field, lang] = (k.includes('@') ? k.split('@') : [k, 'sv']) as ['title' | 'description', 'sv' | 'en'];
        if (texts[lang][field] !== undefined) throw new QueryFileError(file, lineNo, `the header gives "${k}" twice`);
        if (!value) throw new QueryFileError(file, lineNo, `the ${lang === 'en' ? 'English ' : ''}${field} is empty`);
        continuing = { text: value, line: lineNo };
        texts[lang][field] = continuing;
        break;
      }
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
      case 'param@en': {
        const m = PARAM_EN_LINE.exec(value);
        if (!m) throw new QueryFileError(file, lineNo, `a param@en line reads "// param@en: name \\"English description\\"", got: ${clip(value)}`);
        if (paramsEn.has(m[1]!)) throw new QueryFileError(file, lineNo, `param "${m[1]}" has two English descriptions`);
        paramsEn.set(m[1]!, { text: m[2]!, line: lineNo });
        break;
      }
      default:
        throw new QueryFileError(file, lineNo, `unknown header key "${k}" (keys: ${KEYS})`);
    }
  }

  if (name === undefined) throw new QueryFileError(file, 1, 'the header has no "// name:" line');
  if (expectedName !== undefined && name !== expectedName) throw new QueryFileError(file, lineOfKey(lines, 'name'), `the name "${name}" does not match the file name; expected "${expectedName}"`);
  if (texts.sv.description === undefined) throw new QueryFileError(file, texts.en.description?.line ?? 1, 'the header has no "// description:" line (the Swedish description)');
  // Every text comes in both languages, so neither language falls back silently to the other.
  for (const field of ['title', 'description'] as const) {
    const sv = texts.sv[field];
    const en = texts.en[field];
    if (sv && !en) throw new QueryFileError(file, sv.line, `the header has a Swedish ${field} but no "// ${field}@en:" line (its English twin)`);
    if (en && !sv) throw new QueryFileError(file, en.line, `the header has an English ${field} ("// ${field}@en:") but no Swedish "// ${field}:" line`);
  }
  for (const [pName, en] of paramsEn) {
    const param = params.find((p) => p.name === pName);
    if (!param) throw new QueryFileError(file, en.line, `"// param@en:" describes "${pName}", which no "// param:" line declares`);
    if (!param.description) throw new QueryFileError(file, en.line, `param "${pName}" has an English description but no Swedish one on its "// param:" line`);
  }
  for (const p of params) {
    if (p.description && !paramsEn.has(p.name)) throw new QueryFileError(file, p.line, `param "${p.name}" has a Swedish description but no "// param@en: ${p.name} \\"…\\"" line`);
  }

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
  const title = texts.sv.title?.text ?? titleFromName(name);
  const description = texts.sv.description.text;
  const en: QueryTranslations['en'] = { title: texts.en.title?.text ?? title, description: texts.en.description!.text };
  if (paramsEn.size) en.params = Object.fromEntries([...paramsEn].map(([n, l]) => [n, l.text]));
  return {
    name,
    title,
    description,
    params: params.map(({ line: _line, ...p }) => p),
    cypher: body,
    i18n: { en },
    file,
  };
}

interface Located {
  text: string;
  line: number;
}

function lineOfKey(lines: string[], key: string): number {
  const index = lines.findIndex((l) => new RegExp(`^\\s*//\\s*${key}\\s*:`, 'i').test(l));
  return index === -1 ? 1 : index + 1;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
