import { readFile } from 'node:fs/promises';
import { fromRoot } from '../paths';
import type { Database } from './database';

export const SCHEMA_FILE = fromRoot('cypher', 'schema.cypher');

/** Splits a .cypher file into statements: `;` ends a statement, `//` line comments are dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Applies the idempotent schema (constraints, indexes, full-text indexes) and waits for the indexes to come online. */
export async function applySchema(db: Database, file = SCHEMA_FILE): Promise<number> {
  const statements = splitStatements(await readFile(file, 'utf8'));
  for (const statement of statements) {
    await db.write(statement, {}, { timeoutMs: 60_000 });
  }
  await db.write('CALL db.awaitIndexes(120)', {}, { timeoutMs: 130_000 });
  return statements.length;
}
