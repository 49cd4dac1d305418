import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config';
import { AppError } from '../errors';
import { formatOfFileName } from '../ingest/convert';
import { createExtractor } from '../ingest/extractors';
import { IngestService, reviewPath } from '../ingest/service';
import { isUtf8 } from '../ingest/text';
import { connect } from '../neo4j/connect';
import { IngestInput, type Proposal } from '../../contract/ingest';

const USAGE = `Adds an article as a draft: runs the extractor and prints what it proposes, with the address to review it.

  npm run ingest -- FILE [--title T] [--published YYYY-MM-DD] [--outlet O] [--url U]

FILE is a .txt, .md or .html file in UTF-8 (HTML and Markdown are turned into text as the app does on upload).
The title defaults to the one the file gives itself (<h1>/<title>, the first "# " line, the first line); the
date to the one the text states ("Publicerad: 6 december 2017"). Nothing reaches the graph until the draft is
accepted in the app. It uses the embedded Neo4j of a running app, or NEO4J_URI when set, or starts the
embedded one itself.`;

class UsageError extends Error {}

function clip(s: string, max = 90): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** A human summary of a proposal: mentions by entity, new entities, facts with rule and confidence. */
export function summarise(p: Proposal, reviewUrl: string): string {
  const out: string[] = [];
  out.push(`Draft ${p.id}: "${p.title}"${p.published ? `, ${p.published}` : ', no date'}${p.publishedHint ? ` (the text says "${p.publishedHint.quote}")` : ''}`);
  out.push(`  ${p.text.length.toLocaleString('en')} characters; extractor ${p.extractor}`);
  for (const d of p.duplicates) out.push(`  ! maybe a duplicate of ${d.articleId} "${d.title}" (${d.published}): ${d.reason === 'same-title-date' ? 'same title and date' : `${pct(d.similarity)} of the text in common`}`);

  const linked = new Map<string, string[]>();
  let ambiguous = 0;
  for (const m of p.mentions) {
    if (m.entityId) linked.set(m.entityId, [...(linked.get(m.entityId) ?? []), m.surface]);
    else if (!m.newEntity) ambiguous += 1;
  }
  out.push('', `Mentions: ${p.mentions.length} (${linked.size} existing entities${ambiguous ? `, ${ambiguous} ambiguous` : ''})`);
  for (const [id, surfaces] of [...linked].sort((a, b) => b[1].length - a[1].length)) {
    out.push(`  ${id}: ${[...new Set(surfaces)].map((s) => `"${s}"`).join(', ')} ×${surfaces.length}`);
  }
  for (const m of p.mentions.filter((x) => !x.entityId && !x.newEntity)) {
    out.push(`  ? "${m.surface}" at ${m.start}: could be ${(m.ambiguous ?? []).map((c) => c.id).join(' or ') || 'something the graph does not know'}`);
  }

  out.push('', `New entities: ${p.entities.length}`);
  for (const e of p.entities) {
    const maybe = e.maybeSameAs.length ? `; maybe the same as ${e.maybeSameAs.map((c) => `${c.id} (${pct(c.score)})`).join(', ')}` : '';
    out.push(`  ${e.key} ${e.label}/${e.kind} "${e.name}"${e.title ? ` — ${e.title}` : ''} [${e.rule}, ${pct(e.confidence)}]${maybe}`);
  }

  const nameOf = (ref: string) => p.entities.find((e) => e.key === ref)?.name ?? ref;
  out.push('', `Facts: ${p.facts.length}`);
  for (const f of p.facts) {
    out.push(`  ${f.key} ${nameOf(f.from)} —${f.type}→ ${nameOf(f.to)} [${f.rule}, ${pct(f.confidence)}]`);
    out.push(`      "${clip(f.evidence[0]!.quote)}" [${f.evidence[0]!.start}, ${f.evidence[0]!.end})`);
  }
  out.push('', `Review it in the app: ${reviewUrl}`);
  return out.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      published: { type: 'string' },
      outlet: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `give one file, not ${positionals.length}` : 'give the file to add');
  const file = positionals[0]!;
  const format = formatOfFileName(file);
  if (!format) throw new UsageError(`"${basename(file)}" is not a .txt, .md or .html file`);
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read "${file}": ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  });
  if (!isUtf8(bytes)) throw new UsageError(`"${basename(file)}" is not valid UTF-8 text; convert it to UTF-8 first (e.g. iconv -f latin1 -t utf-8)`);

  const config = loadConfig();
  const log = pino({ level: 'warn' });
  const connection = await connect(config, log, { attach: true });
  try {
    const service = new IngestService(connection.db, { extractor: createExtractor(config.extractor), log });
    const converted = await service.convert({ format, content: bytes.toString('utf8') });
    const input = IngestInput.safeParse({
      title: values.title ?? converted.title ?? undefined,
      text: converted.text,
      published: values.published ?? undefined,
      outlet: values.outlet,
      url: values.url,
    });
    if (!input.success) {
      const lines = input.error.issues.map((i) => `  ${i.path.join('.') === 'title' ? '--title' : i.path.join('.') === 'published' ? '--published' : i.path.join('.') === 'url' ? '--url' : i.path.join('.') || 'input'}: ${i.message}`);
      throw new UsageError(`the article cannot be added:\n${lines.join('\n')}`);
    }
    const proposal = await service.propose(input.data);
    console.log(summarise(proposal, `http://localhost:${config.port}${reviewPath(proposal.id)}`));
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
  else if (err instanceof AppError || err instanceof ConfigError) console.error(err.message);
  else if (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) console.error(`${err.message}\n\n${USAGE}`);
  else console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
