/**
 * `npm run seed -- --scale small|medium|large [--seed N] [--truth path] [--reset]`: seeds the synthetic network.
 * Uses NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) when set, else the project's own Neo4j: the one
 * a running app started (seeding beside the workbench is the usual demo), or one started for this run and stopped
 * at the end. Applies migrations first. Refuses a database that already holds data unless
 * --reset is given. Any failure is one line on stderr and exit code 1.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OpenDatabase } from '../server/db/open-database.js';
import { loadOrCreatePanKey } from '../server/domain/pan.js';
import { SCALES } from '../server/features/seed/seed.generator.js';
import type { Scale } from '../server/features/seed/seed.generator.js';
import { isDatabaseEmpty, resetDatabase, seedDatabase } from '../server/features/seed/seed.service.js';
import { openCliDatabase } from './cli-database.js';

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

let opened: OpenDatabase | null = null;

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const cli = await openCliDatabase((line) => log(`neo4j: ${line}`));
  opened = cli;
  const { db, config } = cli;
  const home = config.MONEYTRAIL_HOME;
  const truthPath = path.resolve(opts.truth ?? path.join(home, 'seed-truth.json'));
  // the same key the app uses, so card hashes from the seed match those from imports
  const panKey = config.MONEYTRAIL_PAN_KEY ?? loadOrCreatePanKey(home);

  if (!(await isDatabaseEmpty(db))) {
    if (!opts.reset) throw new UsageError('the database already holds data: add --reset to delete it and seed afresh');
    log('deleting the existing data…');
    await resetDatabase(db);
    // --reset deletes users and cases too; a running app only creates its first users at start-up
    if (!cli.managed && !config.NEO4J_URI) log('the running app lost its users and sessions with the reset: restart it to recreate the demo users');
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
  const o = opened;
  opened = null;
  await o?.close();
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
