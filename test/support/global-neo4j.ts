import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../../server/config.js';
import { CypherCatalog } from '../../server/db/cypher-catalog.js';
import { Database } from '../../server/db/database.js';
import { applyMigrations } from '../../server/db/migrations.js';
import { startManagedNeo4j, type ManagedNeo4j } from '../../server/db/neo4j-manager.js';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string | null;
  home: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

/**
 * One real Neo4j for the whole run, shared by the integration and e2e projects (each project runs its own
 * global setup, so the server is kept on globalThis and reference-counted). NEO4J_TEST_URI points the tests at
 * an existing server instead; by default the project's own server runs with its own data folder and port.
 */
interface Shared {
  started: Promise<{ info: TestNeo4j; managed: ManagedNeo4j | null }>;
  users: number;
}
const KEY = Symbol.for('moneytrail.test.neo4j');
const g = globalThis as unknown as Record<symbol, Shared | undefined>;

async function start(): Promise<{ info: TestNeo4j; managed: ManagedNeo4j | null }> {
  const home = process.env.MONEYTRAIL_TEST_HOME ?? path.join(REPO_ROOT, '.test-moneytrail');
  let managed: ManagedNeo4j | null = null;
  let info: TestNeo4j;
  if (process.env.NEO4J_TEST_URI) {
    info = {
      uri: process.env.NEO4J_TEST_URI,
      user: process.env.NEO4J_TEST_USER ?? 'neo4j',
      password: process.env.NEO4J_TEST_PASSWORD ?? '',
      database: process.env.NEO4J_TEST_DATABASE ?? null,
      home,
    };
  } else {
    managed = await startManagedNeo4j({
      home,
      boltPort: Number(process.env.MONEYTRAIL_TEST_BOLT_PORT ?? 7697),
      heap: process.env.NEO4J_HEAP ?? '1g',
      pageCache: process.env.NEO4J_PAGECACHE ?? '256m',
      log: (line) => process.stderr.write(`[test neo4j] ${line}\n`),
    });
    info = { uri: managed.uri, user: managed.user, password: managed.password, database: null, home };
  }
  const db = new Database({ ...info, database: info.database ?? undefined }, CypherCatalog.load());
  try {
    await applyMigrations(db);
  } finally {
    await db.close();
  }
  return { info, managed };
}

export default async function setup(project: TestProject) {
  const shared = (g[KEY] ??= { started: start(), users: 0 });
  shared.users += 1;
  const { info } = await shared.started;
  project.provide('neo4j', info);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    g[KEY] = undefined;
    const { managed } = await shared.started;
    await managed?.stop();
  };
}
