/**
 * Opens the app's database for a command-line tool whether or not the app is running: NEO4J_URI when set,
 * else the project's own Neo4j — reused when the app already started it, started (and stopped at the end)
 * when it is not running.
 */
import { loadConfig, type Config } from '../server/config.js';
import { CypherCatalog } from '../server/db/cypher-catalog.js';
import { Database } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { Neo4jSetupError, readManagedCredentials } from '../server/db/neo4j-manager.js';
import { openDatabase, type OpenDatabase } from '../server/db/open-database.js';

export async function openCliDatabase(log: (line: string) => void): Promise<OpenDatabase & { config: Config }> {
  const config = loadConfig();
  try {
    const opened = await openDatabase(config, log);
    await applyMigrations(opened.db, log);
    return { ...opened, config };
  } catch (err) {
    if (!(err instanceof Neo4jSetupError) || !/already running/.test(err.message)) throw err;
    const creds = await readManagedCredentials(config.MONEYTRAIL_HOME);
    if (!creds) throw err;
    const db = new Database({ uri: `bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}`, user: creds.user, password: creds.password }, CypherCatalog.load());
    await db.driver.verifyConnectivity();
    return { db, managed: null, close: () => db.close(), config };
  }
}
