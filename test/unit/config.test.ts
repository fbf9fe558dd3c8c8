import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('configuration from the environment', () => {
  it('has working defaults for a fresh checkout', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(8080);
    expect(c.NEO4J_URI).toBeUndefined();
    expect(c.NEO4J_BOLT_PORT).toBe(7687);
    expect(c.MONEYTRAIL_HOME).toMatch(/\.moneytrail$/);
  });

  it('accepts bolt, neo4j and neo4j+s URIs unchanged', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://cluster:7687', 'neo4j+s://abc.databases.neo4j.io']) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'p' }).NEO4J_URI).toBe(uri);
    }
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: PORT must be a port number'],
    [{ PORT: '70000' }, 'PORT: PORT must be between 1 and 65535'],
    [{ NEO4J_URI: 'http://x' , NEO4J_PASSWORD: 'p' }, 'NEO4J_URI must start with bolt://'],
    [{ NEO4J_URI: 'bolt://x:7687' }, 'NEO4J_PASSWORD must be set when NEO4J_URI is set'],
    [{ NEO4J_HEAP: 'lots' }, 'NEO4J_HEAP must look like 512m or 2g'],
  ])('stops with one line naming the variable for %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
