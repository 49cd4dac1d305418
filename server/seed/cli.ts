import { pino } from 'pino';
import { loadConfig } from '../config';
import { connect } from '../neo4j/connect';
import { applySchema } from '../neo4j/schema';
import { loadSeedDirectory } from './load';

/** `npm run seed [-- DIR]`: validates and loads a corpus; loading the same corpus twice changes nothing. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dir = process.argv[2] ?? config.seed.dir;
  const log = pino({ level: 'warn' });
  const connection = await connect(config, log, { attach: true });
  try {
    await applySchema(connection.db);
    const started = Date.now();
    const counts = await loadSeedDirectory(connection.db.driver, dir, { database: connection.db.database });
    console.log(`Loaded ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s: the graph now has ${counts.nodes} nodes and ${counts.relationships} relationships.`);
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
