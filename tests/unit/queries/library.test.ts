import { describe, expect, it } from 'vitest';
import { loadLibrary, parseLibrary, QueryLibraryError } from '../../../server/queries/library';

const file = (path: string, name: string, body = 'MATCH (n) RETURN n') => ({ file: path, text: `// name: ${name}\n// description: d\n${body}` });

describe('query library loader', () => {
  it('refuses two files that declare the same name, naming both', () => {
    const run = () => parseLibrary([file('a/partners.cypher', 'partners'), file('b/partners.cypher', 'partners')]);
    expect(run).toThrow(QueryLibraryError);
    expect(run).toThrow(/b\/partners\.cypher:1: the name "partners" is already used by a\/partners\.cypher/);
  });

  it('reports every broken file at once, each with file and line', () => {
    try {
      parseLibrary([file('x/one.cypher', 'one', 'RETURN $missing'), file('x/two.cypher', 'three'), file('x/ok.cypher', 'ok')]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(QueryLibraryError);
      const problems = (err as QueryLibraryError).problems.map((p) => p.message);
      expect(problems).toEqual([
        'x/one.cypher:3: the query uses $missing but the header declares no param "missing"',
        'x/two.cypher:1: the name "three" does not match the file name; expected "two"',
      ]);
    }
  });

  it('loads the curated library in cypher/queries: at least 12 queries, each described and named after its file', () => {
    const library = loadLibrary();
    expect(library.length).toBeGreaterThanOrEqual(12);
    for (const q of library) {
      expect(q.file).toMatch(new RegExp(`${q.name}\\.cypher$`));
      expect(q.description.length).toBeGreaterThan(40);
      expect(q.title).not.toBe('');
    }
  });
});
