import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIban } from '../../server/domain/iban.js';
import { ImportRepository } from '../../server/features/import/import.repository.js';
import { ImportService } from '../../server/features/import/import.service.js';
import { TEST_PAN_KEY, openTestDatabase, seedSmall } from '../support/test-db.js';

/**
 * The Neo4j connection dies in the middle of an import (the engine's own driver is closed right after a batch
 * commits, through the afterBatch hook). Running the same import again must finish it with exact counts.
 */
describe('an import whose Neo4j connection is lost mid-way', () => {
  const db = openTestDatabase();
  const q = async <T,>(cypher: string, params: Record<string, unknown> = {}) =>
    (await db.driver.executeQuery(cypher, params, { database: db.database })).records.map((r) => r.toObject() as T);
  const n = 3_000;
  const accounts = 150;
  const iban = (i: number) => makeIban('NL', `LOSS${String(i).padStart(10, '0')}`);
  const from = (i: number) => (i * 7) % accounts;
  const to = (i: number) => (i * 11 + 3) % accounts;
  let file = '';

  beforeAll(async () => {
    await seedSmall(db);
    const rows = ['reference;booked_on;debtor_name;debtor_iban;creditor_name;creditor_iban;amount;currency;remittance'];
    for (let i = 0; i < n; i++) rows.push(`LOSS-${i};02.05.2025;Holder ${from(i)};${iban(from(i))};Holder ${to(i)};${iban(to(i))};${(i % 700) + 1}.25;EUR;loss test`);
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mt-loss-')), 'loss.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
  });
  afterAll(() => db.close());

  it('fails with the import left resumable, and the re-run ends with exactly the rows of the file', async () => {
    const doomed = openTestDatabase();
    const run = (service: ImportService, afterBatch?: (b: number) => Promise<void>) =>
      service.run({ path: file, fileName: 'loss.csv', organisation: 'loss-bank', mapping: 'bank-transfers', user: 'test', panKey: TEST_PAN_KEY, batchRows: 500, ...(afterBatch ? { afterBatch } : {}) });
    await expect(
      run(new ImportService(new ImportRepository(doomed)), async (batch) => {
        if (batch === 2) await doomed.driver.close();
      }),
    ).rejects.toThrow();

    const [half] = await q<{ status: string; rowsDone: number; tx: number }>(
      "MATCH (i:Import {organisation: 'org:loss-bank'}) RETURN i.status AS status, i.rowsDone AS rowsDone, COUNT { MATCH (t:Transaction) WHERE t.reference STARTS WITH 'LOSS-' } AS tx",
    );
    // the connection was gone, so nobody could mark it failed: it is still 'running', with two batches written
    expect(half).toEqual({ status: 'running', rowsDone: 1000, tx: 1000 });

    const again = await run(new ImportService(new ImportRepository(db)));
    expect(again.outcome).toBe('resumed');
    const pairs = new Set(Array.from({ length: n }, (_, i) => [from(i), to(i)]).flat()).size;
    const [c] = await q<{ tx: number; sent: number; toRel: number; accts: number; imports: number }>(
      `CALL () { MATCH (t:Transaction) WHERE t.reference STARTS WITH 'LOSS-' RETURN count(t) AS tx, sum(COUNT { (t)<-[:SENT]-() }) AS sent, sum(COUNT { (t)-[:TO]->() }) AS toRel }
       CALL () { MATCH (a:PaymentAccount) WHERE a.iban STARTS WITH 'NL' AND a.iban CONTAINS 'LOSS' RETURN count(a) AS accts }
       CALL () { MATCH (i:Import {organisation: 'org:loss-bank'}) RETURN count(i) AS imports }
       RETURN tx, sent, toRel, accts, imports`,
    );
    expect(c).toEqual({ tx: n, sent: n, toRel: n, accts: pairs, imports: 1 });
    expect(again.import).toMatchObject({ status: 'complete', rowsDone: n, nodesCreated: n + pairs + 1 });
  }, 120_000);
});
