import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, startApp } from './app';
import { CHROMIUM } from './browser';
import { startTestNeo4j } from './embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

/**
 * The real built app on a free port, on a seeded throw-away embedded Neo4j, for the browser tests.
 * While writing tests, `APP_URL=http://127.0.0.1:5173` points them at an app that is already running instead
 * (e.g. the dev server); the suite itself never sets it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium (bash .ci/run does this).`);
  }
  const given = process.env['APP_URL'];
  if (given) {
    project.provide('appUrl', given.replace(/\/+$/, ''));
    return async () => {};
  }
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('Browser tests drive the built app: run `npm run build` first (npm test does).');
  }
  const neo4j = await startTestNeo4j();
  const app = await startApp({ NEO4J_URI: neo4j.instance.uri, NEO4J_PASSWORD: neo4j.password, SEED_ON_START: 'true' }).catch(async (err) => {
    await neo4j.dispose();
    throw err;
  });
  project.provide('appUrl', app.url);
  // A test that changes the graph (ingest.browser.test.ts) loads the seed again afterwards, through its own driver.
  project.provide('neo4jUri', neo4j.instance.uri);
  project.provide('neo4jPassword', neo4j.password);
  return async () => {
    await app.stop();
    await neo4j.dispose();
  };
}
