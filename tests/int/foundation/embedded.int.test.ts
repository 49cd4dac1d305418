import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { getTestDatabase } from '../../support/neo4j';

describe('the embedded Neo4j', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()));
  });

  it('answers Cypher over Bolt as Neo4j 5.26 Community', async () => {
    const info = await getTestDatabase().info();
    expect(info.version).toMatch(/^5\.26\./);
    expect(info.edition).toBe('community');
  });

  it('accepts the routing neo4j:// scheme that clusters and Aura use', async () => {
    const driver = neo4j.driver(`neo4j://127.0.0.1:${inject('neo4jPort')}`, neo4j.auth.basic('neo4j', inject('neo4jPassword')));
    opened.push(driver);
    const { records } = await driver.executeQuery('RETURN 40 + 2 AS answer', {}, { routing: 'READ' });
    expect(records[0]?.get('answer').toNumber()).toBe(42);
  });

  it('refuses a wrong password', async () => {
    const driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'not-the-password'));
    opened.push(driver);
    await expect(driver.executeQuery('RETURN 1')).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
  });

  it('refuses a write inside a read transaction', async () => {
    await expect(getTestDatabase().read('CREATE (:ShouldNotExist)')).rejects.toMatchObject({ code: 'WRITE_REFUSED', status: 422 });
    const { records } = await getTestDatabase().read('MATCH (n:ShouldNotExist) RETURN count(n) AS n');
    expect(records[0]?.get('n').toNumber()).toBe(0);
  });

  it('refuses LOAD CSV from files on the database machine', async () => {
    await expect(getTestDatabase().read("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1")).rejects.toMatchObject({ status: 422 });
  });
});
