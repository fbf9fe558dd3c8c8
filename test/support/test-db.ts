import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { CypherCatalog } from '../../server/db/cypher-catalog.js';
import { Database } from '../../server/db/database.js';
import { seedDatabase } from '../../server/features/seed/seed.service.js';
import { parseTruth, type SeedTruth } from './truth.js';

export const TEST_PAN_KEY = 'test-pan-key-not-secret-0123456789';

/** A Database on the test server; each test file opens its own and closes it in afterAll. */
export function openTestDatabase(): Database {
  const info = inject('neo4j');
  return new Database({ uri: info.uri, user: info.user, password: info.password, database: info.database ?? undefined }, CypherCatalog.load());
}

/** Deletes every node but the schema bookkeeping, so each file starts from a known state. */
export async function resetDatabase(db: Database): Promise<void> {
  // CALL { } IN TRANSACTIONS needs an auto-commit transaction, hence session.run rather than executeQuery.
  const session = db.driver.session({ database: db.database });
  try {
    await session.run('MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** Resets and seeds the small demo network; returns the planted truth the generator wrote. */
export async function seedSmall(db: Database, seed?: number): Promise<SeedTruth> {
  await resetDatabase(db);
  const truthPath = path.join(inject('neo4j').home, `seed-truth-${process.pid}.json`);
  await seedDatabase(db, { scale: 'small', truthPath, panKey: TEST_PAN_KEY, ...(seed === undefined ? {} : { seed }) });
  return parseTruth(JSON.parse(await readFile(truthPath, 'utf8')));
}
