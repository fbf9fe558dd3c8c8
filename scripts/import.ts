/**
 * `npm run import -- <file> --source <organisation> --mapping <preset> [--skip-invalid] [--rejects path] [--user name]`
 * Imports a partner file with the same engine as the UI and the API: validation first (nothing is written when a
 * row is invalid, unless --skip-invalid), then batched writes with a progress bar, then a summary.
 * Works whether or not the app is running: with NEO4J_URI it uses that server; otherwise it uses the project's
 * own Neo4j (MONEYTRAIL_HOME) — the running one when the app has started it, else it starts it for the run.
 * Exit codes: 0 imported or already imported, 1 refused (invalid file or rows), 2 usage or connection problem.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../server/config.js';
import { loadOrCreatePanKey } from '../server/domain/pan.js';
import { ImportFileError } from '../server/features/import/import.parse.js';
import { MappingError } from '../server/features/import/import.mapping.js';
import { ImportRepository } from '../server/features/import/import.repository.js';
import { ImportService, ImportStateError, ImportValidationError, describeProblem, type ImportProgress } from '../server/features/import/import.service.js';
import { openCliDatabase } from './cli-database.js';

const USAGE = 'usage: npm run import -- <file> --source <organisation> --mapping <preset> [--skip-invalid] [--rejects path]';
class UsageError extends Error {}

function options() {
  try {
    const { values, positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        mapping: { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        rejects: { type: 'string' },
        user: { type: 'string' },
        'batch-rows': { type: 'string' },
        // for the crash test: stop dead (no cleanup) after this many committed batches
        'die-after-batches': { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError(`give exactly one file; ${USAGE}`);
    if (!values.source) throw new UsageError(`--source is required (the organisation that sent the file); ${USAGE}`);
    if (!values.mapping) throw new UsageError(`--mapping is required (a preset name, e.g. fincen, or ftm); ${USAGE}`);
    return { file: path.resolve(positionals[0]!), ...values, source: values.source, mapping: values.mapping };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${(err as Error).message}; ${USAGE}`);
  }
}

/** The app's running managed Neo4j, if any: the CLI joins it instead of trying to start a second server. */

async function main(): Promise<number> {
  const opts = options();
  const config = loadConfig();
  const panKey = config.MONEYTRAIL_PAN_KEY ?? loadOrCreatePanKey(config.MONEYTRAIL_HOME);
  const conn = await openCliDatabase((line) => process.stderr.write(`${line}\n`));
  const stopOnSignal = () => void conn.close().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  try {
    const service = new ImportService(new ImportRepository(conn.db));
    const interactive = process.stderr.isTTY && !opts.quiet;
    const bar = new cliProgress.SingleBar(
      { format: '{phase} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s', hideCursor: true, stream: process.stderr, noTTYOutput: !opts.quiet, notTTYSchedule: 5000 },
      cliProgress.Presets.shades_classic,
    );
    const t0 = performance.now();
    let started = false;
    const onProgress = (p: ImportProgress) => {
      if (opts.quiet) return;
      const rate = Math.round(p.rowsDone / Math.max(0.001, (performance.now() - t0) / 1000));
      if (p.phase === 'validating' && !started) {
        if (!interactive && p.rowsTotal === null) return;
      }
      if (p.phase === 'writing' || p.phase === 'finishing') {
        if (!started) {
          bar.start(p.rowsTotal ?? 0, 0, { phase: 'writing', rate: 0 });
          started = true;
        }
        bar.update(p.rowsDone, { phase: p.phase, rate });
      } else if (p.phase === 'validating' && p.rowsTotal !== null) {
        process.stderr.write(`checked ${p.rowsRead.toLocaleString('en')} rows\n`);
      }
    };
    const dieAfter = opts['die-after-batches'] ? Number(opts['die-after-batches']) : null;
    const result = await service.run({
      path: opts.file,
      fileName: path.basename(opts.file),
      organisation: opts.source,
      mapping: opts.mapping,
      user: opts.user ?? process.env.USER ?? 'cli',
      skipInvalid: opts['skip-invalid'],
      rejectsPath: opts.rejects ? path.resolve(opts.rejects) : opts['skip-invalid'] ? `${opts.file}.rejects.csv` : null,
      panKey,
      ...(opts['batch-rows'] ? { batchRows: Number(opts['batch-rows']) } : {}),
      onProgress,
      afterBatch: (n) => {
        if (dieAfter !== null && n >= dieAfter) process.kill(process.pid, 'SIGKILL');
      },
    });
    if (started) bar.stop();
    const i = result.import;
    const r = result.report;
    const lines =
      result.outcome === 'unchanged'
        ? [`${r.fileName} was already imported as ${i.id} (${i.finishedAt}): nothing changed.`]
        : [
            `${result.outcome === 'resumed' ? 'finished the interrupted import' : 'imported'} ${r.fileName} as ${i.id} with preset ${r.mapping} for ${i.organisation}`,
            `  rows: ${r.rowsRead} read, ${r.rowsValid} imported, ${r.rowsRejected} rejected${r.rejectsFile ? ` (written to ${r.rejectsFile})` : ''}`,
            `  entities: ${i.nodesCreated} created, ${i.nodesUpdated} already known; relationships: ${i.relsCreated} created, ${i.relsUpdated} already known`,
            `  took ${Number(i.seconds).toFixed(1)} s (${Math.round(r.rowsValid / Math.max(0.001, Number(i.seconds))).toLocaleString('en')} rows/s)`,
          ];
    process.stdout.write(`${lines.join('\n')}\n`);
    for (const p of r.problems.slice(0, 20)) process.stdout.write(`  rejected: ${describeProblem(p)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ImportValidationError) {
      process.stderr.write(`error: ${err.message}\n`);
      for (const p of err.report.problems.slice(0, 20)) process.stderr.write(`  ${describeProblem(p)}\n`);
      if (err.report.problemsTotal > 20) process.stderr.write(`  … and ${err.report.problemsTotal - 20} more${err.report.rejectsFile ? ` (all in ${err.report.rejectsFile})` : ''}\n`);
      return 1;
    }
    if (err instanceof ImportFileError || err instanceof ImportStateError || err instanceof MappingError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await conn.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const msg = err instanceof UsageError ? err.message : `import failed: ${(err as Error).message.split('\n')[0]}. Nothing is lost: run the same command again to finish it.`;
    process.stderr.write(`error: ${msg}\n`);
    process.exit(2);
  },
);
