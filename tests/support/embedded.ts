import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded';
import { freePort } from './ports';

export interface TestNeo4j {
  instance: EmbeddedNeo4j;
  port: number;
  dataDir: string;
  password: string;
  /** Stops the JVM and deletes its throw-away data directory. */
  dispose(): Promise<void>;
}

/** Starts a real embedded Neo4j on a free port with a throw-away data directory. */
export async function startTestNeo4j(options: { port?: number; dataDir?: string } = {}): Promise<TestNeo4j> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'explorer-neo4j-'));
  const password = 'test-password-1';
  const instance = await startEmbeddedNeo4j({ port, dataDir, heap: '768m', pageCache: '128m', txMax: '512m', password });
  const handle: TestNeo4j = {
    instance,
    port,
    dataDir,
    password,
    async dispose() {
      await handle.instance.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
