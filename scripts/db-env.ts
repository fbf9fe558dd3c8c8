/**
 * `npm run -s db:env`: shell lines pointing NEO4J_* at the database the app uses, for
 * `eval "$(npm run -s db:env)"` before cypher-shell, the seed script or a debugger.
 */
import { managedSettingsFromEnv, renderEnvExports } from '../server/db/neo4j-conf.js';
import { Neo4jSetupError, readManagedCredentials } from '../server/db/neo4j-manager.js';

async function main(): Promise<number> {
  const env = process.env;
  if (env.NEO4J_URI) {
    // An external server was chosen: repeat it, so the output is right whichever way the app is configured.
    const vars: Array<[string, string]> = [
      ['NEO4J_URI', env.NEO4J_URI],
      ['NEO4J_USER', env.NEO4J_USER || 'neo4j'],
    ];
    if (env.NEO4J_PASSWORD !== undefined) vars.push(['NEO4J_PASSWORD', env.NEO4J_PASSWORD]);
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
    ['NEO4J_URI', `bolt://127.0.0.1:${boltPort}`],
    ['NEO4J_USER', creds.user],
    ['NEO4J_PASSWORD', creds.password],
  ];
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
