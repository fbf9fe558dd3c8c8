/**
 * `npm run seed -- --scale small|medium|large [--seed N] [--truth path] [--reset]`: seeds the synthetic network.
 * Uses NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) when set, else starts the project's own Neo4j
 * and stops it again at the end. Applies migrations first. Refuses a database that already holds data unless
 * --reset is given. Any failure is one line on stderr and exit code 1.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CypherCatalog } from '../server/db/cypher-catalog.js';
import { Database } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { managedSettingsFromEnv } from '../server/db/neo4j-conf.js';
import { startManagedNeo4j } from '../server/db/neo4j-manager.js';
import type { ManagedNeo4j } from '../server/db/neo4j-manager.js';
import { loadOrCreatePanKey } from '../server/domain/pan.js';
import { SCALES } from '../server/features/seed/seed.generator.js';
import type { Scale } from '../server/features/seed/seed.generator.js';
import { isDatabaseEmpty, resetDatabase, seedDatabase } from '../server/features/seed/seed.service.js';

class UsageError extends Error {}

const log = (line: string) => process.stderr.write(`${line}\n`);

function parseOptions(argv: string[]): { scale: Scale; seed: number | undefined; truth: string | undefined; reset: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { scale: { type: 'string', default: 'small' }, seed: { type: 'string' }, truth: { type: 'string' }, reset: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}; usage: npm run seed -- --scale small|medium|large [--seed N] [--truth path] [--reset]`);
  }
  const scale = values.scale as Scale;
  if (!SCALES.includes(scale)) throw new UsageError(`--scale must be one of ${SCALES.join(', ')}, not "${values.scale}"`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && (!/^\d+$/.test(values.seed ?? '') || seed > 0xffffffff)) throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  return { scale, seed, truth: values.truth, reset: values.reset ?? false };
}

let managed: ManagedNeo4j | null = null;
let db: Database | null = null;

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const { home, boltPort } = managedSettingsFromEnv(process.env);
  const truthPath = path.resolve(opts.truth ?? path.join(home, 'seed-truth.json'));
  const panKey = loadOrCreatePanKey(home);

  const env = process.env;
  let uri: string;
  let user: string;
  let password: string;
  if (env.NEO4J_URI) {
    uri = env.NEO4J_URI;
    user = env.NEO4J_USER || 'neo4j';
    password = env.NEO4J_PASSWORD ?? '';
  } else {
    managed = await startManagedNeo4j({ home, boltPort, log: (line) => log(`neo4j: ${line}`) });
    ({ uri, user, password } = managed);
  }
  db = new Database({ uri, user, password, database: env.NEO4J_DATABASE }, CypherCatalog.load());
  try {
    await db.driver.verifyConnectivity({ database: db.database });
  } catch (err) {
    throw new Error(`cannot reach Neo4j at ${uri}: ${(err as Error).message.split('\n')[0]}`);
  }

  await applyMigrations(db, log);
  if (!(await isDatabaseEmpty(db))) {
    if (!opts.reset) throw new UsageError('the database already holds data: add --reset to delete it and seed afresh');
    log('deleting the existing data…');
    await resetDatabase(db);
  }
  const r = await seedDatabase(db, { scale: opts.scale, ...(opts.seed === undefined ? {} : { seed: opts.seed }), truthPath, panKey, log });
  process.stdout.write(
    [
      `nodes          ${r.nodes.toLocaleString('en')}`,
      `relationships  ${r.relationships.toLocaleString('en')}`,
      `transactions   ${r.transactions.toLocaleString('en')}`,
      `seconds        ${r.seconds.toFixed(1)}`,
      `rows/s         ${Math.round(r.rowsPerSecond).toLocaleString('en')}`,
      `truth          ${truthPath}`,
      '',
    ].join('\n'),
  );
}

async function cleanUp(): Promise<void> {
  await db?.close().catch(() => {});
  db = null;
  const m = managed;
  managed = null;
  await m?.stop();
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    void cleanUp().finally(() => process.exit(1));
  });
}

main()
  .then(cleanUp)
  .catch(async (err: unknown) => {
    await cleanUp().catch(() => {});
    const message = (err as Error).message?.split('\n')[0] ?? String(err);
    process.stderr.write(`error: ${message}\n`);
    process.exit(1);
  });
