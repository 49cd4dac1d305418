import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';

describe('configuration from the environment', () => {
  it('uses the embedded Neo4j with documented defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.embedded.port).toBe(7687);
    expect(config.embedded.dataDir).toBe('/srv/app/.data/neo4j');
    expect(config.corsOrigins).toEqual([]);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '' }).port).toBe(3000);
  });

  it('refuses a bad value with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NEO4J_EMBEDDED_HEAP: 'lots' })).toThrow(/NEO4J_EMBEDDED_HEAP: a size such as 512m/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'longenough' })).toThrow(/NEO4J_URI/);
  });

  it('accepts the bolt and neo4j schemes with their +s variants', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://cluster', 'neo4j+s://x.databases.neo4j.io', 'bolt+s://db']) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'password1' }).neo4j.uri).toBe(uri);
    }
  });

  it('requires NEO4J_PASSWORD when NEO4J_URI points at your own database', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_PASSWORD/);
  });

  it('splits CORS_ORIGINS into a list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
