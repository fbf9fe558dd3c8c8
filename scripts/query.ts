/**
 * `npm run query -- <name> --param key=value ... [--json]`: runs a published stored query and prints a table (or
 * JSON); `--cypher "..."` runs ad-hoc read-only Cypher; `--list` lists the catalogue. Uses NEO4J_URI (with
 * NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) when set, else the project's own Neo4j (the running app's, or one
 * started for the command). Writes are refused before
 * they run, exactly as in the app; every run is recorded in the audit trail as the operating-system user.
 */
import os from 'node:os';
import type { OpenDatabase } from '../server/db/open-database.js';
import { AuditRepository } from '../server/features/audit/audit.repository.js';
import { AuditService } from '../server/features/audit/audit.service.js';
import { runQueryCommand } from '../server/features/queries/queries.cli.js';
import { loadQueryLibrary } from '../server/features/queries/queries.library.js';
import { QueriesRepository } from '../server/features/queries/queries.repository.js';
import { QueriesService } from '../server/features/queries/queries.service.js';
import { openCliDatabase } from './cli-database.js';

let opened: OpenDatabase | null = null;

async function main(): Promise<number> {
  // reuses the Neo4j of a running app (the usual case: an analyst beside the workbench), else starts its own
  const cli = await openCliDatabase((line) => process.stderr.write(`neo4j: ${line}\n`));
  opened = cli;
  const { db, config } = cli;
  const service = new QueriesService(new QueriesRepository(db), {
    timeoutSeconds: config.QUERY_TIMEOUT_SECONDS,
    maxTimeoutSeconds: Math.max(config.QUERY_TIMEOUT_SECONDS, 120),
    rowLimit: config.QUERY_ROW_LIMIT,
    concurrency: 1,
  });
  // a fresh database gets the shipped library, as the app would at boot
  await loadQueryLibrary(service, (line) => process.stderr.write(`${line}\n`));
  const audit = new AuditService(new AuditRepository(db));
  const who = `cli:${os.userInfo().username}`;
  return runQueryCommand(process.argv.slice(2), service, { email: who, role: 'admin' }, {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    audit: async (e) => {
      await audit.append({ userId: null, email: who, ip: null, ...e });
    },
  });
}

main()
  .then(async (code) => {
    await opened?.close();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    await opened?.close().catch(() => {});
    process.stderr.write(`error: ${(err as Error).message?.split('\n')[0] ?? String(err)}\n`);
    process.exit(1);
  });
