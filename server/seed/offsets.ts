import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { occurrences } from './validate';

/**
 * Curator tool: fills in `start`/`end` of every evidence quote in seed/data/*.yaml from the article text, so
 * offsets are never typed by hand. A quote that occurs more than once must be lengthened until it is unique
 * (or already carry offsets pointing at one of its occurrences). The files are edited in place as text, so
 * comments and layout stay exactly as the curator wrote them.
 *
 *   npx tsx server/seed/offsets.ts [seed-dir]
 */

export interface OffsetReport {
  file: string;
  updated: number;
  unresolved: string[];
}

interface Edit {
  at: number;
  until: number;
  text: string;
}

function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;
}

/** The edits that make one `{ quote, start, end }` map point at its quote; an error text when it cannot. */
function placeEvidence(source: string, map: YAMLMap, text: string, where: string): Edit[] | string {
  const quotePair = pairOf(map, 'quote');
  const quote = quotePair && isScalar(quotePair.value) ? quotePair.value.value : undefined;
  if (typeof quote !== 'string' || !quotePair?.value?.range || !quotePair.key?.range) return `${where}: no quote`;
  const startPair = pairOf(map, 'start');
  const endPair = pairOf(map, 'end');
  const start = startPair && isScalar(startPair.value) ? startPair.value.value : undefined;
  const end = endPair && isScalar(endPair.value) ? endPair.value.value : undefined;
  if (typeof start === 'number' && typeof end === 'number' && text.slice(start, end) === quote) return [];

  const at = occurrences(text, quote);
  if (at.length === 0) return `${where}: quote not in text: "${quote.slice(0, 60)}"`;
  if (at.length > 1) return `${where}: quote occurs ${at.length} times, lengthen it: "${quote.slice(0, 60)}"`;
  const newStart = at[0]!;
  const newEnd = newStart + quote.length;

  const startRange = startPair && isScalar(startPair.value) ? startPair.value.range : undefined;
  const endRange = endPair && isScalar(endPair.value) ? endPair.value.range : undefined;
  if (startRange && endRange) {
    return [
      { at: startRange[0], until: startRange[1], text: String(newStart) },
      { at: endRange[0], until: endRange[1], text: String(newEnd) },
    ];
  }
  if (startPair || endPair) return `${where}: has only one of start/end; delete it and run again`;
  const keyAt = quotePair.key.range[0];
  const indent = ' '.repeat(keyAt - source.lastIndexOf('\n', keyAt) - 1);
  const valueEnd = quotePair.value.range[1];
  const lines = `${indent}start: ${newStart}\n${indent}end: ${newEnd}`;
  // Block scalars end after their newline, flow scalars before it.
  return [{ at: valueEnd, until: valueEnd, text: source[valueEnd - 1] === '\n' ? `${lines}\n` : `\n${lines}` }];
}

/** Fills offsets in every article data file of `dir`; returns what changed and what could not be placed. */
export async function fillOffsets(dir: string): Promise<OffsetReport[]> {
  const dataDir = join(dir, 'data');
  const files = (await readdir(dataDir)).filter((f) => f.endsWith('.yaml') && f !== 'entities.yaml').sort();
  const sources = new Map<string, string>();
  const homeText = new Map<string, string>();
  const textById = new Map<string, string>();
  for (const f of files) {
    const source = await readFile(join(dataDir, f), 'utf8');
    sources.set(f, source);
    const doc = parseDocument(source);
    const file = doc.getIn(['article', 'file']);
    const id = doc.getIn(['article', 'id']);
    if (typeof file === 'string' && typeof id === 'string') {
      const text = await readFile(join(dir, 'articles', file), 'utf8');
      homeText.set(f, text);
      textById.set(id, text);
    }
  }

  const reports: OffsetReport[] = [];
  for (const f of files) {
    const source = sources.get(f)!;
    const doc = parseDocument(source);
    const report: OffsetReport = { file: f, updated: 0, unresolved: [] };
    const edits: Edit[] = [];
    const visit = (map: unknown, text: string | undefined, where: string): void => {
      if (!isMap(map)) return;
      if (text === undefined) return void report.unresolved.push(`${where}: unknown article`);
      const result = placeEvidence(source, map, text, where);
      if (typeof result === 'string') report.unresolved.push(result);
      else if (result.length) {
        edits.push(...result);
        report.updated++;
      }
    };

    visit(doc.getIn(['article', 'publishedEvidence'], true), homeText.get(f), 'article.publishedEvidence');
    const facts = doc.get('facts', true);
    if (isSeq(facts)) {
      facts.items.forEach((fact, i) => {
        if (!isMap(fact)) return;
        const id = fact.get('id');
        const evidence = fact.get('evidence', true);
        if (!isSeq(evidence)) return;
        evidence.items.forEach((ev, j) => {
          if (!isMap(ev)) return;
          const article = ev.get('article');
          visit(ev, typeof article === 'string' ? textById.get(article) : homeText.get(f), `fact ${String(id ?? i)} evidence[${j}]`);
        });
      });
    }

    if (edits.length) {
      let out = source;
      for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.until);
      await writeFile(join(dataDir, f), out);
    }
    reports.push(report);
  }
  return reports;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'seed';
  fillOffsets(dir)
    .then((reports) => {
      let bad = 0;
      for (const r of reports) {
        console.log(`${r.file}: ${r.updated} evidence entr${r.updated === 1 ? 'y' : 'ies'} updated`);
        for (const u of r.unresolved) console.log(`  ! ${u}`);
        bad += r.unresolved.length;
      }
      process.exit(bad ? 1 : 0);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
