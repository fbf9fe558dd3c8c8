import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { CypherCatalog, listCypherFiles, parseCypherFile } from '../../server/db/cypher-catalog.js';
import { splitStatements } from '../../server/db/migrations.js';
import { openTestDatabase } from '../support/test-db.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const full = path.join(dir, e);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('cypher/ query files', () => {
  const db = openTestDatabase();
  afterAll(() => db.close());
  const files = listCypherFiles();
  const catalog = CypherCatalog.load();
  const serverCode = sourceFiles(path.join(REPO_ROOT, 'server')).map((f) => readFileSync(f, 'utf8')).join('\n');

  it('every file has a complete header', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const q = parseCypherFile(f, readFileSync(f, 'utf8'));
      for (const p of q.params) expect(q.text, `${f} declares $${p.name}`).toContain(`$${p.name}`);
      const used = [...q.text.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]);
      for (const u of used) expect(q.params.map((p) => p.name), `${f} uses $${u} without @param`).toContain(u);
    }
  });

  it('every query is used by the server code (migrations by the migration runner)', () => {
    for (const q of catalog.all()) {
      if (q.file.startsWith('schema/')) continue;
      expect(serverCode, `${q.file} (${q.name}) is not referenced`).toContain(`'${q.name}'`);
    }
  });

  it('every query passes EXPLAIN on Neo4j 5.26 and its mode matches what the planner says', async () => {
    for (const q of catalog.all()) {
      if (q.file.startsWith('schema/')) {
        // idempotent statements only; an index is redefined by dropping it (IF EXISTS) and creating it again
        for (const s of splitStatements(q.text))
          expect(s).toMatch(/^(CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX|RANGE INDEX|TEXT INDEX|POINT INDEX) \w+ IF NOT EXISTS|DROP (INDEX|CONSTRAINT) \w+ IF EXISTS)/);
        continue;
      }
      const params = Object.fromEntries(q.params.map((p) => [p.name, null]));
      const { queryType } = await db.explain(q.text, params);
      // dbms.components() is a DBMS procedure, which the planner reports as 's' although it only reads
      const readTypes = q.name === 'health.components' ? ['r', 's'] : ['r'];
      if (q.mode === 'read') expect(readTypes, `${q.file} is declared read but plans as ${queryType}`).toContain(queryType);
      else expect(['w', 'rw', 's'], `${q.file} is declared write`).toContain(queryType);
    }
  });

  it('clauses are upper case', () => {
    for (const q of catalog.all()) {
      const lower = /^\s*(match|return|with|where|unwind|merge|create|set|call|order by|limit)\b/m.exec(q.text);
      expect(lower, `${q.file}: ${lower?.[0]}`).toBeNull();
    }
  });
});
