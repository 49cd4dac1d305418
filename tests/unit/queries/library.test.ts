import { describe, expect, it } from 'vitest';
import { loadLibrary, parseLibrary, QueryLibraryError } from '../../../server/queries/library';

const file = (path: string, name: string, body = 'MATCH (n) RETURN n') => ({ file: path, text: `// name: ${name}\n// description: d\n// description@en: d\n${body}` });

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
        'x/one.cypher:4: the query uses $missing but the header declares no param "missing"',
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

  it('gives every library query its title, description and parameter descriptions in Swedish and in English', () => {
    for (const q of loadLibrary()) {
      const en = q.i18n!.en;
      expect(en.title, q.name).not.toBe(q.title);
      expect(en.description.length, q.name).toBeGreaterThan(40);
      expect(en.description, q.name).not.toBe(q.description);
      // Swedish text reads Swedish: the titles use its words, not the English ones.
      expect(`${q.title} ${q.description}`, q.name).toMatch(/[åäö]|\b(och|en|som|med|för|vem|vad)\b/i);
      for (const p of q.params.filter((p) => p.description)) {
        expect(en.params?.[p.name], `${q.name} $${p.name}`).toBeTruthy();
        expect(en.params?.[p.name], `${q.name} $${p.name}`).not.toBe(p.description);
      }
    }
  });

  it('refuses a library file with an English title but no Swedish one, naming the file', () => {
    const text = '// name: one\n// title@en: One\n// description: d\n// description@en: d\nMATCH (n) RETURN n';
    expect(() => parseLibrary([{ file: 'cypher/queries/one.cypher', text }])).toThrow(
      'cypher/queries/one.cypher:2: the header has an English title ("// title@en:") but no Swedish "// title:" line',
    );
  });
});
