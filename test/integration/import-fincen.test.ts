import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRepository } from '../../server/features/import/import.repository.js';
import { ImportService, type ImportOutcome } from '../../server/features/import/import.service.js';
import { fincenTransactionsPath } from '../support/import-fixtures.js';
import { TEST_PAN_KEY, openTestDatabase, seedSmall } from '../support/test-db.js';

interface Row {
  id: string;
  icij_sar_id: string;
  filer_org_name_id: string;
  originator_bank_id: string;
  beneficiary_bank_id: string;
  originator_iso: string;
  beneficiary_iso: string;
  number_transactions: string;
  amount_transactions: string;
}

/** Figures computed straight from the raw CSV, without the product's parser, mapping or normalisers. */
function independentFigures(file: string) {
  const rows = parse(readFileSync(file), { columns: true, bom: true }) as Row[];
  const cents = (r: Row) => Math.round(Number(r.amount_transactions) * 100);
  const pairs = new Map<string, { cents: number; count: number }>();
  const perFiler = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.originator_bank_id}|${r.beneficiary_bank_id}`;
    const p = pairs.get(k) ?? { cents: 0, count: 0 };
    p.cents += cents(r);
    p.count++;
    pairs.set(k, p);
    perFiler.set(r.filer_org_name_id, (perFiler.get(r.filer_org_name_id) ?? 0) + 1);
  }
  return {
    rows: rows.length,
    totalCents: rows.reduce((s, r) => s + cents(r), 0),
    reportedTransactions: rows.reduce((s, r) => s + (r.number_transactions.trim() ? Number(r.number_transactions) : 0), 0),
    reports: new Set(rows.map((r) => r.icij_sar_id)).size,
    banks: new Set(rows.flatMap((r) => [r.originator_bank_id, r.beneficiary_bank_id, r.filer_org_name_id])).size,
    countries: new Set(rows.flatMap((r) => [r.originator_iso, r.beneficiary_iso]).filter(Boolean)).size,
    pairs,
    perFiler,
  };
}

describe('importing the real FinCEN Files transactions with the fincen preset', () => {
  const db = openTestDatabase();
  const service = new ImportService(new ImportRepository(db));
  const file = fincenTransactionsPath();
  const truth = independentFigures(file);
  let first: ImportOutcome;
  let before: { nodes: number; relationships: number };
  const q = async <T,>(cypher: string, params: Record<string, unknown> = {}) =>
    (await db.driver.executeQuery(cypher, params, { database: db.database })).records.map((r) => r.toObject() as T);

  beforeAll(async () => {
    await seedSmall(db);
    before = await service.graphTotals();
    first = await service.run({ path: file, fileName: 'transactions.csv', organisation: 'icij', mapping: 'fincen', user: 'test', panKey: TEST_PAN_KEY, batchRows: 1000 });
  }, 180_000);
  afterAll(() => db.close());

  it('imports every row as one Transaction in US dollars whose total matches the raw file to the cent', async () => {
    expect(first.outcome).toBe('imported');
    expect(first.report.rowsRead).toBe(truth.rows);
    expect(first.report.rowsRejected).toBe(0);
    const [t] = await q<{ n: number; cents: number; usd: number; counted: number }>(
      "MATCH (t:Transaction) WHERE t.uid STARTS WITH 'tx:fincen:' RETURN count(t) AS n, sum(round(t.amount * 100)) AS cents, count(CASE WHEN t.currency = 'USD' THEN 1 END) AS usd, sum(coalesce(t.transactionCount, 0)) AS counted",
    );
    expect(t!.n).toBe(truth.rows);
    expect(t!.usd).toBe(truth.rows);
    expect(t!.cents).toBe(truth.totalCents);
    expect(t!.counted).toBe(truth.reportedTransactions);
  });

  it('answers "total from bank A to bank B" through the accounts the banks hold, matching the raw file', async () => {
    const biggest = [...truth.pairs.entries()].sort((a, b) => b[1].cents - a[1].cents).slice(0, 5);
    for (const [key, want] of biggest) {
      const [a, b] = key.split('|');
      const [got] = await q<{ n: number; cents: number }>(
        `MATCH (:Organisation {uid: $a})-[:HOLDS]->(:PaymentAccount)-[:SENT]->(t:Transaction)-[:TO]->(:PaymentAccount)<-[:HOLDS]-(:Organisation {uid: $b})
         RETURN count(t) AS n, sum(round(t.amount * 100)) AS cents`,
        { a: `org:icij:${a}`, b: `org:icij:${b}` },
      );
      expect(got).toEqual({ n: want.count, cents: want.cents });
    }
  });

  it('links each transaction to its report and the filing bank: transactions per filer match the raw file', async () => {
    const rows = await q<{ filer: string; n: number }>(
      'MATCH (f:Organisation)-[:FILED]->(:Report)-[:MENTIONS]->(t:Transaction) WHERE t.uid STARTS WITH \'tx:fincen:\' RETURN f.icijId AS filer, count(t) AS n',
    );
    expect(new Map(rows.map((r) => [r.filer, r.n]))).toEqual(truth.perFiler);
    const [r] = await q<{ n: number }>("MATCH (r:Report) WHERE r.uid STARTS WITH 'report:icij-sar:' RETURN count(r) AS n");
    expect(r!.n).toBe(truth.reports);
  });

  it('makes banks and countries single entities that rows resolve onto (names trimmed)', async () => {
    const [c] = await q<{ banks: number; countries: number; spaced: number }>(
      `CALL () { MATCH (o:Organisation) WHERE o.uid STARTS WITH 'org:icij:' RETURN count(o) AS banks, count(CASE WHEN o.name <> trim(o.name) THEN 1 END) AS spaced }
       CALL () { MATCH (c:Country) RETURN count(c) AS countries }
       RETURN banks, countries, spaced`,
    );
    expect(c).toEqual({ banks: truth.banks, countries: truth.countries, spaced: 0 });
    const [gb] = await q<{ caption: string; code: string }>("MATCH (c:Country {uid: 'country:GB'}) RETURN c.caption AS caption, c.code AS code");
    expect(gb).toEqual({ caption: 'United Kingdom', code: 'GB' });
  });

  it('records the import with organisation, user, hash, mapping and counts', async () => {
    const rec = await service.get(first.import.id);
    expect(rec).toMatchObject({ status: 'complete', organisation: 'org:icij', user: 'test', mapping: 'fincen', rowsTotal: truth.rows, rowsRejected: 0 });
    expect(rec.fileHash).toMatch(/^[0-9a-f]{64}$/);
    const after = await service.graphTotals();
    expect(Number(rec.nodesCreated)).toBe(after.nodes - before.nodes);
  });

  it('importing the same file again changes nothing', async () => {
    const totals = await service.graphTotals();
    const again = await service.run({ path: file, fileName: 'transactions.csv', organisation: 'icij', mapping: 'fincen', user: 'test', panKey: TEST_PAN_KEY });
    expect(again.outcome).toBe('unchanged');
    expect(again.import.id).toBe(first.import.id);
    expect(await service.graphTotals()).toEqual(totals);
  });

  it('rolling the import back restores the counts from before it', async () => {
    const rolled = await service.rollback(first.import.id, 'test');
    expect(rolled.status).toBe('rolled_back');
    expect(await service.graphTotals()).toEqual(before);
    const [left] = await q<{ n: number }>("MATCH (n:Entity) WHERE $id IN n.importIds RETURN count(n) AS n", { id: first.import.id });
    expect(left!.n).toBe(0);
  });
});
