/**
 * Scores the extractor on the hand-written held-out articles in this folder: each `NN-name.txt` has an
 * `NN-name.yaml` of expected links, traps, new people, new organisations, roles and quotes, written before
 * the article was first run through the extractor. Used by heldout.test.ts and by `npm run quality`.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Extraction, GraphLookup } from '../../../../server/ingest/extractor';
import { nameSimilarity } from '../../../../server/ingest/rules/text';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const Expected = z
  .object({
    article: z.string(),
    published: z.string(),
    links: z.record(z.string(), z.array(z.string())),
    traps: z.array(z.object({ surface: z.string(), not: z.string(), why: z.string() }).strict()).default([]),
    newPeople: z.array(z.string()),
    newOrgs: z.array(z.string()),
    roles: z.array(z.tuple([z.string(), z.string()])),
    quotes: z.array(z.string()),
  })
  .strict();
type Expected = z.infer<typeof Expected>;

export interface HeldOutArticle {
  id: string;
  text: string;
  expected: Expected;
}

/** Reads every held-out article with its expectations, in file order. */
export async function readHeldOut(dir = HERE): Promise<HeldOutArticle[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  return Promise.all(
    files.map(async (f) => {
      const expected = Expected.parse(parse(await readFile(join(dir, f), 'utf8')));
      return { id: f.replace(/\.yaml$/, ''), text: await readFile(join(dir, expected.article), 'utf8'), expected };
    }),
  );
}

export interface Score {
  found: number;
  of: number;
  correct: number;
  proposed: number;
}

export const HELDOUT_KINDS = ['links', 'newPeople', 'newOrgs', 'roles', 'quotedPeople'] as const;
export type HeldOutKind = (typeof HELDOUT_KINDS)[number];

export interface HeldOutResult {
  id: string;
  scores: Record<HeldOutKind, Score>;
  traps: { kept: number; of: number };
  /** Every span verbatim at its offsets. */
  verbatim: boolean;
  misses: string[];
}

interface Span {
  start: number;
  end: number;
}
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Whole-word occurrences of "surface" or, for "surface#n", only the n-th. */
function spansOf(text: string, written: string): (Span & { surface: string })[] {
  const m = /^(.*)#(\d+)$/.exec(written);
  const surface = m ? m[1]! : written;
  const all: (Span & { surface: string })[] = [];
  for (let i = text.indexOf(surface); i !== -1; i = text.indexOf(surface, i + 1)) {
    const end = i + surface.length;
    if ((!isWordChar(surface[0]) || !isWordChar(text[i - 1])) && (!isWordChar(surface[surface.length - 1]) || !isWordChar(text[end]))) all.push({ start: i, end, surface });
  }
  if (!all.length) throw new Error(`expected surface "${written}" does not occur in the article as a whole word`);
  if (!m) return all;
  const nth = all[Number(m[2]) - 1];
  if (!nth) throw new Error(`expected surface "${written}": there are only ${all.length} occurrences`);
  return [nth];
}

/** Expected link spans; where expected surfaces overlap the longest wins, as in the seed's mentions. */
function goldLinks(a: HeldOutArticle): (Span & { entity: string; surface: string })[] {
  const candidates = Object.entries(a.expected.links).flatMap(([entity, surfaces]) => surfaces.flatMap((s) => spansOf(a.text, s).map((sp) => ({ ...sp, entity }))));
  candidates.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const taken: typeof candidates = [];
  for (const c of candidates) if (!taken.some((t) => overlaps(t, c))) taken.push(c);
  return taken.sort((x, y) => x.start - y.start);
}

const zero = (): Score => ({ found: 0, of: 0, correct: 0, proposed: 0 });

/**
 * Compares one extraction with the expectations. A link is right when it overlaps an expected span of the
 * same entity (links to roles are left out: roles are scored as roles); a new entity when its name matches
 * an expected one; a role when the person is placed at the organisation, by HOLDS + AT or AFFILIATED_WITH.
 * People and organisations are named by graph id, or by name when new.
 */
export function scoreHeldOut(a: HeldOutArticle, out: Extraction, graph: GraphLookup): HeldOutResult {
  const labelOf = new Map(graph.entities.map((e) => [e.id, e.label]));
  const misses: string[] = [];
  const scores = Object.fromEntries(HELDOUT_KINDS.map((k) => [k, zero()])) as Record<HeldOutKind, Score>;
  const ctx = (s: Span): string => `${a.text.slice(Math.max(0, s.start - 25), s.start)}[${a.text.slice(s.start, s.end)}]${a.text.slice(s.end, s.end + 25)}`.replace(/\n/g, ' ');

  const gold = goldLinks(a);
  const links = out.mentions.filter((m) => m.entityId !== null && labelOf.get(m.entityId) !== 'Role');
  for (const g of gold) {
    scores.links.of++;
    if (links.some((m) => m.entityId === g.entity && overlaps(m, g))) scores.links.found++;
    else misses.push(`link missed: ${g.entity} ${ctx(g)}`);
  }
  for (const m of links) {
    scores.links.proposed++;
    if (gold.some((g) => g.entity === m.entityId && overlaps(m, g))) scores.links.correct++;
    else misses.push(`link wrong: ${m.entityId} (${m.rule}) ${ctx(m)}`);
  }

  let kept = 0;
  let of = 0;
  for (const t of a.expected.traps) {
    for (const sp of spansOf(a.text, t.surface)) {
      of++;
      if (out.mentions.some((m) => m.entityId === t.not && overlaps(m, sp))) misses.push(`trap fell: ${t.not} ${ctx(sp)} (${t.why})`);
      else kept++;
    }
  }

  // New entities: matched to an expected name; each expected name counts once.
  const sameName = (x: string, y: string): boolean => nameSimilarity(x, y) >= 0.9;
  for (const [kind, label, names] of [['newPeople', 'Person', a.expected.newPeople], ['newOrgs', 'Actor', a.expected.newOrgs]] as const) {
    const proposed = out.entities.filter((e) => e.label === label && e.kind !== 'collective');
    scores[kind] = {
      of: names.length,
      found: names.filter((n) => proposed.some((e) => sameName(e.name, n))).length,
      proposed: proposed.length,
      correct: proposed.filter((e) => names.some((n) => sameName(e.name, n))).length,
    };
    for (const n of names) if (!proposed.some((e) => sameName(e.name, n))) misses.push(`${label} not proposed: ${n}`);
    for (const e of proposed) if (!names.some((n) => sameName(e.name, n))) misses.push(`${label} proposed wrongly: "${e.name}" (${e.rule})`);
  }

  // Facts name entities by id or new key; expectations by id or name.
  const nameOfKey = new Map(out.entities.map((e) => [e.key, e.name]));
  const refMatches = (ref: string, expected: string): boolean => {
    if (ref === expected) return true;
    const name = nameOfKey.get(ref);
    return name !== undefined && !labelOf.has(expected) && sameName(name, expected);
  };
  const atOf = new Map<string, string>();
  for (const e of graph.entities) if (e.label === 'Role' && e.at) atOf.set(e.id, e.at);
  for (const f of out.facts) if (f.type === 'AT') atOf.set(f.from, f.to);
  const placed: [string, string][] = [];
  for (const f of out.facts) {
    if (f.type === 'HOLDS' && atOf.has(f.to)) placed.push([f.from, atOf.get(f.to)!]);
    if (f.type === 'AFFILIATED_WITH') placed.push([f.from, f.to]);
  }
  const uniquePlaced = [...new Map(placed.map((p) => [p.join('@'), p])).values()];
  const roleFound = (r: readonly [string, string]): boolean => uniquePlaced.some(([p, o]) => refMatches(p, r[0]) && refMatches(o, r[1]));
  scores.roles = {
    of: a.expected.roles.length,
    found: a.expected.roles.filter(roleFound).length,
    proposed: uniquePlaced.length,
    correct: uniquePlaced.filter(([p, o]) => a.expected.roles.some((r) => refMatches(p, r[0]) && refMatches(o, r[1]))).length,
  };
  for (const r of a.expected.roles) if (!roleFound(r)) misses.push(`role missed: ${r[0]} @ ${r[1]}`);
  for (const [p, o] of uniquePlaced) if (!a.expected.roles.some((r) => refMatches(p, r[0]) && refMatches(o, r[1]))) misses.push(`role wrong: ${nameOfKey.get(p) ?? p} @ ${nameOfKey.get(o) ?? o}`);

  const speakers = [...new Set(out.facts.filter((f) => f.type === 'QUOTED_IN').map((f) => f.from))];
  scores.quotedPeople = {
    of: a.expected.quotes.length,
    found: a.expected.quotes.filter((q) => speakers.some((s) => refMatches(s, q))).length,
    proposed: speakers.length,
    correct: speakers.filter((s) => a.expected.quotes.some((q) => refMatches(s, q))).length,
  };
  for (const q of a.expected.quotes) if (!speakers.some((s) => refMatches(s, q))) misses.push(`quote not attributed: ${q}`);
  for (const s of speakers) if (!a.expected.quotes.some((q) => refMatches(s, q))) misses.push(`quote attributed wrongly: ${nameOfKey.get(s) ?? s}`);

  const verbatim =
    out.mentions.every((m) => a.text.slice(m.start, m.end) === m.surface) && out.facts.every((f) => f.evidence.every((e) => a.text.slice(e.start, e.end) === e.quote));
  return { id: a.id, scores, traps: { kept, of }, verbatim, misses };
}

/** Sums scores over articles. */
export function totalOf(results: readonly HeldOutResult[]): { scores: Record<HeldOutKind, Score>; traps: { kept: number; of: number } } {
  const scores = Object.fromEntries(HELDOUT_KINDS.map((k) => [k, zero()])) as Record<HeldOutKind, Score>;
  for (const r of results) for (const k of HELDOUT_KINDS) for (const f of ['found', 'of', 'correct', 'proposed'] as const) scores[k][f] += r.scores[k][f];
  return { scores, traps: { kept: results.reduce((s, r) => s + r.traps.kept, 0), of: results.reduce((s, r) => s + r.traps.of, 0) } };
}

/** The headline: the first line that is not a date line. */
export function titleOf(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l && !/^(?:Sidan )?[Pp]ublicerad/.test(l)) ?? ''
  );
}
