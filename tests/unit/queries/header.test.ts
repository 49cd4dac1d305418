import { describe, expect, it } from 'vitest';
import { parseQueryFile, QueryFileError } from '../../../server/queries/header';

const GOOD = `// name: partners-of-actor
// title: An actor's partners and through what
// description: The organisations an actor works with,
//   and through which agreements.
// param: actor node = actor-skr  "The actor"
// param: limit integer = 25
// param: since date = null  "Only facts from this date"
// param: kinds list<string> = agency,company
MATCH (a:Actor {id: $actor})-[r]-(b:Actor)
WHERE $since IS NULL OR r.firstSeen >= $since AND b.kind IN $kinds
RETURN b LIMIT $limit;
`;

function refusal(text: string, file = 'q.cypher', expected?: string): QueryFileError {
  try {
    parseQueryFile(text, file, expected);
  } catch (err) {
    if (err instanceof QueryFileError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('query file header parser', () => {
  it('reads name, title, a description that continues over lines, and typed params with defaults and descriptions', () => {
    const q = parseQueryFile(GOOD, 'partners-of-actor.cypher', 'partners-of-actor');
    expect(q.name).toBe('partners-of-actor');
    expect(q.title).toBe("An actor's partners and through what");
    expect(q.description).toBe('The organisations an actor works with, and through which agreements.');
    expect(q.params).toEqual([
      { name: 'actor', type: 'node', default: 'actor-skr', description: 'The actor' },
      { name: 'limit', type: 'integer', default: 25 },
      { name: 'since', type: 'date', default: null, description: 'Only facts from this date' },
      { name: 'kinds', type: 'list<string>', default: ['agency', 'company'] },
    ]);
  });

  it('keeps the Cypher body without its trailing semicolon', () => {
    const q = parseQueryFile(GOOD, 'partners-of-actor.cypher');
    expect(q.cypher.startsWith('MATCH (a:Actor {id: $actor})')).toBe(true);
    expect(q.cypher.endsWith('RETURN b LIMIT $limit')).toBe(true);
  });

  it('derives a title from the name when the header gives none', () => {
    const q = parseQueryFile('// name: most-connected-actors\n// description: Ranked.\nMATCH (a) RETURN a', 'x.cypher');
    expect(q.title).toBe('Most connected actors');
    expect(q.params).toEqual([]);
  });

  it('refuses a header line that is not key: value, naming file and line', () => {
    const bad = refusal('// name: a\n// param: x integer\n// just a remark\n// description: d\nRETURN $x', 'cypher/queries/a.cypher');
    expect(bad.line).toBe(3);
    expect(bad.message).toMatch(/^cypher\/queries\/a\.cypher:3: header line is not "\/\/ key: value"/);
  });

  it('refuses an unknown header key with its line', () => {
    const err = refusal('// name: a\n// author: me\n// description: d\nRETURN 1');
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/unknown header key "author"/);
  });

  it('refuses a missing name or description', () => {
    expect(refusal('// description: d\nRETURN 1').message).toMatch(/no "\/\/ name:" line/);
    expect(refusal('// name: a\nRETURN 1').message).toMatch(/no "\/\/ description:" line/);
  });

  it('refuses a name that is not kebab-case, or that differs from the file name', () => {
    expect(refusal('// name: Partners_Of\n// description: d\nRETURN 1').message).toMatch(/q\.cypher:1: the name "Partners_Of" is not kebab-case/);
    const err = refusal('// name: partners\n// description: d\nRETURN 1', 'cypher/queries/allies.cypher', 'allies');
    expect(err.message).toBe('cypher/queries/allies.cypher:1: the name "partners" does not match the file name; expected "allies"');
  });

  it('refuses a malformed param line, an unknown type, a duplicate param and a default that does not fit', () => {
    expect(refusal('// name: a\n// description: d\n// param: 1x integer\nRETURN 1').message).toMatch(/q\.cypher:3: a param line reads/);
    expect(refusal('// name: a\n// description: d\n// param: x int\nRETURN $x').message).toMatch(/:3: param "x" has the unknown type "int"/);
    expect(refusal('// name: a\n// description: d\n// param: x integer\n// param: x string\nRETURN $x').message).toMatch(/:4: param "x" is declared twice/);
    expect(refusal('// name: a\n// description: d\n// param: n integer = many\nRETURN $n').message).toMatch(/:3: param "n": the default does not fit its type integer/);
    expect(refusal('// name: a\n// description: d\n// param: d date = 2019-02-29\nRETURN $d').message).toMatch(/:3: .*YYYY-MM-DD/);
  });

  it('refuses a declared param the body never uses, at the param line', () => {
    const err = refusal('// name: a\n// description: d\n// param: actor node\n// param: limit integer = 5\nMATCH (n {id: $actor}) RETURN n');
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/param "limit" is declared but the query never uses \$limit/);
  });

  it('refuses a $param the header does not declare, at the line that uses it', () => {
    const err = refusal('// name: a\n// description: d\n// param: actor node\nMATCH (n {id: $actor})\nRETURN n LIMIT $limit');
    expect(err.line).toBe(5);
    expect(err.message).toMatch(/uses \$limit but the header declares no param "limit"/);
  });

  it('does not count $ inside strings or comments as parameters', () => {
    const q = parseQueryFile("// name: a\n// description: d\nMATCH (n) // costs $5\nWHERE n.note = 'price: $price' RETURN n /* $x */", 'a.cypher');
    expect(q.params).toEqual([]);
  });

  it('refuses a file with more than one statement, or with no Cypher', () => {
    expect(refusal('// name: a\n// description: d\nMATCH (n) RETURN n;\nMATCH (m) RETURN m').message).toMatch(/:4: the file holds more than one statement/);
    expect(refusal('// name: a\n// description: d\n').message).toMatch(/header but no Cypher/);
  });
});
