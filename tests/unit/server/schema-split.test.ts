import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, splitStatements } from '../../../server/neo4j/schema';

describe('splitting a .cypher file into statements', () => {
  it('splits on semicolons at line ends and drops comment lines', () => {
    const text = '// constraints\nCREATE CONSTRAINT a IF NOT EXISTS\nFOR (n:A) REQUIRE n.id IS UNIQUE;\n\n// index\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x);\n';
    expect(splitStatements(text)).toEqual(['CREATE CONSTRAINT a IF NOT EXISTS\nFOR (n:A) REQUIRE n.id IS UNIQUE', 'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x)']);
  });

  it('keeps a semicolon inside a string literal that does not end a line', () => {
    expect(splitStatements("RETURN 'a; b' AS x;")).toEqual(["RETURN 'a; b' AS x"]);
  });

  it('finds only idempotent statements in the shipped schema', () => {
    const statements = splitStatements(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(statements.length).toBeGreaterThan(3);
    for (const s of statements) expect(s).toMatch(/IF NOT EXISTS/);
  });
});
