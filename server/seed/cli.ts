import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../config';
import { connect } from '../neo4j/connect';
import { applySchema } from '../neo4j/schema';
import { loadSeedDirectory } from './load';
import { loadCorpusStreaming, type LoadProgress } from './stream';

/** Corpora with more article files than this load in streamed batches unless --whole is given. */
const STREAM_ABOVE = 2_000;

function progressPrinter(): (p: LoadProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (p.done < p.total && now - last < (process.stdout.isTTY ? 250 : 5_000)) return;
    last = now;
    const line = `${p.phase}: ${p.done}/${p.total} (${p.rate.toFixed(p.rate < 10 ? 1 : 0)}/s, ${Math.ceil(p.etaSeconds)} s left)`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(70)}${p.done === p.total ? '\n' : ''}`);
    else console.log(line);
  };
}

/**
 * `npm run seed [-- DIR] [--stream|--whole]`: validates and loads a corpus; loading the same corpus twice
 * changes nothing. Small corpora load all or nothing in one transaction; large ones stream in batches.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const config = loadConfig();
  const dir = args.find((a) => !a.startsWith('--')) ?? config.seed.dir;
  const articleFiles = (await readdir(join(dir, 'articles'))).filter((f) => f.endsWith('.txt')).length;
  const stream = args.includes('--stream') || (!args.includes('--whole') && articleFiles > STREAM_ABOVE);
  const log = pino({ level: 'warn' });
  const connection = await connect(config, log, { attach: true });
  try {
    await applySchema(connection.db);
    const started = Date.now();
    const counts = stream
      ? await loadCorpusStreaming(connection.db.driver, dir, { database: connection.db.database, onProgress: progressPrinter() })
      : await loadSeedDirectory(connection.db.driver, dir, { database: connection.db.database });
    console.log(`Loaded ${dir}${stream ? ' (streamed)' : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s: the graph now has ${counts.nodes} nodes and ${counts.relationships} relationships.`);
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
