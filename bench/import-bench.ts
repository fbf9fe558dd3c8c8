/**
 * Import speed and memory (issue 5):
 *  - the import engine (hash → stream parse + validate every row → stream parse again, normalise, batched writes
 *    with provenance) beside a plain neo4j-driver baseline (the same rows, pre-built in memory, sent as
 *    UNWIND … MERGE/CREATE batches of the same size) in the same run, against the same database with its
 *    constraints and indexes, with the peak RSS of this process while the engine imports;
 *  - flat memory (`--gb N`): a CSV of N GB is generated on disk (streamed, in a temp dir, deleted afterwards),
 *    then read through the engine's first pass (decode → csv-parse → validate every row) and, for a prefix of
 *    `--dry-mb` MB, through the whole engine with the database writes replaced by no-ops; RSS is sampled throughout.
 * Rows are synthetic bank transfers between 20,000 IBANs (the `bank-transfers` preset: 9 columns, 3 nodes and 2
 * relationships per row).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import neo4j from 'neo4j-driver';
import type { Database } from '../server/db/database.js';
import { makeIban } from '../server/domain/iban.js';
import { builtInPresets } from '../server/features/import/import.mapping.js';
import { mappedReader } from '../server/features/import/import.readers.js';
import { ImportRepository, type ImportRecord } from '../server/features/import/import.repository.js';
import { hashFile, ImportService } from '../server/features/import/import.service.js';

export interface ImportBenchResult {
  rows: number;
  fileMb: number;
  batch: number;
  engineSeconds: number;
  engineRowsPerSecond: number;
  /** hashing and the validation pass (parse + validate every row, nothing written) */
  validateSeconds: number;
  /** rows/s of the write phase alone (parse again + normalise + batched writes, after the validation pass) */
  writeRowsPerSecond: number;
  /** seconds the write phase spent waiting for Neo4j (writeBatch calls) */
  databaseSeconds: number;
  baselineSeconds: number;
  baselineRowsPerSecond: number;
  /** plain driver again, one statement per batch, but writing what the engine writes (same properties, provenance) */
  wideBaselineSeconds: number;
  wideBaselineRowsPerSecond: number;
  rssBeforeMb: number;
  rssPeakMb: number;
}

export interface StreamBenchResult {
  fileMb: number;
  rows: number;
  /** hash + first pass (decode, csv-parse, validate) over the whole file */
  validateSeconds: number;
  validateRowsPerSecond: number;
  validateRssPeakMb: number;
  /** RSS every ~10% of the rows of the validation pass: flat means it does not grow as more of the file is read */
  validateRssAlong: { rows: number; rssMb: number }[];
  /** the whole engine (both passes, rows built, batched, cache) over the first dryMb, database writes skipped */
  dryMb: number;
  dryRows: number;
  drySeconds: number;
  dryRowsPerSecond: number;
  dryRssPeakMb: number;
  dryRssAlong: { rows: number; rssMb: number }[];
  rssBeforeMb: number;
}

const ACCOUNTS = 20_000;
const PAN_KEY = 'bench-pan-key-0123456789abcdef';
const iban = (i: number) => makeIban('NL', `BNCH${String(i).padStart(10, '0')}`);
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** Streams rows to disk in chunks (IBANs computed once), so even a GB file never sits in memory. */
async function writeCsv(file: string, opts: { rows?: number; bytes?: number; prefix?: string }): Promise<{ rows: number; bytes: number }> {
  const ibans = Array.from({ length: ACCOUNTS }, (_, i) => iban(i));
  const out = createWriteStream(file);
  const header = 'reference;booked_on;debtor_name;debtor_iban;creditor_name;creditor_iban;amount;currency;remittance\n';
  out.write(header);
  let bytes = header.length;
  let i = 0;
  const more = () => (opts.rows !== undefined ? i < opts.rows : bytes < opts.bytes!);
  while (more()) {
    let chunk = '';
    for (let k = 0; k < 10_000 && more(); k++, i++) {
      const a = (i * 7919) % ACCOUNTS;
      const b = (i * 104_729 + 1) % ACCOUNTS;
      const line = `${opts.prefix ?? 'BENCH'}-${i};${String((i % 28) + 1).padStart(2, '0')}.03.2025;Holder ${a};${ibans[a]};Holder ${b};${ibans[b]};${(i % 9000) + 10}.50;EUR;bench\n`;
      chunk += line;
      bytes += line.length;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows: i, bytes };
}

/** The first `bytes` of a file, cut at a line end: a smaller file of the same rows. */
async function head(src: string, dst: string, bytes: number): Promise<void> {
  const out = createWriteStream(dst);
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(src), crlfDelay: Infinity })) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    n += line.length + 1;
    if (n >= bytes) break;
  }
  out.end();
  await once(out, 'finish');
}

/** Peak resident set size of this process while `work` runs, sampled every 50 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakMb: mb(peak) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Plain driver: rows pre-built in memory, UNWIND … MERGE the accounts, CREATE the transaction and its two edges.
 * Each run uses its own account uids (`ns`), so every run creates its 20,000 accounts like the engine does.
 */
async function baseline(db: Database, rows: number, batch: number, ns: string): Promise<number> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  const t0 = performance.now();
  try {
    for (let start = 0; start < rows; start += batch) {
      const data: { uid: string; from: string; to: string; amount: number }[] = [];
      for (let i = start; i < Math.min(rows, start + batch); i++) {
        const a = (i * 7919) % ACCOUNTS;
        const b = (i * 104_729 + 1) % ACCOUNTS;
        data.push({ uid: `tx:${ns}:${i}`, from: `acct:${ns}:${iban(a)}`, to: `acct:${ns}:${iban(b)}`, amount: (i % 9000) + 10.5 });
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

/**
 * The same plain-driver shape, writing what the engine writes: the transaction's 9 mapped properties plus caption,
 * keywords and provenance (createdBy, firstSeen, lastSeen, sources, importIds, sourceAddedBy) on the node and on
 * both relationships. The gap between the two baselines is what the data model costs; the gap between this one
 * and the engine is what the engine's generality (any preset, MERGE semantics, resumability) costs.
 */
async function wideBaseline(db: Database, rows: number, batch: number, ns: string): Promise<number> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  const at = new neo4j.types.DateTime(2025, 3, 1, 0, 0, 0, 0, 0);
  const t0 = performance.now();
  try {
    for (let start = 0; start < rows; start += batch) {
      const data: { uid: string; from: string; to: string; props: Record<string, unknown> }[] = [];
      for (let i = start; i < Math.min(rows, start + batch); i++) {
        const a = (i * 7919) % ACCOUNTS;
        const b = (i * 104_729 + 1) % ACCOUNTS;
        const amount = (i % 9000) + 10.5;
        data.push({
          uid: `tx:${ns}:${i}`, from: `acct:${ns}:${iban(a)}`, to: `acct:${ns}:${iban(b)}`,
          props: { amount, currency: 'EUR', timestamp: at, reference: `WIDE-${i}`, remittance: 'bench', channel: 'bank_transfer', status: 'settled', caption: `EUR ${amount}`, keywords: `eur ${amount}` },
        });
      }
      await session.executeWrite((tx) =>
        tx.run(
          `UNWIND $rows AS row
           MERGE (a:Entity {uid: row.from}) ON CREATE SET a:PaymentAccount
           MERGE (b:Entity {uid: row.to}) ON CREATE SET b:PaymentAccount
           CREATE (t:Entity:Transaction {uid: row.uid})
           SET t += row.props, t.createdBy = $importId, t.firstSeen = $at, t.lastSeen = $at, t.sources = [$org], t.importIds = [$importId], t.sourceAddedBy = [$importId]
           CREATE (a)-[s:SENT]->(t)
           SET s.createdBy = $importId, s.firstSeen = $at, s.lastSeen = $at, s.sources = [$org], s.importIds = [$importId], s.sourceAddedBy = [$importId]
           CREATE (t)-[o:TO]->(b)
           SET o.createdBy = $importId, o.firstSeen = $at, o.lastSeen = $at, o.sources = [$org], o.importIds = [$importId], o.sourceAddedBy = [$importId]`,
          { rows: data, importId: 'imp-bench-wide-baseline', org: 'org:bench-bank', at },
        ),
      );
    }
  } finally {
    await session.close();
  }
  return (performance.now() - t0) / 1000;
}

/** The engine with every database call answered in memory: what parsing, validating and batching cost alone. */
class DryRunRepository extends ImportRepository {
  override async findByHash(): Promise<ImportRecord | null> {
    return null;
  }
  override async start(): Promise<void> {}
  override async setStatus(): Promise<void> {}
  override async anyMerged(): Promise<boolean> {
    return false;
  }
  override async ensureSourceOrganisation(): Promise<void> {}
  override async writeBatch(opts: Parameters<ImportRepository['writeBatch']>[0]): Promise<{ nodes: number; rels: number }> {
    return { nodes: opts.nodes.length, rels: opts.rels.length };
  }
  override async finish(id: string): Promise<ImportRecord> {
    return { id, status: 'complete' };
  }
}

class TimedRepository extends ImportRepository {
  seconds = 0;
  override async writeBatch(opts: Parameters<ImportRepository['writeBatch']>[0]): Promise<{ nodes: number; rels: number }> {
    const t0 = performance.now();
    try {
      return await super.writeBatch(opts);
    } finally {
      this.seconds += (performance.now() - t0) / 1000;
    }
  }
}

async function runEngine(service: ImportService, file: string, batch: number, onWritten?: (rowsDone: number) => void) {
  const t0 = performance.now();
  let writeStart = 0;
  let writeEnd = 0;
  const result = await service.run({
    path: file, fileName: 'bench-transfers.csv', organisation: 'bench-bank', mapping: 'bank-transfers', user: 'bench', panKey: PAN_KEY, batchRows: batch,
    onProgress: (p) => {
      if (p.phase === 'validating' && p.rowsTotal !== null) writeStart = performance.now();
      if (p.phase === 'finishing' && !writeEnd) writeEnd = performance.now();
      if (p.phase === 'writing') onWritten?.(p.rowsDone);
    },
  });
  return { result, seconds: (performance.now() - t0) / 1000, validateSeconds: (writeStart - t0) / 1000, writeSeconds: (writeEnd - writeStart) / 1000 };
}

async function tempDir(): Promise<string> {
  const dir = path.join(os.tmpdir(), `moneytrail-import-bench-${process.pid}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function runImportBench(db: Database, opts: { rows?: number; batch?: number } = {}): Promise<ImportBenchResult> {
  const rows = opts.rows ?? 200_000;
  const batch = opts.batch ?? 10_000;
  const dir = await tempDir();
  const file = path.join(dir, 'bench-transfers.csv');
  try {
    const { bytes } = await writeCsv(file, { rows });
    // a throw-away run first warms the JVM and page cache, so the engine (measured first) does not run cold
    await baseline(db, 20_000, batch, 'warmup');
    const repo = new TimedRepository(db);
    const rssBefore = process.memoryUsage.rss();
    const { value: run, peakMb } = await withPeakRss(() => runEngine(new ImportService(repo), file, batch));
    if (run.result.report.rowsValid !== rows) throw new Error(`bench import wrote ${run.result.report.rowsValid} of ${rows} rows`);
    const baselineSeconds = await baseline(db, rows, batch, 'baseline');
    const wideBaselineSeconds = await wideBaseline(db, rows, batch, 'wide');
    return {
      rows,
      fileMb: mb(bytes),
      batch,
      engineSeconds: run.seconds,
      engineRowsPerSecond: rows / run.seconds,
      validateSeconds: run.validateSeconds,
      writeRowsPerSecond: rows / run.writeSeconds,
      databaseSeconds: repo.seconds,
      baselineSeconds,
      baselineRowsPerSecond: rows / baselineSeconds,
      wideBaselineSeconds,
      wideBaselineRowsPerSecond: rows / wideBaselineSeconds,
      rssBeforeMb: mb(rssBefore),
      rssPeakMb: peakMb,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Flat memory on a big file: the validation pass over all of it, the whole engine (no database) over a prefix. */
export async function runStreamBench(db: Database, opts: { gb: number; dryMb: number; batch?: number }): Promise<StreamBenchResult> {
  const dir = await tempDir();
  const file = path.join(dir, 'big-transfers.csv');
  const small = path.join(dir, 'big-transfers-head.csv');
  try {
    await writeCsv(file, { bytes: opts.gb * 1e9, prefix: 'BIG' });
    const fileMb = mb((await stat(file)).size);
    const rssBefore = process.memoryUsage.rss();
    const mapping = builtInPresets().get('bank-transfers')!;
    const expectedRows = Math.round(fileMb * 1e6 / 103); // the generated lines are about 103 bytes long
    const along = (list: { rows: number; rssMb: number }[], every: number) => (rows: number) => {
      if (rows >= (list.length + 1) * every) list.push({ rows, rssMb: mb(process.memoryUsage.rss()) });
    };
    const validateRssAlong: { rows: number; rssMb: number }[] = [];
    const markValidate = along(validateRssAlong, Math.max(1, Math.round(expectedRows / 10)));
    const t0 = performance.now();
    const { value: validRows, peakMb: validatePeak } = await withPeakRss(async () => {
      const { firstChar } = await hashFile(file);
      const reader = mappedReader({ path: file, fileName: 'big-transfers.csv', mapping, panKey: PAN_KEY, firstChar });
      let n = 0;
      for await (const item of reader.read({ build: false })) {
        if (item.problems.length === 0) n++;
        markValidate(n);
      }
      return n;
    });
    const validateSeconds = (performance.now() - t0) / 1000;
    await head(file, small, opts.dryMb * 1e6);
    await rm(file, { force: true });
    const dryRssAlong: { rows: number; rssMb: number }[] = [];
    const markDry = along(dryRssAlong, Math.max(1, Math.round((opts.dryMb * 1e6) / 103 / 10)));
    const { value: dry, peakMb: dryPeak } = await withPeakRss(() => runEngine(new ImportService(new DryRunRepository(db)), small, opts.batch ?? 10_000, markDry));
    return {
      fileMb,
      rows: validRows,
      validateSeconds,
      validateRowsPerSecond: validRows / validateSeconds,
      validateRssPeakMb: validatePeak,
      validateRssAlong,
      dryMb: mb((await stat(small)).size),
      dryRows: dry.result.report.rowsValid,
      drySeconds: dry.seconds,
      dryRowsPerSecond: dry.result.report.rowsValid / dry.seconds,
      dryRssPeakMb: dryPeak,
      dryRssAlong,
      rssBeforeMb: mb(rssBefore),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
