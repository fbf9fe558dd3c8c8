/**
 * Opens the app's database for a command-line tool whether or not the app is running: NEO4J_URI when set,
 * else the project's own Neo4j — reused when the app already started it, started (and stopped at the end)
 * when it is not running.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, type Config } from '../server/config.js';
import { CypherCatalog } from '../server/db/cypher-catalog.js';
import { Database } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { managedNeo4jPaths } from '../server/db/neo4j-conf.js';
import { Neo4jSetupError, readManagedCredentials } from '../server/db/neo4j-manager.js';
import { openDatabase, recordDatabaseOrigin, verifyDatabase, type OpenDatabase } from '../server/db/open-database.js';

export async function openCliDatabase(log: (line: string) => void): Promise<OpenDatabase & { config: Config }> {
  const config = loadConfig();
  try {
    const opened = await openDatabase(config, log);
    try {
      await applyMigrations(opened.db, log);
    } catch (err) {
      await opened.close();
      throw err;
    }
    return { ...opened, config };
  } catch (err) {
    if (!(err instanceof Neo4jSetupError) || !/already running/.test(err.message)) throw err;
    const creds = await readManagedCredentials(config.MONEYTRAIL_HOME);
    if (!creds) throw err;
    const uri = `bolt://127.0.0.1:${await runningBoltPort(config)}`;
    log(`using the Neo4j the running app started (${uri})`);
    const db = new Database({ uri, user: creds.user, password: creds.password, database: config.NEO4J_DATABASE }, CypherCatalog.load());
    recordDatabaseOrigin(db, { uri, managedHome: config.MONEYTRAIL_HOME });
    try {
      await verifyDatabase(db, uri, creds.user);
      await applyMigrations(db, log);
    } catch (err) {
      await db.close().catch(() => {});
      throw err;
    }
    return { db, managed: null, close: () => db.close(), config };
  }
}

/** The running server's port from the neo4j.conf written at its start: this shell may not have its NEO4J_BOLT_PORT. */
async function runningBoltPort(config: Config): Promise<number> {
  return (await lastBoltPort(config.MONEYTRAIL_HOME)) ?? config.NEO4J_BOLT_PORT;
}

/** The Bolt port the managed server in `home` was last started on, from the neo4j.conf written at each start. */
export async function lastBoltPort(home: string): Promise<number | null> {
  try {
    const conf = await readFile(path.join(managedNeo4jPaths(home).conf, 'neo4j.conf'), 'utf8');
    const port = /^server\.bolt\.listen_address=.*:(\d+)$/m.exec(conf)?.[1];
    return port ? Number(port) : null;
  } catch {
    return null; // never started in this home
  }
}
