/**
 * `npm run db:start`: the project's own Neo4j alone, in the foreground, for cypher-shell or Neo4j Browser
 * (browser.neo4j.io, Desktop) without the app. Prints the db:env lines; Ctrl-C or SIGTERM stops it cleanly.
 */
import { managedSettingsFromEnv, renderEnvExports } from '../server/db/neo4j-conf.js';
import { Neo4jSetupError, startManagedNeo4j, type ManagedNeo4j } from '../server/db/neo4j-manager.js';

const log = (line: string) => process.stderr.write(`neo4j: ${line}\n`);

let managed: ManagedNeo4j | null = null;
let stopping = false;

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (!managed) process.exit(1); // still starting: the exit handler kills the half-started JVM
  log(`${signal}: stopping Neo4j…`);
  await managed.stop();
  log('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

async function main(): Promise<void> {
  const { home, boltPort } = managedSettingsFromEnv(process.env);
  managed = await startManagedNeo4j({ home, boltPort, log });
  // Often just left over from an earlier `eval "$(npm run -s db:env)"`; only worth a word if it points elsewhere.
  if (process.env.NEO4J_URI && process.env.NEO4J_URI !== managed.uri)
    log(`note: NEO4J_URI=${process.env.NEO4J_URI} is set, so \`npm start\` in this shell would use that server instead`);
  process.stdout.write(
    `${renderEnvExports([
      ['NEO4J_URI', managed.uri],
      ['NEO4J_USER', managed.user],
      ['NEO4J_PASSWORD', managed.password],
    ])}\n`,
  );
  log(`running (pid ${managed.pid}); logs in ${home}/neo4j/logs; press Ctrl-C to stop`);
  const { code, signal } = await managed.exited;
  if (!stopping) {
    process.stderr.write(`error: Neo4j stopped unexpectedly (${signal ?? `exit code ${code}`}): see ${home}/neo4j/logs/neo4j.log\n`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  const msg = err instanceof Neo4jSetupError ? err.message : `could not start Neo4j: ${(err as Error).message}`;
  process.stderr.write(`error: ${msg}\n`);
  process.exit(1);
});
