/**
 * The import engine: one code path for the UI upload, POST /api/imports and `npm run import`.
 *   1. hash the file: a complete import of the same bytes, preset and organisation makes this run a no-op;
 *   2. validate every row (nothing is written yet): invalid rows make the whole file fail unless skipInvalid;
 *   3. write batches of ~10k rows with MERGE on natural keys, each batch in one transaction with its progress;
 *   4. count what the import introduced from the graph and mark the Import complete, last.
 * A crash anywhere leaves a 'running' Import; running the same import again resumes it under the same id and
 * ends with the same counts as an uninterrupted run (MERGE makes already-written batches no-ops).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { csvLine } from './import.csv-safe.js';
import { ftmReader, toFtm } from './import.ftm.js';
import { builtInPresets, FTM_MAPPING, parseMapping, type MappingPreset } from './import.mapping.js';
import { ImportNotFoundError, ImportStateError } from './import.errors.js';
import { ImportFileError } from './import.parse.js';
import type { Viewer } from '../../domain/need-to-know.js';
import { mappedReader, type Reader } from './import.readers.js';
import type { ImportRecord, ImportRepository } from './import.repository.js';
import { ResolutionRepository } from './import.resolution.repository.js';
import { ResolutionService } from './import.resolution.service.js';
import { BatchBuilder, sameProps, type GraphRows, type NodeRow } from './import.rows.js';

export interface RowProblem {
  file: string;
  row: number;
  line: number;
  field: string;
  reason: string;
}

export interface ImportReport {
  fileName: string;
  format: string;
  mapping: string;
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  /** the first problems, in file order (all of them are in the rejects file) */
  problems: RowProblem[];
  problemsTotal: number;
  rejectsFile: string | null;
}

export type ImportPhase = 'hashing' | 'validating' | 'writing' | 'finishing' | 'done';
export interface ImportProgress {
  phase: ImportPhase;
  rowsRead: number;
  rowsDone: number;
  rowsTotal: number | null;
}

export interface ImportOutcome {
  /** imported: written now; resumed: an interrupted run of this file was finished; unchanged: already imported */
  outcome: 'imported' | 'resumed' | 'unchanged';
  import: ImportRecord;
  report: ImportReport;
}

export interface RunImportOptions {
  path: string;
  fileName: string;
  organisation: string;
  mapping: string;
  user: string;
  skipInvalid?: boolean;
  rejectsPath?: string | null;
  panKey: string;
  batchRows?: number;
  onProgress?: (p: ImportProgress) => void;
  /** test hook: called after each committed batch (the kill-mid-way test uses the CLI's own flag instead) */
  afterBatch?: (batchNo: number) => Promise<void> | void;
}

export class ImportValidationError extends Error {
  override name = 'ImportValidationError';
  constructor(readonly report: ImportReport) {
    super(
      `${report.fileName}: ${report.rowsRejected} of ${report.rowsRead} rows are invalid, so nothing was imported` +
        ` (fix them, or import with the skip-invalid option to import the ${report.rowsValid} valid rows). First problem: ` +
        describeProblem(report.problems[0]!),
    );
  }
}

export function describeProblem(p: RowProblem): string {
  return p.field === '(whole row)' ? `${p.file}, row ${p.row} (line ${p.line}) ${p.reason}` : `${p.file}, row ${p.row} (line ${p.line}), column "${p.field}": ${p.reason}`;
}

const MAX_PROBLEMS_SHOWN = 200;
export const DEFAULT_BATCH_ROWS = 10_000;

export async function hashFile(file: string): Promise<{ hash: string; bytes: number; firstChar: string | null }> {
  const h = createHash('sha256');
  let bytes = 0;
  let firstChar: string | null = null;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    if (firstChar === null) {
      const t = b.toString('utf8', 0, Math.min(b.length, 64)).replace(/^\uFEFF/, '').trimStart();
      if (t) firstChar = t[0]!;
    }
    h.update(b);
    bytes += b.length;
  }
  return { hash: h.digest('hex'), bytes, firstChar };
}

export function organisationUid(source: string): string {
  const s = source.trim().toLowerCase();
  const key = s.startsWith('org:') ? s.slice(4) : s;
  if (!/^[a-z0-9][a-z0-9._-]{1,80}$/.test(key)) throw new ImportStateError(`"${source}" is not an organisation id (lower-case letters, digits, dots and dashes, e.g. icij or org:icij)`);
  return `org:${key}`;
}

export { ImportNotFoundError, ImportStateError };

export class ImportService {
  /** weak-match proposals run after each import; merge/reject/undo are served by the same engine's routes */
  readonly resolution: ResolutionService;
  constructor(private readonly repo: ImportRepository) {
    this.resolution = new ResolutionService(new ResolutionRepository(repo.db));
  }

  /** Built-in presets (mappings/*.json), then presets saved from the UI; the FtM reader is listed as "ftm". */
  async presets(): Promise<MappingPreset[]> {
    const out = new Map(builtInPresets());
    for (const p of await this.repo.listPresets()) if (!out.has(p.name)) out.set(p.name, parseMapping(JSON.parse(p.json), `saved preset ${p.name}`));
    return [...out.values()];
  }

  async preset(name: string): Promise<MappingPreset> {
    const found = (await this.presets()).find((p) => p.name === name);
    if (!found) throw new ImportStateError(`there is no mapping preset named "${name}"; presets: ${[FTM_MAPPING, ...(await this.presets()).map((p) => p.name)].join(', ')}`);
    return found;
  }

  async savePreset(raw: unknown, by: string): Promise<MappingPreset> {
    const preset = parseMapping(raw, 'preset');
    if (builtInPresets().has(preset.name) || preset.name === FTM_MAPPING) throw new ImportStateError(`"${preset.name}" is a built-in preset; save yours under another name`);
    await this.repo.savePreset(preset.name, JSON.stringify(preset), by);
    return preset;
  }

  private async reader(opts: { path: string; fileName: string; mapping: string; panKey: string; firstChar: string | null; draft?: MappingPreset }): Promise<Reader> {
    if (opts.draft) return mappedReader({ ...opts, mapping: opts.draft });
    if (opts.mapping === FTM_MAPPING) return ftmReader({ path: opts.path, fileName: opts.fileName });
    return mappedReader({ ...opts, mapping: await this.preset(opts.mapping) });
  }

  /** A preset as JSON for the editor; built-in ones (files under version control) are read-only there. */
  async presetSource(name: string): Promise<{ preset: MappingPreset; builtIn: boolean }> {
    return { preset: await this.preset(name), builtIn: builtInPresets().has(name) };
  }

  /**
   * The first rows of a file read through a preset: what each row would become, or why it would be refused.
   * `draft` previews an unsaved preset from the editor (validated like a saved one).
   */
  async preview(opts: { path: string; fileName: string; mapping: string; panKey: string; rows: number; draft?: unknown }) {
    const { firstChar } = await hashFile(opts.path);
    const draft = opts.draft === undefined ? undefined : parseMapping(opts.draft, 'the preset being edited');
    const reader = await this.reader({ path: opts.path, fileName: opts.fileName, panKey: opts.panKey, firstChar, mapping: draft?.name ?? opts.mapping, ...(draft ? { draft } : {}) });
    const items = [];
    for await (const item of reader.read()) {
      items.push({
        row: item.row,
        line: item.line,
        record: item.shown,
        problems: item.problems,
        nodes: (item.rows?.nodes ?? []).map((n) => ({ uid: n.uid, label: n.label, caption: String(n.props.caption ?? '') })),
        relationships: (item.rows?.rels ?? []).map((r) => ({ type: r.type, from: r.from, to: r.to })),
      });
      if (items.length >= opts.rows) break;
    }
    return { fileName: opts.fileName, format: reader.format, mapping: draft?.name ?? opts.mapping, columns: reader.columns, rows: items };
  }

  async list(limit = 100): Promise<ImportRecord[]> {
    return this.repo.list(limit);
  }

  async get(id: string): Promise<ImportRecord> {
    const rec = await this.repo.get(id);
    if (!rec) throw new ImportNotFoundError(`import "${id}"`);
    return rec;
  }

  async run(opts: RunImportOptions): Promise<ImportOutcome> {
    const progress = (p: ImportProgress) => opts.onProgress?.(p);
    const org = organisationUid(opts.organisation);
    progress({ phase: 'hashing', rowsRead: 0, rowsDone: 0, rowsTotal: null });
    const { hash, bytes, firstChar } = await hashFile(opts.path);
    if (bytes === 0) throw new ImportFileError(`${opts.fileName} is empty (0 bytes)`);
    const reader = await this.reader({ path: opts.path, fileName: opts.fileName, mapping: opts.mapping, panKey: opts.panKey, firstChar });

    const previous = await this.repo.findByHash(hash, opts.mapping, org);
    if (previous?.status === 'complete') {
      const report = emptyReport(opts, reader.format);
      report.rowsRead = Number(previous.rowsTotal ?? 0) + Number(previous.rowsRejected ?? 0);
      report.rowsValid = Number(previous.rowsTotal ?? 0);
      report.rowsRejected = Number(previous.rowsRejected ?? 0);
      progress({ phase: 'done', rowsRead: report.rowsRead, rowsDone: report.rowsValid, rowsTotal: report.rowsValid });
      return { outcome: 'unchanged', import: previous, report };
    }

    const report = await this.validate(reader, opts, progress);
    if (report.rowsRejected > 0 && !opts.skipInvalid) throw new ImportValidationError(report);
    if (report.rowsValid === 0) throw new ImportFileError(`${opts.fileName}: none of its ${report.rowsRead} rows is valid, so there is nothing to import`);

    const id = previous?.id ?? `imp-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${hash.slice(0, 8)}-${randomBytes(3).toString('hex')}`;
    const startedAt = typeof previous?.startedAt === 'string' ? previous.startedAt : new Date().toISOString();
    await this.repo.start(id, {
      organisation: org,
      user: opts.user,
      fileName: opts.fileName,
      fileHash: hash,
      fileBytes: bytes,
      mapping: opts.mapping,
      format: reader.format,
      rowsTotal: report.rowsValid,
      rowsRejected: report.rowsRejected,
      rowsDone: 0,
      startedAt,
      status: 'running',
      skipInvalid: Boolean(opts.skipInvalid),
      error: null,
      ...(previous ? { resumedAt: new Date().toISOString() } : {}),
    });

    const t0 = performance.now();
    try {
      const persons = new Set<string>();
      await this.write(reader, { id, org, at: startedAt, total: report.rowsValid, batchRows: opts.batchRows ?? DEFAULT_BATCH_ROWS, progress, afterBatch: opts.afterBatch, persons });
      progress({ phase: 'finishing', rowsRead: report.rowsRead, rowsDone: report.rowsValid, rowsTotal: report.rowsValid });
      const seconds = (performance.now() - t0) / 1000;
      // before the Import is complete, so a crash here is finished by the re-run (proposals MERGE on the pair)
      const duplicatesProposed = await this.resolution.proposeFor(id, persons);
      const done = await this.repo.finish(id, { status: 'complete', finishedAt: new Date().toISOString(), seconds: Math.round(seconds * 100) / 100, rowsDone: report.rowsValid, duplicatesProposed });
      progress({ phase: 'done', rowsRead: report.rowsRead, rowsDone: report.rowsValid, rowsTotal: report.rowsValid });
      return { outcome: previous ? 'resumed' : 'imported', import: done, report };
    } catch (err) {
      // best effort: the connection may be what failed; a 'running' Import is resumed the same way
      await this.repo.setStatus(id, { status: 'failed', error: (err as Error).message.split('\n')[0]!.slice(0, 300) }).catch(() => {});
      throw err;
    }
  }

  private async validate(reader: Reader, opts: RunImportOptions, progress: (p: ImportProgress) => void): Promise<ImportReport> {
    const report = emptyReport(opts, reader.format);
    let rejects: Awaited<ReturnType<typeof open>> | null = null;
    if (opts.rejectsPath) {
      await mkdir(path.dirname(opts.rejectsPath), { recursive: true });
      rejects = await open(opts.rejectsPath, 'w');
      await rejects.write(csvLine(['row', 'line', 'field', 'reason', ...reader.columns]));
    }
    try {
      for await (const item of reader.read({ build: false })) {
        report.rowsRead++;
        if (item.problems.length === 0) report.rowsValid++;
        else {
          report.rowsRejected++;
          for (const p of item.problems) {
            report.problemsTotal++;
            if (report.problems.length < MAX_PROBLEMS_SHOWN) report.problems.push({ file: opts.fileName, row: item.row, line: item.line, field: p.field, reason: p.reason });
          }
          if (rejects) {
            const first = item.problems[0]!;
            await rejects.write(csvLine([item.row, item.line, item.problems.map((p) => p.field).join('; '), item.problems.map((p) => p.reason).join('; ') || first.reason, ...reader.columns.map((c) => item.shown[c] ?? '')]));
          }
        }
        if (report.rowsRead % 5000 === 0) progress({ phase: 'validating', rowsRead: report.rowsRead, rowsDone: 0, rowsTotal: null });
      }
    } finally {
      await rejects?.close();
    }
    if (opts.rejectsPath && report.rowsRejected > 0) report.rejectsFile = opts.rejectsPath;
    progress({ phase: 'validating', rowsRead: report.rowsRead, rowsDone: 0, rowsTotal: report.rowsValid });
    return report;
  }

  /** Batches go to Neo4j one at a time while the next one is parsed: one write in flight keeps commit order. */
  private async write(
    reader: Reader,
    w: { id: string; org: string; at: string; total: number; batchRows: number; progress: (p: ImportProgress) => void; afterBatch: RunImportOptions['afterBatch']; persons: Set<string> },
  ): Promise<void> {
    // only when something was ever merged away: rows about a merged-away entity land on its survivor
    const remap = await this.repo.anyMerged();
    let done = 0;
    let batchNo = 0;
    // What this run has committed, so an entity that recurs (accounts, banks, countries) is not re-sent as it is.
    // Two generations keep memory flat on any file size: `recent` holds only the last batch's entities (most are
    // one row's transaction and are seen once), and those seen again are promoted to `written` (capped).
    // A resumed run starts empty, so it re-sends: the MERGE path makes that a no-op.
    let recent = new Map<string, NodeRow>();
    const written = new Map<string, NodeRow>();
    const known = (n: NodeRow) => {
      const k = written.get(n.uid) ?? recent.get(n.uid);
      return k !== undefined && k.label === n.label && sameProps(k.props, n.props);
    };
    let inFlight: Promise<void> = Promise.resolve();
    let failure: unknown = null;
    const submit = (g: GraphRows & { rows: number }) => {
      const rowsDone = done + g.rows;
      done = rowsDone;
      const prev = inFlight;
      inFlight = prev.then(async () => {
        if (failure) return;
        try {
          if (remap) Object.assign(g, await this.onSurvivors(g));
          for (const n of g.nodes) if (PERSON_LABELS.has(n.label)) w.persons.add(n.uid);
          // accounts, banks, countries recur in most batches: one this run already wrote exactly so is not re-sent
          const nodes = g.nodes.filter((n) => !known(n));
          const result = await this.repo.writeBatch({ importId: w.id, org: w.org, at: w.at, nodes, rels: g.rels, rowsDone });
          if (written.size > WRITTEN_CACHE) written.clear();
          const next = new Map<string, NodeRow>();
          for (const n of g.nodes) {
            if (written.has(n.uid) || recent.has(n.uid)) written.set(n.uid, n);
            else next.set(n.uid, n);
          }
          recent = next;
          if (result.rels !== g.rels.length) throw new ImportStateError(`a batch wrote ${result.rels} of ${g.rels.length} relationships: a row refers to an entity that is not in the file`);
          batchNo++;
          w.progress({ phase: 'writing', rowsRead: rowsDone, rowsDone, rowsTotal: w.total });
          await w.afterBatch?.(batchNo);
        } catch (err) {
          failure = err;
        }
      });
      return prev;
    };

    // the organisation that sent the file exists as an entity, so provenance can point at it
    await this.repo.ensureSourceOrganisation(w.org, w.id, w.at);

    const phases: ('nodes' | 'rels' | 'both')[] = reader.nodesBeforeRelationships ? ['nodes', 'rels'] : ['both'];
    for (const phase of phases) {
      done = 0;
      const builder = new BatchBuilder();
      for await (const item of reader.read()) {
        if (!item.rows) continue;
        builder.add(phase === 'both' ? item.rows : phase === 'nodes' ? { nodes: item.rows.nodes, rels: [] } : { nodes: [], rels: item.rows.rels });
        if (builder.rows >= w.batchRows) {
          await submit(builder.take());
          if (failure) throw failure;
        }
      }
      if (builder.rows > 0) await submit(builder.take());
      await inFlight;
      if (failure) throw failure;
    }
  }

  /** Rewrites a batch's uids of merged-away entities to their survivors (one indexed look-up per batch). */
  private async onSurvivors(g: GraphRows): Promise<GraphRows> {
    const uids = new Set<string>();
    for (const n of g.nodes) uids.add(n.uid);
    for (const r of g.rels) uids.add(r.from).add(r.to);
    const to = await this.repo.resolveMerged([...uids]);
    if (to.size === 0) return g;
    const at = (uid: string) => to.get(uid) ?? uid;
    const rels = new Map<string, GraphRows['rels'][number]>();
    for (const r of g.rels) {
      const moved = { ...r, from: at(r.from), to: at(r.to) };
      rels.set(`${moved.type}\u0000${moved.from}\u0000${moved.to}`, moved);
    }
    return { nodes: g.nodes.map((n) => ({ ...n, uid: at(n.uid) })), rels: [...rels.values()] };
  }

  /** Removes what this import alone introduced and withdraws it from what it shared; the Import stays, marked. */
  async rollback(id: string, by: string): Promise<ImportRecord> {
    const rec = await this.get(id);
    if (rec.status === 'rolled_back') throw new ImportStateError(`import ${id} was already rolled back`);
    await this.repo.setStatus(id, { status: 'rolling_back', rollbackBy: by });
    await this.repo.rollback(id, String(rec.organisation));
    await this.repo.setStatus(id, { status: 'rolled_back', rolledBackAt: new Date().toISOString(), rolledBackBy: by });
    return this.get(id);
  }

  /** FollowTheMoney entities (JSON objects) for what an import wrote: for OCCRP Aleph, OpenSanctions tools. */
  async exportFtm(id: string, viewer: Viewer) {
    const rec = await this.get(id);
    const { nodes, rels } = await this.repo.exportRows(id, EXPORT_LIMIT, viewer);
    // the partner that sent the file is provenance, not part of what it sent
    return toFtm(nodes.filter((n) => n.uid !== rec.organisation), rels);
  }

  /** What an import wrote as a spreadsheet-safe CSV: uid, label, caption and the properties partners send. */
  async exportCsv(id: string, viewer: Viewer): Promise<string> {
    await this.get(id);
    const { nodes } = await this.repo.exportRows(id, EXPORT_LIMIT, viewer);
    const skip = new Set(['caption', 'keywords', 'sources', 'importIds', 'sourceAddedBy', 'createdBy', 'firstSeen', 'lastSeen', 'panHash']);
    const keys = [...new Set(nodes.flatMap((n) => Object.keys(n.props).filter((k) => !skip.has(k))))].sort();
    return [csvLine(['uid', 'label', 'caption', ...keys]), ...nodes.map((n) => csvLine([n.uid, n.label, String(n.props.caption ?? ''), ...keys.map((k) => cell(n.props[k]))]))].join('');
  }

  async graphTotals(): Promise<{ nodes: number; relationships: number }> {
    return this.repo.countGraph();
  }
}

const EXPORT_LIMIT = 100_000;
const PERSON_LABELS = new Set(['Person', 'Buyer', 'Seller']);
const WRITTEN_CACHE = 200_000;
const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v));

function emptyReport(opts: RunImportOptions, format: string): ImportReport {
  return { fileName: opts.fileName, format, mapping: opts.mapping, rowsRead: 0, rowsValid: 0, rowsRejected: 0, problems: [], problemsTotal: 0, rejectsFile: null };
}

