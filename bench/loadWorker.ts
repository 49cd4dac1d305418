/**
 * Child process of the load benchmark: loads one corpus directory into an empty Neo4j with the app's own
 * loader and prints `BENCH_RESULT {json}` with its time and this process's peak RSS (VmHWM). Running it as
 * its own process makes that peak the loader's alone.
 *
 *   tsx bench/loadWorker.ts --dir DIR --uri bolt://127.0.0.1:PORT --password PW
 */
import { existsSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { procStatusKb } from './lib/util';

type StreamingLoader = (
  driver: ReturnType<typeof neo4j.driver>,
  dir: string,
  opts: { database?: string; onProgress?: (p: { phase: string; done: number; total: number; rate: number; etaSeconds: number }) => void },
) => Promise<unknown>;

function arg(name: string): string {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (!v) throw new Error(`loadWorker needs ${name}`);
  return v;
}

async function main(): Promise<void> {
  const dir = arg('--dir');
  const driver = neo4j.driver(arg('--uri'), neo4j.auth.basic('neo4j', arg('--password')));
  const streaming = existsSync(new URL('../server/seed/stream.ts', import.meta.url));
  const started = performance.now();
  let loader: string;
  try {
    if (streaming) {
      loader = 'loadCorpusStreaming (server/seed/stream.ts)';
      // A computed specifier: the streaming loader is newer than this worker and may be absent in a checkout.
      const specifier = '../server/seed/stream.ts';
      const { loadCorpusStreaming } = (await import(specifier)) as { loadCorpusStreaming: StreamingLoader };
      let lastPrint = 0;
      await loadCorpusStreaming(driver, dir, {
        database: 'neo4j',
        onProgress: (p) => {
          if (Date.now() - lastPrint > 10_000) {
            lastPrint = Date.now();
            process.stderr.write(`  loader: ${p.phase} ${p.done}/${p.total} (${Math.round(p.rate)}/s, eta ${Math.round(p.etaSeconds)} s)\n`);
          }
        },
      });
    } else {
      loader = 'loadSeedDirectory (server/seed/load.ts, one transaction)';
      const { loadSeedDirectory } = await import('../server/seed/load');
      await loadSeedDirectory(driver, dir, { database: 'neo4j', prune: false });
    }
    const loadMs = performance.now() - started;
    process.stdout.write(`BENCH_RESULT ${JSON.stringify({ loader, loadMs, peakRssKb: procStatusKb('self', 'VmHWM') })}\n`);
  } finally {
    await driver.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`loadWorker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
