import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../client/src/i18n';
import { errorDetail, errorMessage, errorSummary } from '../../../client/src/i18n/errors';

/** The error codes the API can answer with, read from the server's source (error classes, guard, middleware). */
function serverErrorCodes(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'cli' && name !== 'seed') walk(path);
      } else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk('server');
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:super|QueryRejectedError)\(\s*'([A-Z][A-Z_]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/error: \{ code: ([^,]+),/g)) for (const c of m[1]!.matchAll(/'([A-Z][A-Z_]+)'/g)) codes.add(c[1]!);
  }
  return [...codes].sort();
}

describe('errorMessage', () => {
  it('says in Swedish by default what a refused query means', () => {
    const msg = errorMessage({ code: 'WRITE_REFUSED', message: 'The query tried to write to the graph (Create); queries here run read-only.', status: 422 }, 'sv');
    expect(msg).toBe('Frågan försökte ändra i grafen. Här körs frågor bara för läsning.');
  });

  it('says it in English when English is chosen', () => {
    expect(errorMessage({ code: 'DATABASE_UNAVAILABLE', message: 'x', status: 503 }, 'en')).toMatch(/^The database is not answering/);
  });

  it('keeps the server’s words where they name the cause, after the translation', () => {
    const err = { code: 'VALIDATION_FAILED', message: 'query parameter "to": must name a different node than "from"', status: 400 };
    expect(errorSummary(err, 'sv')).toBe('Begäran godtogs inte: någon uppgift saknas eller har fel form.');
    expect(errorDetail(err, 'sv')).toBe('Serverns beskrivning: query parameter "to": must name a different node than "from"');
    expect(errorMessage(err, 'sv')).toBe(`${errorSummary(err, 'sv')} ${errorDetail(err, 'sv')}`);
  });

  it('leaves out the server’s words where the translation already says it all', () => {
    expect(errorDetail({ code: 'NETWORK', message: 'Servern svarar inte (Failed to fetch).', status: 0 }, 'sv')).toBeNull();
  });

  it('puts the HTTP status into the message for a response that is not JSON', () => {
    expect(errorMessage({ code: 'BAD_RESPONSE', message: 'Servern svarade 502 utan JSON.', status: 502 }, 'en')).toBe('The server gave an unexpected answer (HTTP 502).');
  });

  it('falls back to the server’s message for a code it does not know', () => {
    expect(errorMessage({ code: 'SOMETHING_NEW', message: 'A new kind of failure.', status: 418 }, 'sv')).toBe('A new kind of failure.');
  });

  it('falls back to the status, then to a general sentence, when there is no message either', () => {
    expect(errorMessage({ code: 'SOMETHING_NEW', message: '', status: 503 }, 'sv')).toBe('Servern kunde inte svara (HTTP 503). Försök igen om en stund.');
    expect(errorMessage({ code: 'SOMETHING_NEW', message: ' ', status: 404 }, 'en')).toBe('The request was not accepted (HTTP 404).');
    expect(errorMessage({ code: 'SOMETHING_NEW', message: '' }, 'en')).toBe('Something went wrong.');
  });

  it('translates every error code the server can send, and the client’s own, in both languages', () => {
    const codes = serverErrorCodes();
    expect(codes).toEqual(expect.arrayContaining(['NOT_FOUND', 'VALIDATION_FAILED', 'WRITE_REFUSED', 'CYPHER_SYNTAX', 'INTERNAL', 'PAYLOAD_TOO_LARGE']));
    for (const lng of ['sv', 'en'] as const) {
      const translated = Object.keys((resources[lng].errors as { code: Record<string, string> }).code);
      expect([...codes, 'NETWORK', 'ABORTED', 'BAD_RESPONSE', 'CLIENT'].filter((c) => !translated.includes(c)), lng).toEqual([]);
    }
  });
});
