import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config';
import { connect } from '../neo4j/connect';
import { exportSources, ExportError, writeSeedDirectory } from '../seed/export';
import { isEntitiesFile, SeedValidationError, validateSources } from '../seed/validate';

const USAGE = `Writes the whole curated graph (seeded and reviewed articles) as a seed directory that can be versioned
and loaded again with \`npm run seed -- DIR\`.

  npm run export -- DIR [--force]

  DIR       where to write: DIR/articles/*.txt, DIR/articles/SHA256SUMS, DIR/data/entities.yaml, DIR/data/<article>.yaml
  --force   write into a directory that is not empty; the article texts, SHA256SUMS and data/*.yaml already
            there are replaced, so the directory holds exactly the export (other files are left alone)

It reuses the embedded Neo4j of a running app, or NEO4J_URI when set, or starts the embedded one itself.`;

class UsageError extends Error {}

/** The entries of `dir`, or none when it does not exist yet. */
async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one directory at a time; got ${positionals.join(', ')}` : 'name the directory to write to');
  const dir = resolve(positionals[0]!);
  const present = await entries(dir);
  if (present.length && !values.force) {
    throw new UsageError(`${dir} is not empty (${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}). Choose an empty or new directory, or add --force to replace an earlier export there.`);
  }

  const config = loadConfig();
  const connection = await connect(config, pino({ level: 'warn' }), { attach: true });
  try {
    const started = Date.now();
    const sources = await exportSources(connection.db.driver, connection.db.database);
    // Held to the seed loader's checks before anything is written: an export that would not load is no export.
    validateSources(sources, dir);
    const written = await writeSeedDirectory(sources, dir, { replace: values.force ?? false });
    const removed = written.replaced;
    const facts = sources.articleFiles.reduce((n, f) => n + f.data.facts.length, 0);
    const entities = sources.entitiesFiles.reduce((n, f) => n + f.data.entities.length, 0);
    const reviewed = sources.articleFiles.filter((f) => f.data.article.reviewedAt).length;
    console.log(
      [
        `Exported to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s${removed ? ` (replaced ${removed} files of an earlier export)` : ''}:`,
        `  ${written.texts.length} article texts in articles/ (${reviewed} reviewed), with ${written.checksums}`,
        `  ${entities} entities in ${written.data.filter((f) => isEntitiesFile(f.slice('data/'.length))).join(', ')}`,
        `  ${facts} facts in ${written.data.length - sources.entitiesFiles.length} article data files in data/`,
        `Load it with: npm run seed -- ${positionals[0]}`,
      ].join('\n'),
    );
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
  else if (err instanceof ExportError || err instanceof ConfigError) console.error(err.message);
  else if (err instanceof SeedValidationError) console.error(`The graph does not export as a valid seed corpus; nothing was written.\n${err.message}`);
  else if (err instanceof Error && 'code' in err && err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') console.error(`${err.message}\n\n${USAGE}`);
  else console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
