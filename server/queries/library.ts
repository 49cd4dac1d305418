import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fromRoot } from '../paths';
import { parseQueryFile, QueryFileError, type QueryDefinition } from './header';

/** The curated library: one `.cypher` file per query. */
export const LIBRARY_DIR = fromRoot('cypher', 'queries');

/** Every problem the loader found, one `file:line: reason` per line; the app refuses to start with it. */
export class QueryLibraryError extends Error {
  readonly code = 'QUERY_LIBRARY_INVALID';
  constructor(readonly problems: QueryFileError[]) {
    super(`The query library has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
    this.name = 'QueryLibraryError';
  }
}

/** Parses query files given as text; refuses malformed headers, names that differ from file names, and duplicate names. */
export function parseLibrary(files: readonly { file: string; text: string }[]): QueryDefinition[] {
  const problems: QueryFileError[] = [];
  const byName = new Map<string, QueryDefinition>();
  for (const { file, text } of files) {
    try {
      const query = parseQueryFile(text, file, basename(file).replace(/\.cypher$/, ''));
      const earlier = byName.get(query.name);
      if (earlier) {
        const line = text.split('\n').findIndex((l) => /^\s*\/\/\s*name\s*:/i.test(l)) + 1;
        problems.push(new QueryFileError(file, line || 1, `the name "${query.name}" is already used by ${earlier.file}`));
        continue;
      }
      byName.set(query.name, query);
    } catch (err) {
      if (err instanceof QueryFileError) problems.push(err);
      else throw err;
    }
  }
  if (problems.length) throw new QueryLibraryError(problems);
  return [...byName.values()];
}

/** Reads every `.cypher` file of the library directory (synchronously: it runs once, at start). */
export function loadLibrary(dir: string = LIBRARY_DIR): QueryDefinition[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  const display = (f: string) => relative(process.cwd(), join(dir, f)) || f;
  return parseLibrary(names.map((f) => ({ file: display(f), text: readFileSync(join(dir, f), 'utf8') })));
}
