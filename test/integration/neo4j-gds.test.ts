/**
 * NEO4J_GDS=true: the project's own Neo4j loads Graph Data Science from Maven Central beside APOC, and its
 * algorithms run; turned off again, exactly its jars leave the plugins folder and the server starts without it.
 * Uses its own data folder beside the test server's.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { managedNeo4jPaths } from '../../server/db/neo4j-conf.js';
import { startManagedNeo4j, type ManagedNeo4j } from '../../server/db/neo4j-manager.js';
import { freePort } from '../support/ports.js';

describe('optional Graph Data Science on the project\'s own Neo4j', () => {
  const home = path.join(inject('neo4j').home, 'with-gds');
  const plugins = managedNeo4jPaths(home).plugins;
  let running: ManagedNeo4j | null = null;
  afterAll(async () => {
    await running?.stop();
  });

  async function withServer<T>(gds: boolean, work: (run: (cypher: string) => Promise<neo4j.Record[]>) => Promise<T>): Promise<T> {
    running = await startManagedNeo4j({ home, boltPort: await freePort(), heap: '512m', pageCache: '64m', gds });
    const driver = neo4j.driver(running.uri, neo4j.auth.basic(running.user, running.password));
    try {
      return await work(async (cypher) => (await driver.executeQuery(cypher)).records);
    } finally {
      await driver.close();
      await running.stop();
      running = null;
    }
  }

  it('NEO4J_GDS=true loads GDS 2.13 and its algorithms answer', { timeout: 240_000 }, async () => {
    await withServer(true, async (run) => {
      expect(String((await run('RETURN gds.version() AS v'))[0]!.get('v'))).toMatch(/^2\.13\./);
      // two separate money loops: weakly connected components must find exactly two
      await run(`MATCH (n:GdsProbe) DETACH DELETE n`);
      await run(`CREATE (a:GdsProbe {k: 'a'})-[:PAID]->(b:GdsProbe {k: 'b'})-[:PAID]->(a),
                        (c:GdsProbe {k: 'c'})-[:PAID]->(d:GdsProbe {k: 'd'})-[:PAID]->(e:GdsProbe {k: 'e'})`);
      await run(`CALL gds.graph.project('probe', 'GdsProbe', 'PAID')`);
      const [wcc] = await run(`CALL gds.wcc.stats('probe') YIELD componentCount RETURN componentCount`);
      expect(Number(wcc!.get('componentCount'))).toBe(2);
      // d lies on the only path from c to e: it has the highest betweenness
      const top = await run(`CALL gds.betweenness.stream('probe') YIELD nodeId, score
                             RETURN gds.util.asNode(nodeId).k AS k ORDER BY score DESC LIMIT 1`);
      expect(top[0]!.get('k')).toBe('d');
    });
    expect(readdirSync(plugins).some((f) => /^proc-2\.13\..*\.jar$/.test(f))).toBe(true);
  });

  it('turned off again, its jars leave the plugins folder (APOC stays) and the server starts without it', { timeout: 240_000 }, async () => {
    await withServer(false, async (run) => {
      await expect(run('RETURN gds.version() AS v')).rejects.toThrow(/gds\.version/);
      expect(String((await run('RETURN apoc.version() AS v'))[0]!.get('v'))).toMatch(/^5\.26\./);
    });
    const left = readdirSync(plugins);
    expect(left.filter((f) => /2\.13\.\d+\.jar$/.test(f))).toEqual([]);
    expect(left.some((f) => f.startsWith('apoc-'))).toBe(true);
    expect(existsSync(path.join(plugins, '.moneytrail-gds-jars'))).toBe(false);
  });
});
