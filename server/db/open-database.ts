import neo4j from 'neo4j-driver';
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

/** Where a Database points, so that a health check can say what to check: the app's own server or NEO4J_URI. */
export interface DatabaseOrigin {
  uri: string;
  /** the managed server's MONEYTRAIL_HOME; absent for a server chosen with NEO4J_URI */
  managedHome?: string;
}

const origins = new WeakMap<Database, DatabaseOrigin>();

export function recordDatabaseOrigin(db: Database, origin: DatabaseOrigin): void {
  origins.set(db, origin);
}

export function databaseOrigin(db: Database): DatabaseOrigin | undefined {
  return origins.get(db);
}

/**
 * Checks that Neo4j answers and that the chosen database exists: verifyConnectivity alone only proves the
 * server is up, so a wrong NEO4J_DATABASE would otherwise surface as a raw driver error on the first query.
 */
export async function verifyDatabase(db: Database, uri: string, user: string): Promise<void> {
  try {
    await db.driver.verifyConnectivity({ database: db.database });
    await db.driver.executeQuery('RETURN 1', {}, { database: db.database, routing: neo4j.routing.READ });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'Neo.ClientError.Security.Unauthorized')
      throw new DatabaseConnectError(`Neo4j at ${uri} refused user "${user}": check NEO4J_USER and NEO4J_PASSWORD`);
    if (code === 'Neo.ClientError.Database.DatabaseNotFound')
      throw new DatabaseConnectError(`Neo4j at ${uri} has no database "${db.database ?? ''}": check NEO4J_DATABASE (or unset it to use the default database)`);
    throw new DatabaseConnectError(`cannot reach Neo4j at ${uri}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/**
 * Connects to the configured Neo4j (NEO4J_URI) or starts the project's own server, then checks the connection
 * so that a wrong password, address or database is one clear line at start-up instead of a failing first request.
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
  recordDatabaseOrigin(db, managed ? { uri, managedHome: config.MONEYTRAIL_HOME } : { uri });
  try {
    await verifyDatabase(db, uri, user);
  } catch (err) {
    await close();
    throw err;
  }
  return { db, managed, close };
}
