/**
 * `npm run audit:verify`: walks the audit chain and checks every record's hash and link to its predecessor.
 * Exit 0 when the chain is intact; exit 1 naming the first broken record otherwise. Works with or without the
 * app running (see cli-database.ts).
 */
import { AuditRepository } from '../server/features/audit/audit.repository.js';
import { AuditService } from '../server/features/audit/audit.service.js';
import { openCliDatabase } from './cli-database.js';

async function main(): Promise<number> {
  const opened = await openCliDatabase((line) => process.stderr.write(`${line}\n`));
  try {
    const result = await new AuditService(new AuditRepository(opened.db)).verify();
    if (result.ok) {
      process.stdout.write(`audit chain intact: ${result.records} records, last is #${result.headSeq}\n`);
      return 0;
    }
    process.stdout.write(`audit chain BROKEN at record #${result.problem.seq}: ${result.problem.reason} (${result.records} records before it verified)\n`);
    return 1;
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`error: audit:verify failed: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
