import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRepository } from '../../server/features/import/import.repository.js';
import { ImportService } from '../../server/features/import/import.service.js';
import { TEST_PAN_KEY, openTestDatabase, seedSmall } from '../support/test-db.js';

/**
 * Bank A reports an account holder; bank B later reports the same IBAN under another holder name and a new
 * remittance-free transfer. Rolling back bank B's import must give the shared account back exactly what bank A
 * said: every property value bank B overwrote, without the properties bank B added.
 */
const HEADER = 'reference;booked_on;debtor_name;debtor_iban;creditor_name;creditor_iban;amount;currency;remittance';
const BANK_A = [HEADER, 'RV-A-1;01.03.2025;Fernhill Media Ltd;GB82WEST12345698765432;Oakridge Services B.V.;NL91ABNA0417164300;100.00;EUR;invoice 1'].join('\n');
const BANK_B = [HEADER, 'RV-B-1;04.03.2025;FERNHILL MEDIA LIMITED (trading as Velvet);GB82WEST12345698765432;Brookfield Ltd;IE29AIBK93115212345678;55.00;EUR;'].join('\n');
const SHARED = 'acct:iban:GB82WEST12345698765432';

describe('rollback restores values an import overwrote on shared entities', () => {
  const db = openTestDatabase();
  const service = new ImportService(new ImportRepository(db));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mt-rollback-values-'));
  const q = async <T,>(cypher: string, params: Record<string, unknown> = {}) =>
    (await db.driver.executeQuery(cypher, params, { database: db.database })).records.map((r) => r.toObject() as T);
  const props = async () => {
    const [row] = await q<{ p: Record<string, unknown> }>('MATCH (n:Entity {uid: $uid}) RETURN properties(n) AS p', { uid: SHARED });
    return JSON.parse(JSON.stringify(row!.p)) as Record<string, unknown>;
  };
  const run = (name: string, text: string, org: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, `${text}\n`);
    return service.run({ path: p, fileName: name, organisation: org, mapping: 'bank-transfers', user: 'test', panKey: TEST_PAN_KEY });
  };

  beforeAll(async () => {
    await seedSmall(db);
    await run('bank-a.csv', BANK_A, 'bank-rv-a');
  });
  afterAll(() => db.close());

  it('bank B overwrites the holder name; rolling bank B back restores every property of the shared account', async () => {
    const before = await props();
    expect(before.holderName).toBe('Fernhill Media Ltd');
    const b = await run('bank-b.csv', BANK_B, 'bank-rv-b');
    const during = await props();
    expect(during.holderName).toBe('FERNHILL MEDIA LIMITED (trading as Velvet)');
    expect(during.sources).toEqual(['org:bank-rv-a', 'org:bank-rv-b']);

    await service.rollback(b.import.id, 'test');
    expect(await props()).toEqual(before);
    // the change log is gone with the import's writes
    expect(await q('MATCH (c:ImportChange {importId: $id}) RETURN c', { id: b.import.id })).toHaveLength(0);
  });
});
