import type { Config } from '../config.js';
import { CypherCatalog } from './cypher-catalog.js';
import { Database } from './database.js';
import { startManagedNeo4j, type ManagedNeo4j } from './neo4j-manager.js';

export interface OpenDatabase {
  db: Database;
  managed: ManagedNeo4j | null;
  close(): Promise<void>;
}

export class DatabaseConnectError extends Error {}

/**
 * Connects to the configured Neo4j (NEO4J_URI) or starts the project's own server, then checks the connection
 * so that a wrong password or address is one clear line at start-up instead of a failing first request.
 * Used by the app, the CLI scripts and the tests alike.
 */
export async function openDatabase(config: Config, log: (line: string) => void = () => {}): Promise<OpenDatabase> {
  let managed: ManagedNeo4j | null = null;
  let uri: string;
  let user: string;
  let password: string;
  if (config.NEO4J_URI) {
    uri = config.NEO4J_URI;
    user = config.NEO4J_USER;
    password = config.NEO4J_PASSWORD ?? '';
  } else {
    managed = await startManagedNeo4j({
      home: config.MONEYTRAIL_HOME,
      boltPort: config.NEO4J_BOLT_PORT,
      heap: config.NEO4J_HEAP,
      pageCache: config.NEO4J_PAGECACHE,
      log,
    });
    ({ uri, user, password } = managed);
  }
  const db = new Database({ uri, user, password, database: config.NEO4J_DATABASE }, CypherCatalog.load());
  const close = async () => {
    await db.close().catch(() => {});
    if (managed) await managed.stop();
  };
  try {
    await db.driver.verifyConnectivity({ database: db.database });
  } catch (err) {
    await close();
    const code = (err as { code?: string }).code;
    if (code === 'Neo.ClientError.Security.Unauthorized')
      throw new DatabaseConnectError(`Neo4j at ${uri} refused user "${user}": check NEO4J_USER and NEO4J_PASSWORD`);
    if (code === 'Neo.ClientError.Database.DatabaseNotFound')
      throw new DatabaseConnectError(`Neo4j at ${uri} has no database "${config.NEO4J_DATABASE}": check NEO4J_DATABASE`);
    throw new DatabaseConnectError(`cannot reach Neo4j at ${uri}: ${(err as Error).message.split('\n')[0]}`);
  }
  return { db, managed, close };
}
