import type { TestProject } from 'vitest/node';
import { startTestNeo4j } from './embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jPassword: string;
    neo4jPort: number;
  }
}

/** One real embedded Neo4j for the integration tests: started before them, stopped and deleted after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const neo4j = await startTestNeo4j();
  project.provide('neo4jUri', neo4j.instance.uri);
  project.provide('neo4jPassword', neo4j.password);
  project.provide('neo4jPort', neo4j.port);
  return () => neo4j.dispose();
}
