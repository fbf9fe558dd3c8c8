import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { Database } from '../../db/database.js';
import { POLICE_KEY } from './seed.catalogue.js';
import { DEFAULT_SEED, GENERATOR_VERSION, SCALES, generateSeed } from './seed.generator.js';
import type { Scale } from './seed.generator.js';
import { orgUid } from './seed.identities.js';
import { SeedRepository } from './seed.repository.js';
import type { SeedBatch } from './seed.rows.js';
import type { SeedTruth } from './seed.truth.js';

export interface SeedOptions {
  scale: Scale;
  /** default 20261129 */
  seed?: number;
  /** where the planted ground truth is written (JSON) */
  truthPath: string;
  /** MONEYTRAIL_PAN_KEY: card uids and hashes depend on it */
  panKey: string;
  log?: (line: string) => void;
}

export interface SeedResult {
  nodes: number;
  relationships: number;
  transactions: number;
  seconds: number;
  /** UNWIND rows written per second (a node, a relationship, or a transaction with its 2–3 relationships) */
  rowsPerSecond: number;
}

/** Rows per write transaction. A transaction row also creates 2–3 relationships, hence fewer of them. */
const BATCH_ROWS: Record<SeedBatch['kind'], number> = { nodes: 10_000, rels: 10_000, transactions: 5_000 };
const PROGRESS_EVERY_MS = 5_000;

export class SeedError extends Error {}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  return !(await new SeedRepository(db).hasEntities());
}

/** Deletes all data but the migration bookkeeping (for `npm run seed -- --reset`). */
export async function resetDatabase(db: Database): Promise<void> {
  await new SeedRepository(db).deleteAll();
}

/**
 * Generates the synthetic network and streams it into Neo4j batch by batch: while Neo4j commits one batch the
 * generator computes the next (one write in flight, so batches land in dependency order). Writes the ground truth
 * to opts.truthPath and records the run as an (:Import) node. Expects an empty database.
 */
export async function seedDatabase(db: Database, opts: SeedOptions): Promise<SeedResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!SCALES.includes(opts.scale)) throw new SeedError(`unknown scale "${String(opts.scale)}": use ${SCALES.join(', ')}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new SeedError('the seed must be a whole number from 0 to 4294967295');
  if (!opts.panKey) throw new SeedError('no PAN key: set MONEYTRAIL_PAN_KEY');
  const log = opts.log ?? (() => {});
  const repo = new SeedRepository(db);
  const importId = `seed-${opts.scale}-${seed}`;
  const started = performance.now();
  await repo.startImport(importId, {
    organisation: orgUid(POLICE_KEY),
    mapping: 'seed',
    scale: opts.scale,
    seed,
    generator: GENERATOR_VERSION,
    startedAt: new Date().toISOString(),
  });

  let rows = 0;
  let failure: unknown = null;
  let inFlight: Promise<void> = Promise.resolve();
  let lastProgress = started;
  const write = async (batch: SeedBatch): Promise<void> => {
    let written: number;
    if (batch.kind === 'nodes') written = await repo.writeNodes(batch.rows);
    else if (batch.kind === 'rels') written = await repo.writeRelationships(batch.rows);
    else {
      const res = await repo.writeTransactions(batch.rows);
      const expectedVia = batch.rows.filter((r) => r.via !== null).length;
      written = res.via === expectedVia ? res.created : -1;
    }
    if (written !== batch.rows.length) {
      throw new SeedError(`a ${batch.kind} batch wrote ${written} of ${batch.rows.length} rows: some row refers to a node that was not written`);
    }
    rows += batch.rows.length;
  };

  const generator = generateSeed({ scale: opts.scale, seed, panKey: opts.panKey, importId });
  let truth: SeedTruth;
  for (;;) {
    // Generating is synchronous CPU work: it overlaps with Neo4j committing the batch in flight.
    const step = generator.next();
    if (step.done) {
      truth = step.value;
      break;
    }
    for (const chunk of chunks(step.value, BATCH_ROWS[step.value.kind])) {
      await inFlight;
      if (failure) throw failure;
      // Caught at once so a failing batch is not an unhandled rejection while the generator runs.
      inFlight = write(chunk).catch((err: unknown) => {
        failure = err;
      });
      // One turn of the event loop lets the driver put the batch on the wire before generation resumes.
      await yieldToIo();
      const now = performance.now();
      if (now - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = now;
        log(`seed: ${rows.toLocaleString('en')} rows written (${Math.round(rows / ((now - started) / 1000)).toLocaleString('en')} rows/s)`);
      }
    }
  }
  await inFlight;
  if (failure) throw failure;

  const truthJson = `${JSON.stringify(truth, null, 2)}\n`;
  await mkdir(path.dirname(opts.truthPath), { recursive: true });
  await writeFile(opts.truthPath, truthJson);
  const seconds = (performance.now() - started) / 1000;
  await repo.finishImport(importId, {
    finishedAt: new Date().toISOString(),
    // The generator is deterministic, so its version plus the truth it produced identify the data written.
    fileHash: createHash('sha256').update(`${GENERATOR_VERSION}\n${truthJson}`).digest('hex'),
    nodes: truth.totals.nodes,
    relationships: truth.totals.relationships,
    transactions: truth.totals.transactions,
    rows,
  });
  const result = { ...truth.totals, seconds, rowsPerSecond: rows / seconds };
  log(
    `seed: ${opts.scale} (seed ${seed}) wrote ${result.nodes.toLocaleString('en')} nodes, ${result.relationships.toLocaleString('en')} relationships ` +
      `(${result.transactions.toLocaleString('en')} transactions) in ${seconds.toFixed(1)} s: ${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s, ` +
      `${Math.round((result.nodes + result.relationships) / seconds).toLocaleString('en')} nodes+relationships/s`,
  );
  return result;
}

function* chunks(batch: SeedBatch, size: number): Generator<SeedBatch> {
  for (let i = 0; i < batch.rows.length; i += size) {
    yield { ...batch, rows: batch.rows.slice(i, i + size) } as SeedBatch;
  }
}
