import { createHash } from 'node:crypto';

/** One link of the audit chain, exactly as stored on an (:AuditRecord) node. */
export interface AuditRecord {
  seq: number;
  at: string;
  userId: string | null;
  email: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  /** JSON text of the parameters */
  params: string;
  resultCount: number | null;
  outcome: string;
  prevHash: string | null;
  hash: string;
}

export const CHAIN_FIELDS = ['seq', 'at', 'userId', 'email', 'ip', 'action', 'target', 'params', 'resultCount', 'outcome', 'prevHash'] as const;

/** Canonical JSON: fixed key order, missing values as null (Neo4j does not store null properties). */
export function canonicalJson(record: Partial<AuditRecord>): string {
  const out: Record<string, unknown> = {};
  for (const k of CHAIN_FIELDS) {
    const v = record[k];
    out[k] = v === undefined ? null : v;
  }
  return JSON.stringify(out);
}

export function hashRecord(record: Omit<AuditRecord, 'hash'> | AuditRecord): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

export interface ChainProblem {
  seq: number;
  reason: string;
}

/**
 * Checks one page of the chain given the last good link before it. Returns the first problem, or the new
 * last link. A record is broken when its hash does not match its content, when it does not point at the hash
 * of its predecessor, or when a seq is missing (a record was deleted).
 */
export function checkLinks(
  records: readonly Partial<AuditRecord>[],
  previous: { seq: number; hash: string | null },
): { ok: true; last: { seq: number; hash: string | null } } | { ok: false; problem: ChainProblem } {
  let last = previous;
  for (const r of records) {
    const seq = Number(r.seq);
    if (seq !== last.seq + 1) return { ok: false, problem: { seq: last.seq + 1, reason: `record ${last.seq + 1} is missing (next found is ${seq})` } };
    if ((r.prevHash ?? null) !== last.hash) return { ok: false, problem: { seq, reason: `record ${seq} does not point at the hash of record ${last.seq}` } };
    if (hashRecord(r as AuditRecord) !== r.hash) return { ok: false, problem: { seq, reason: `record ${seq} was changed after it was written (its hash does not match its content)` } };
    last = { seq, hash: r.hash ?? null };
  }
  return { ok: true, last };
}
