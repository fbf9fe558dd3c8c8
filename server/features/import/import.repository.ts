import neo4j from 'neo4j-driver';
import type { Database, Params } from '../../db/database.js';
import { isEntityLabel, isRelType } from '../../domain/model.js';
import { redactProps, type Viewer } from '../../domain/need-to-know.js';
import { DateValue, InstantValue } from './import.fields.js';
import type { NodeRow, PropValue, RelRow } from './import.rows.js';

export type ImportRecord = Record<string, unknown> & { id: string; status: string };

/** Import writes and look-ups: the only place the import feature touches Cypher. */
export class ImportRepository {
  constructor(readonly db: Database) {}

  async findByHash(fileHash: string, mapping: string, organisation: string): Promise<ImportRecord | null> {
    const [row] = await this.db.read<{ import: ImportRecord }>('import.find-by-hash', { fileHash, mapping, organisation });
    return row ? plain(row.import) : null;
  }

  async get(id: string): Promise<ImportRecord | null> {
    const [row] = await this.db.read<{ import: ImportRecord }>('import.get', { id });
    return row ? plain(row.import) : null;
  }

  async list(limit: number): Promise<ImportRecord[]> {
    return (await this.db.read<{ import: ImportRecord }>('import.list', { limit })).map((r) => plain(r.import));
  }

  async start(id: string, props: Record<string, PropValue | null>): Promise<void> {
    await this.db.write('import.start', { id, props: toNeo4j(props) });
  }

  async setStatus(id: string, props: Record<string, PropValue | null>): Promise<void> {
    await this.db.write('import.set-status', { id, props: toNeo4j(props) });
  }

  /**
   * One batch in one transaction (all or nothing): which of its entities exist already; CREATE the new ones and
   * every relationship touching a new one (it cannot exist yet); MERGE-style upserts for the rest; progress.
   */
  async writeBatch(opts: { importId: string; org: string; at: string; nodes: NodeRow[]; rels: RelRow[]; rowsDone: number }): Promise<{ nodes: number; rels: number }> {
    try {
      return await this.writeBatchOnce(opts, false);
    } catch (err) {
      // another writer created one of the batch's entities between the look-up and the CREATE: upsert them all
      if ((err as { code?: string }).code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') throw err;
      return this.writeBatchOnce(opts, true);
    }
  }

  private async writeBatchOnce(opts: { importId: string; org: string; at: string; nodes: NodeRow[]; rels: RelRow[]; rowsDone: number }, upsertAll: boolean): Promise<{ nodes: number; rels: number }> {
    for (const n of opts.nodes) if (!isEntityLabel(n.label)) throw new Error(`import: ${n.label} is not a model label`);
    for (const r of opts.rels) if (!isRelType(r.type)) throw new Error(`import: ${r.type} is not a model relationship type`);
    const common = { importId: opts.importId, org: opts.org, at: instant(opts.at) };
    const count = (rows: Record<string, unknown>[]) => Number(rows[0]?.written ?? 0);
    const nodeRow = (r: NodeRow) => ({ uid: r.uid, label: r.label, props: toNeo4j(r.props) });
    const relRow = (r: RelRow) => ({ type: r.type, from: r.from, to: r.to, props: toNeo4j(r.props) });
    // converted once, outside the transaction function: a retried transaction re-sends the same rows
    const nodesByLabel = groupBy(opts.nodes, (n) => n.label);
    const nodeRows = new Map([...nodesByLabel].map(([label, ns]) => [label, ns.map(nodeRow)]));
    const relRows = new Map(opts.rels.map((r) => [r, relRow(r)]));
    return this.db.writeTransaction(async (run) => {
      const created = new Set<string>();
      let nodes = 0;
      let rels = 0;
      for (const [label, rows] of nodeRows) {
        if (upsertAll) continue;
        for (const uid of ((await run('import.create-nodes', { ...common, rows }, { label }))[0]?.created ?? []) as string[]) created.add(uid);
      }
      nodes += created.size;
      for (const [label, ns] of nodesByLabel) {
        const rows = nodeRows.get(label)!.filter((_, i) => !created.has(ns[i]!.uid));
        if (rows.length) nodes += count(await run('import.nodes', { ...common, rows }, { label }));
      }
      for (const [type, rs] of groupBy(opts.rels, (r) => r.type)) {
        const fresh = rs.filter((r) => created.has(r.from) || created.has(r.to)).map((r) => relRows.get(r)!);
        const other = rs.filter((r) => !created.has(r.from) && !created.has(r.to)).map((r) => relRows.get(r)!);
        if (fresh.length) rels += count(await run('import.create-relationships', { ...common, rows: fresh }, { type }));
        if (other.length) rels += count(await run('import.relationships', { ...common, rows: other }, { type }));
      }
      await run('import.progress', { id: opts.importId, rowsDone: opts.rowsDone });
      return { nodes, rels };
    });
  }

  async ensureSourceOrganisation(uid: string, importId: string, at: string): Promise<void> {
    const key = uid.slice(4);
    await this.db.write('import.source-organisation', { uid, name: key, keywords: key.replace(/[-_.]/g, ' '), importId, at: instant(at) });
  }

  async finish(id: string, props: Record<string, PropValue | null>): Promise<ImportRecord> {
    const [row] = await this.db.write<{ import: ImportRecord }>('import.finish', { id, props: toNeo4j(props) });
    if (!row) throw new Error(`import ${id} vanished before it finished`);
    return plain(row.import);
  }

  /** Rollback steps use CALL { } IN TRANSACTIONS, which only runs in an auto-commit transaction. */
  async rollback(id: string, org: string): Promise<void> {
    for (const name of ['import.rollback-delete-rels', 'import.rollback-shared-rels', 'import.rollback-delete-nodes', 'import.rollback-shared-nodes', 'import.rollback-restore-values'])
      await this.autoCommit(name, name.includes('shared') ? { id, org } : { id });
  }

  async countGraph(): Promise<{ nodes: number; relationships: number }> {
    const [row] = await this.db.read<{ nodes: number; relationships: number }>('import.count-graph');
    return { nodes: Number(row?.nodes ?? 0), relationships: Number(row?.relationships ?? 0) };
  }

  async exportRows(id: string, limit: number, viewer: Viewer): Promise<{ nodes: { uid: string; label: string; props: Record<string, unknown> }[]; rels: { type: string; from: string; to: string; props: Record<string, unknown> }[] }> {
    const nodes = await this.db.read<{ uid: string; label: string; props: Record<string, unknown> }>('import.export-nodes', { id, limit, viewer: { ...viewer } });
    const rels = await this.db.read<{ type: string; from: string; to: string; props: Record<string, unknown> }>('import.export-rels', { id, limit: limit * 4, viewer: { ...viewer } });
    // restricted properties of partly restricted records go no further
    return {
      nodes: nodes.map((n) => ({ ...n, props: redactProps(viewer, plain(n.props)) })),
      rels: rels.map((r) => ({ ...r, props: redactProps(viewer, plain(r.props)) })),
    };
  }

  async anyMerged(): Promise<boolean> {
    const [row] = await this.db.read<{ any: boolean }>('import.merged-exists');
    return Boolean(row?.any);
  }

  async resolveMerged(uids: string[]): Promise<Map<string, string>> {
    const rows = await this.db.read<{ uid: string; survivor: string }>('import.resolve-merged', { uids });
    return new Map(rows.map((r) => [r.uid, r.survivor]));
  }

  async savePreset(name: string, json: string, by: string): Promise<void> {
    await this.db.write('import.preset-save', { name, json, by, at: instant(new Date().toISOString()) });
  }

  async listPresets(): Promise<{ name: string; json: string }[]> {
    return this.db.read<{ name: string; json: string }>('import.preset-list');
  }

  private async autoCommit(name: string, params: Params): Promise<void> {
    const q = this.db.catalog.get(name);
    if (q.mode !== 'write') throw new Error(`${name} is not a write query`);
    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(q.text, params);
    } finally {
      await session.close();
    }
  }
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

export function instant(iso: string): InstanceType<typeof neo4j.types.DateTime> {
  const d = new Date(iso);
  return new neo4j.types.DateTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds() * 1_000_000, 0);
}

function toNeo4j(props: Record<string, PropValue | null>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    if (v instanceof DateValue) {
      const [y, m, d] = v.iso.split('-').map(Number) as [number, number, number];
      out[k] = new neo4j.types.Date(y, m, d);
    } else if (v instanceof InstantValue) out[k] = instant(v.iso);
    else out[k] = v;
  }
  return out;
}

/** Temporal values from the driver become ISO strings, so records are JSON-plain for the service and the API. */
export function plain<T extends Record<string, unknown>>(rec: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) out[k] = isTemporal(v) ? temporalIso(v) : v;
  return out as T;
}
function isTemporal(v: unknown): v is { toString(): string } {
  return neo4j.isDateTime(v as never) || neo4j.isDate(v as never) || neo4j.isLocalDateTime(v as never);
}
function temporalIso(v: { toString(): string }): string {
  if (neo4j.isDateTime(v as never)) return new Date((v as unknown as { toStandardDate(): Date }).toStandardDate()).toISOString();
  return v.toString();
}
