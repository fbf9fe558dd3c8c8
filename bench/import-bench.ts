/**
 * Import speed (issue 5): the import engine (stream parse → validate → normalise → batched MERGE with provenance)
 * beside a plain neo4j-driver baseline (the same rows, pre-parsed, sent as UNWIND … CREATE batches) in the
 * same run, against the same database with its constraints. Rows are synthetic bank transfers between IBANs.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import neo4j from 'neo4j-driver';
import type { Database } from '../server/db/database.js';
import { makeIban } from '../server/domain/iban.js';
import { ImportRepository } from '../server/features/import/import.repository.js';
import { ImportService } from '../server/features/import/import.service.js';

export interface ImportBenchResult {
  rows: number;
  engineSeconds: number;
  engineRowsPerSecond: number;
  /** rows/s of the write phase alone (parse + normalise + batched writes, after the validation pass) */
  writeRowsPerSecond: number;
  baselineSeconds: number;
  baselineRowsPerSecond: number;
}

const ACCOUNTS = 20_000;
const iban = (i: number) => makeIban('NL', `BNCH${String(i).padStart(10, '0')}`);

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const put = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await put('reference;booked_on;debtor_name;debtor_iban;creditor_name;creditor_iban;amount;currency;remittance\n');
  for (let i = 0; i < rows; i++) {
    const a = (i * 7919) % ACCOUNTS;
    const b = (i * 104_729 + 1) % ACCOUNTS;
    await put(`BENCH-${i};${String((i % 28) + 1).padStart(2, '0')}.03.2025;Holder ${a};${iban(a)};Holder ${b};${iban(b)};${(i % 9000) + 10}.50;EUR;bench\n`);
  }
  out.end();
  await once(out, 'finish');
}

/** Plain driver: pre-built rows, UNWIND … MERGE the accounts, CREATE the transaction and its two edges. */
async function baseline(db: Database, rows: number, batch: number): Promise<number> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  const t0 = performance.now();
  try {
    for (let start = 0; start < rows; start += batch) {
      const data: { uid: string; from: string; to: string; amount: number }[] = [];
      for (let i = start; i < Math.min(rows, start + batch); i++) {
        const a = (i * 7919) % ACCOUNTS;
        const b = (i * 104_729 + 1) % ACCOUNTS;
        data.push({ uid: `tx:baseline:${i}`, from: `acct:iban:${iban(a)}`, to: `acct:iban:${iban(b)}`, amount: (i % 9000) + 10.5 });
      }
      await session.executeWrite((tx) =>
        tx.run(
          `UNWIND $rows AS row
           MERGE (a:Entity {uid: row.from}) ON CREATE SET a:PaymentAccount
           MERGE (b:Entity {uid: row.to}) ON CREATE SET b:PaymentAccount
           CREATE (t:Entity:Transaction {uid: row.uid, amount: row.amount, currency: 'EUR'})
           CREATE (a)-[:SENT]->(t)
           CREATE (t)-[:TO]->(b)`,
          { rows: data },
        ),
      );
    }
  } finally {
    await session.close();
  }
  return (performance.now() - t0) / 1000;
}

export async function runImportBench(db: Database, opts: { rows?: number; batch?: number } = {}): Promise<ImportBenchResult> {
  const rows = opts.rows ?? 200_000;
  const batch = opts.batch ?? 10_000;
  const dir = path.join(os.tmpdir(), `moneytrail-import-bench-${process.pid}`);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'bench-transfers.csv');
  try {
    await writeCsv(file, rows);
    const service = new ImportService(new ImportRepository(db));
    const t0 = performance.now();
    let writeStart = 0;
    let writeEnd = 0;
    const result = await service.run({
      path: file, fileName: 'bench-transfers.csv', organisation: 'bench-bank', mapping: 'bank-transfers', user: 'bench', panKey: 'bench-pan-key-0123456789abcdef', batchRows: batch,
      onProgress: (p) => {
        if (p.phase === 'validating' && p.rowsTotal !== null) writeStart = performance.now();
        if (p.phase === 'finishing' && !writeEnd) writeEnd = performance.now();
      },
    });
    const engineSeconds = (performance.now() - t0) / 1000;
    if (result.report.rowsValid !== rows) throw new Error(`bench import wrote ${result.report.rowsValid} of ${rows} rows`);
    const baselineSeconds = await baseline(db, rows, batch);
    return { rows, engineSeconds, engineRowsPerSecond: rows / engineSeconds, writeRowsPerSecond: rows / ((writeEnd - writeStart) / 1000), baselineSeconds, baselineRowsPerSecond: rows / baselineSeconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
