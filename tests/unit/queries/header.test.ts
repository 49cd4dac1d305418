import { describe, expect, it } from 'vitest';
import { parseQueryFile, QueryFileError } from '../../../server/queries/header';

const GOOD = `// name: partners-of-actor
// title: En aktörs samarbetspartner och genom vad
// title@en: An actor's partners and through what
// description: De organisationer en aktör samarbetar med,
//   och genom vilka överenskommelser.
// description@en: The organisations an actor works with,
//   and through which agreements.
// param: actor node = actor-skr  "Aktören"
// param@en: actor "The actor"
// param: limit integer = 25
// param: since date = null  "Bara fakta från detta datum"
// param@en: since "Only facts from this date"
// param: kinds list<string> = agency,company
MATCH (a:Actor {id: $actor})-[r]-(b:Actor)
WHERE $since IS NULL OR r.firstSeen >= $since AND b.kind IN $kinds
RETURN b LIMIT $limit;
`;

// A description in both languages, on lines 2 and 3 of the fixtures below.
const DESC = '// description: d\n// description@en: d';

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
  it('reads name, Swedish title, a description that continues over lines, and typed params with defaults and descriptions', () => {
    const q = parseQueryFile(GOOD, 'partners-of-actor.cypher', 'partners-of-actor');
    expect(q.name).toBe('partners-of-actor');
    expect(q.title).toBe('En aktörs samarbetspartner och genom vad');
    expect(q.description).toBe('De organisationer en aktör samarbetar med, och genom vilka överenskommelser.');
    expect(q.params).toEqual([
      { name: 'actor', type: 'node', default: 'actor-skr', description: 'Aktören' },
      { name: 'limit', type: 'integer', default: 25 },
      { name: 'since', type: 'date', default: null, description: 'Bara fakta från detta datum' },
      { name: 'kinds', type: 'list<string>', default: ['agency', 'company'] },
    ]);
  });

  it('reads the English twins of title, description and param descriptions', () => {
    const q = parseQueryFile(GOOD, 'partners-of-actor.cypher');
    expect(q.i18n).toEqual({
      en: {
        title: "An actor's partners and through what",
        description: 'The organisations an actor works with, and through which agreements.',
        params: { actor: 'The actor', since: 'Only facts from this date' },
      },
    });
  });

  it('refuses an English title without a Swedish one, and a Swedish title without an English one, naming the file', () => {
    const noSwedish = refusal(`// name: a\n// title@en: Partners\n${DESC}\nRETURN 1`, 'cypher/queries/a.cypher');
    expect(noSwedish.message).toBe('cypher/queries/a.cypher:2: the header has an English title ("// title@en:") but no Swedish "// title:" line');
    const noEnglish = refusal(`// name: a\n// title: Partner\n${DESC}\nRETURN 1`, 'cypher/queries/a.cypher');
    expect(noEnglish.message).toBe('cypher/queries/a.cypher:2: the header has a Swedish title but no "// title@en:" line (its English twin)');
  });

  it('refuses a description in one language only', () => {
    expect(refusal('// name: a\n// description: d\nRETURN 1', 'b.cypher').message).toBe('b.cypher:2: the header has a Swedish description but no "// description@en:" line (its English twin)');
    expect(refusal('// name: a\n// description@en: d\nRETURN 1', 'b.cypher').message).toBe('b.cypher:2: the header has no "// description:" line (the Swedish description)');
  });

  it('refuses a param description in one language only, and an English description of an undeclared param', () => {
    expect(refusal(`// name: a\n${DESC}\n// param: x integer "Antal"\nRETURN $x`).message).toMatch(/q\.cypher:4: param "x" has a Swedish description but no "\/\/ param@en: x/);
    expect(refusal(`// name: a\n${DESC}\n// param: x integer\n// param@en: x "Count"\nRETURN $x`).message).toMatch(/q\.cypher:5: param "x" has an English description but no Swedish one/);
    expect(refusal(`// name: a\n${DESC}\n// param@en: y "Count"\nRETURN 1`).message).toMatch(/q\.cypher:4: "\/\/ param@en:" describes "y", which no "\/\/ param:" line declares/);
  });

  it('reads parameter names with å, ä and ö whole ($aktör is "aktör", not "akt")', () => {
    const q = parseQueryFile(`// name: a\n${DESC}\n// param: aktör node = actor-skr "Aktören"\n// param@en: aktör "The actor"\n// param: område string\nMATCH (n {id: $aktör}) WHERE n.area = $område RETURN n`, 'a.cypher');
    expect(q.params.map((p) => p.name)).toEqual(['aktör', 'område']);
    expect(q.i18n?.en.params).toEqual({ aktör: 'The actor' });
  });

  it('keeps the Cypher body without its trailing semicolon', () => {
    const q = parseQueryFile(GOOD, 'partners-of-actor.cypher');
    expect(q.cypher.startsWith('MATCH (a:Actor {id: $actor})')).toBe(true);
    expect(q.cypher.endsWith('RETURN b LIMIT $limit')).toBe(true);
  });

  it('derives a title from the name when the header gives none', () => {
    const q = parseQueryFile(`// name: most-connected-actors\n${DESC}\nMATCH (a) RETURN a`, 'x.cypher');
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
    const err = refusal('// name: a\n// description: d\n// description@en: d\n// param: actor node\n// param: limit integer = 5\nMATCH (n {id: $actor}) RETURN n');
    expect(err.line).toBe(5);
    expect(err.message).toMatch(/param "limit" is declared but the query never uses \$limit/);
  });

  it('refuses a $param the header does not declare, at the line that uses it', () => {
    const err = refusal('// name: a\n// description: d\n// description@en: d\n// param: actor node\nMATCH (n {id: $actor})\nRETURN n LIMIT $limit');
    expect(err.line).toBe(6);
    expect(err.message).toMatch(/uses \$limit but the header declares no param "limit"/);
  });

  it('does not count $ inside strings or comments as parameters', () => {
    const q = parseQueryFile("// name: a\n// description: d\n// description@en: d\nMATCH (n) // costs $5\nWHERE n.note = 'price: $price' RETURN n /* $x */", 'a.cypher');
    expect(q.params).toEqual([]);
  });

  it('refuses a file with more than one statement, or with no Cypher', () => {
    expect(refusal('// name: a\n// description: d\n// description@en: d\nMATCH (n) RETURN n;\nMATCH (m) RETURN m').message).toMatch(/:5: the file holds more than one statement/);
    expect(refusal('// name: a\n// description: d\n// description@en: d\n').message).toMatch(/header but no Cypher/);
  });
});
