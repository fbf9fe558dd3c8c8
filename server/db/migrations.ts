import { createHash } from 'node:crypto';
import type { Database } from './database.js';

/**
 * Applies cypher/schema/*.cypher in file order. Each file holds idempotent schema statements separated by ";"
 * (IF NOT EXISTS), so re-running is harmless; an applied migration whose text changed is run again, which is
 * how an index definition gets extended. Applied ids are recorded as (:Migration) nodes.
 */
export async function applyMigrations(db: Database, log: (line: string) => void = () => {}): Promise<string[]> {
  const migrations = db.catalog
    .all()
    .filter((q) => q.file.startsWith('schema/'))
    .sort((a, b) => a.file.localeCompare(b.file));
  const applied = new Map((await db.read<{ id: string; checksum: string }>('migrations.applied')).map((r) => [r.id, r.checksum]));
  const ran: string[] = [];
  for (const m of migrations) {
    const checksum = createHash('sha256').update(m.text).digest('hex');
    if (applied.get(m.name) === checksum) continue;
    for (const statement of splitStatements(m.text)) await db.runSchemaStatement(statement);
    await db.write('migrations.record', { id: m.name, checksum });
    ran.push(m.name);
    log(`applied migration ${m.name}`);
  }
  // Indexes are built in the background; the app should not answer searches from a half-built index.
  if (ran.length > 0) await db.awaitIndexes();
  return ran;
}

export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
