/**
 * `npm run -s db:env`: shell lines pointing NEO4J_* at the database the app uses, for
 * `eval "$(npm run -s db:env)"` before cypher-shell, the seed script or a debugger.
 */
import { managedSettingsFromEnv, renderEnvExports } from '../server/db/neo4j-conf.js';
import { Neo4jSetupError, readManagedCredentials } from '../server/db/neo4j-manager.js';
import { lastBoltPort } from './cli-database.js';

async function main(): Promise<number> {
  const env = process.env;
  if (env.NEO4J_URI) {
    // An external server was chosen: repeat it, so the output is right whichever way the app is configured.
    const vars: Array<[string, string]> = [
      ['NEO4J_URI', env.NEO4J_URI],
      ['NEO4J_USER', env.NEO4J_USER || 'neo4j'],
    ];
    if (env.NEO4J_PASSWORD !== undefined) vars.push(['NEO4J_PASSWORD', env.NEO4J_PASSWORD]);
    if (env.NEO4J_DATABASE) vars.push(['NEO4J_DATABASE', env.NEO4J_DATABASE]);
    process.stdout.write(`${renderEnvExports(vars)}\n`);
    return 0;
  }
  const { home, boltPort } = managedSettingsFromEnv(env);
  const creds = await readManagedCredentials(home);
  if (!creds) {
    process.stderr.write(`no managed Neo4j in ${home} yet: run \`npm run db:start\` (or \`npm start\`) once to create it\n`);
    return 1;
  }
  const vars: Array<[string, string]> = [
    // without NEO4J_BOLT_PORT in this shell, the port the server was last started on (the app's terminal may have set it)
    ['NEO4J_URI', `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT ? boltPort : ((await lastBoltPort(home)) ?? boltPort)}`],
    ['NEO4J_USER', creds.user],
    ['NEO4J_PASSWORD', creds.password],
  ];
  // The app passes NEO4J_DATABASE to its own server too, so a tool must be pointed at the same database.
  if (env.NEO4J_DATABASE) vars.push(['NEO4J_DATABASE', env.NEO4J_DATABASE]);
  process.stdout.write(`${renderEnvExports(vars)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const msg = err instanceof Neo4jSetupError ? err.message : `db:env failed: ${(err as Error).message}`;
    process.stderr.write(`error: ${msg}\n`);
    process.exit(1);
  },
);
