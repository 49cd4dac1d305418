#!/usr/bin/env node
// Fetches the official Neo4j engine jars from Maven Central (through the local Maven cache) and compiles the
// small launcher in server/embedded/. Runs as npm's postinstall and again before every embedded start; a
// second run finds the stamp and does nothing, so nothing is downloaded twice.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const embeddedDir = join(root, 'server', 'embedded');
const pom = join(embeddedDir, 'pom.xml');
const launcherSource = join(embeddedDir, 'EmbeddedNeo4j.java');

/** Where the jars and the compiled launcher live; NEO4J_JARS_DIR moves them (e.g. to share one cache). */
export const cacheDir = resolve(process.env.NEO4J_JARS_DIR ?? join(root, '.neo4j'));

function hash(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}

function run(cmd, args, what) {
  const result = spawnSync(cmd, args, { cwd: embeddedDir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) {
    throw new Error(`${what}: could not run "${cmd}" (${result.error.message}). Install a JDK 17 and Maven (Debian: apt-get install -y openjdk-17-jdk-headless maven).`);
  }
  if (result.status !== 0) throw new Error(`${what}: "${cmd} ${args.join(' ')}" exited with ${result.status}`);
}

/** Makes sure the jars and the compiled launcher are in the cache; returns their locations. */
export function ensureNeo4jJars({ quiet = false } = {}) {
  const lib = join(cacheDir, 'lib');
  const classes = join(cacheDir, 'classes');
  const jarsStamp = join(cacheDir, 'jars.stamp');
  const classesStamp = join(cacheDir, 'classes.stamp');
  const wantJars = hash(pom);
  const wantClasses = hash(launcherSource);

  if (!existsSync(jarsStamp) || readFileSync(jarsStamp, 'utf8').trim() !== wantJars) {
    if (!quiet) console.log(`Fetching the Neo4j engine jars into ${lib} (first time only) …`);
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(lib, { recursive: true });
    run('mvn', ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`], 'Fetching Neo4j jars');
    writeFileSync(jarsStamp, wantJars + '\n');
  }
  if (!existsSync(classesStamp) || readFileSync(classesStamp, 'utf8').trim() !== wantClasses) {
    rmSync(classes, { recursive: true, force: true });
    mkdirSync(classes, { recursive: true });
    run('javac', ['-encoding', 'UTF-8', '-cp', join(lib, '*'), '-d', classes, launcherSource], 'Compiling the Neo4j launcher');
    writeFileSync(classesStamp, wantClasses + '\n');
    if (!quiet) console.log('Neo4j engine ready.');
  }
  return { lib, classes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureNeo4jJars();
  } catch (err) {
    console.error(String(err instanceof Error ? err.message : err));
    process.exit(1);
  }
}
