import { readFileSync } from 'node:fs';
import { getTestDatabase } from '../../support/neo4j';
import type { Explorer } from '../api/harness';

/** A response of the API as the tests read it. */
export interface Answer<T = any> {
  status: number;
  body: T;
}

/** Any request, with a raw body (bytes that are not UTF-8, a hand-made JSON text) when needed. */
export async function request<T = any>(api: Explorer, method: string, path: string, body?: string | Uint8Array): Promise<Answer<T>> {
  const res = await fetch(`${api.base}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : Buffer.from(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/**
 * The number of nodes and relationships of each kind: what a refused request must leave exactly as it was. The
 * audit trail's events are not counted: a successful request adds one (issue 14).
 */
export async function graphState(): Promise<{ nodes: number; relationships: number; drafts: number; articles: number; entities: number }> {
  const result = await getTestDatabase().read(
    `CALL () { MATCH (n) WHERE NOT n:AuditEvent RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL () { MATCH (d:IngestDraft) RETURN count(d) AS drafts }
     CALL () { MATCH (a:Article) RETURN count(a) AS articles }
     CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
     RETURN nodes, relationships, drafts, articles, entities`,
  );
  const r = result.records[0]!;
  return {
    nodes: Number(r.get('nodes')),
    relationships: Number(r.get('relationships')),
    drafts: Number(r.get('drafts')),
    articles: Number(r.get('articles')),
    entities: Number(r.get('entities')),
  };
}

/** A seed article's text exactly as the seed loader read it. */
export function seedText(file: string): string {
  return readFileSync(`seed/articles/${file}`, 'utf8');
}

/**
 * An article that is in no seed file: a new person quoted with her title at an existing agency, and a date
 * line. The name is unique to the test that uses it, so search results are unambiguous.
 */
export function newArticle(person: { first: string; last: string }, topic = 'öppna data'): { title: string; text: string } {
  const name = `${person.first} ${person.last}`;
  const title = `Ny satsning på ${topic} i offentlig sektor`;
  const text = [
    title,
    '',
    'Publicerad: 3 november 2026',
    '',
    `Myndigheten för digital förvaltning (DIGG) tar nu ett större ansvar för ${topic}. Arbetet ska göra det enklare för kommuner och regioner att dela information.`,
    '',
    `– Vi måste samarbeta bättre över gränserna, annars tappar vi fart, säger ${name}, generaldirektör för Myndigheten för digital förvaltning.`,
    '',
    `Enligt ${person.last} ska de första resultaten redovisas under nästa år.`,
  ].join('\n');
  return { title, text };
}
