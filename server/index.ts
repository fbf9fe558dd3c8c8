import { ConfigError, loadConfig } from './config.js';
import { createApp } from './app.js';
import { applyMigrations } from './db/migrations.js';
import { DatabaseConnectError, openDatabase, type OpenDatabase } from './db/open-database.js';
import { Neo4jSetupError } from './db/neo4j-manager.js';
import { loadOrCreatePanKey } from './domain/pan.js';
import { isDatabaseEmpty, seedDatabase } from './features/seed/seed.service.js';
import { loadQueryLibrary } from './features/queries/queries.library.js';
import { QueriesRepository } from './features/queries/queries.repository.js';
import { QueriesService } from './features/queries/queries.service.js';
import { createLogger } from './logger.js';
import { probePort } from './port-probe.js';
import { AuditRepository } from './features/audit/audit.repository.js';
import { AuditService } from './features/audit/audit.service.js';
import { bootstrapUsers } from './features/users/users.bootstrap.js';
import { UsersRepository } from './features/users/users.repository.js';
import { UsersService } from './features/users/users.service.js';
import path from 'node:path';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const log = (line: string) => logger.info(line);

  let opened: OpenDatabase | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping`);
    await opened?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // Before Neo4j: otherwise a taken PORT is only found after a full database start and migrations.
  await assertPortFree(config.PORT, config.HOST);
  opened = await openDatabase(config, log);
  const { db, managed } = opened;
  // Without its database the app can only answer 503s: say so once, clearly, and exit so a supervisor restarts it.
  void managed?.exited.then(({ code, signal }) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(
      `error: MoneyTrail's Neo4j (pid ${managed.pid}) stopped unexpectedly (${signal ?? `exit code ${code}`}): see ${path.join(config.MONEYTRAIL_HOME, 'neo4j', 'logs', 'neo4j.log')}, then start MoneyTrail again\n`,
    );
    void opened?.close().finally(() => process.exit(1));
  });
  await applyMigrations(db, log);
  let seededDemo = false;
  if (config.MONEYTRAIL_SEED !== 'none' && (await isDatabaseEmpty(db))) {
    log(`empty database: seeding the ${config.MONEYTRAIL_SEED} demo network`);
    const panKey = config.MONEYTRAIL_PAN_KEY ?? (await loadOrCreatePanKey(config.MONEYTRAIL_HOME));
    const result = await seedDatabase(db, {
      scale: config.MONEYTRAIL_SEED,
      truthPath: path.join(config.MONEYTRAIL_HOME, 'seed-truth.json'),
      panKey,
      log,
    });
    log(`seeded ${result.nodes} nodes and ${result.relationships} relationships in ${result.seconds.toFixed(1)} s`);
    seededDemo = true;
  }
  await bootstrapUsers(new UsersService(new UsersRepository(db)), new AuditService(new AuditRepository(db)), {
    adminEmail: config.MONEYTRAIL_ADMIN_EMAIL,
    adminPassword: config.MONEYTRAIL_ADMIN_PASSWORD,
    adminOrg: config.MONEYTRAIL_ADMIN_ORG,
    demo: seededDemo || config.MONEYTRAIL_SEED !== 'none',
    print: (text) => process.stdout.write(text),
    log,
  });

  const queryLimits = {
    timeoutSeconds: config.QUERY_TIMEOUT_SECONDS,
    maxTimeoutSeconds: Math.max(config.QUERY_TIMEOUT_SECONDS, 120),
    rowLimit: config.QUERY_ROW_LIMIT,
    concurrency: config.QUERY_CONCURRENCY,
  };
  await loadQueryLibrary(new QueriesService(new QueriesRepository(db), queryLimits), log);

  const app = createApp({ db, logger, queryLimits, authPolicy: { idleMinutes: config.SESSION_IDLE_MINUTES } });
  const server = app.listen(config.PORT, config.HOST);
  // events.once('listening') would reject with the raw error first, so both outcomes are wired by hand.
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (err: NodeJS.ErrnoException) => reject(portError(err, config.PORT, config.HOST)));
  });
  const shown = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  logger.info(`MoneyTrail is ready: open http://${shown}:${config.PORT}`);
}

/** The one line for a port we cannot listen on, or the error itself when it is about something else. */
function portError(err: NodeJS.ErrnoException, port: number, host: string): Error {
  if (err.code === 'EADDRINUSE') return new ConfigError(`port ${port} is in use: set PORT to a free port or stop the other process`);
  if (err.code === 'EACCES') return new ConfigError(`port ${port} needs root: set PORT to a port above 1024`);
  if (err.code === 'EADDRNOTAVAIL') return new ConfigError(`HOST=${host} is not an address of this machine: use 127.0.0.1 or 0.0.0.0`);
  return err;
}

async function assertPortFree(port: number, host: string): Promise<void> {
  const err = await probePort(port, host);
  if (err) throw portError(err, port, host);
}

main().catch(async (err: unknown) => {
  const known = err instanceof ConfigError || err instanceof Neo4jSetupError || err instanceof DatabaseConnectError;
  process.stderr.write(`error: ${known ? (err as Error).message : `could not start: ${(err as Error).message}`}\n`);
  if (!known && process.env.LOG_LEVEL === 'debug') console.error(err);
  process.exit(1);
});
