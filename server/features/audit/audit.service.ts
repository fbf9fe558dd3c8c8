import { checkLinks, hashRecord, type AuditRecord, type ChainProblem } from './audit.chain.js';
import type { AuditFilter, AuditRepository } from './audit.repository.js';
import { maskPans, maskPansDeep } from '../../domain/pan.js';

import type { AuditEntry } from './audit.schemas.js';

export type { AuditEntry };

export type VerifyResult = { ok: true; records: number; headSeq: number } | { ok: false; records: number; problem: ChainProblem };

const PAGE = 5_000;

export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  append(entry: AuditEntry): Promise<AuditRecord> {
    return this.repo.append((prev) => {
      const base = {
        seq: prev.seq + 1,
        at: new Date().toISOString(),
        userId: entry.userId,
        email: entry.email,
        ip: entry.ip,
        action: entry.action,
        // what users typed (a search, a query parameter) may be a card number: the trail keeps BIN and last 4 only
        target: entry.target === null ? null : maskPans(entry.target),
        params: JSON.stringify(maskPansDeep(entry.params ?? {})),
        resultCount: entry.resultCount,
        outcome: entry.outcome,
        prevHash: prev.hash,
      };
      return { ...base, hash: hashRecord(base) };
    });
  }

  list(filter: AuditFilter): Promise<AuditRecord[]> {
    return this.repo.list(filter);
  }

  /** Walks the whole chain in pages and names the first broken record; also catches a truncated tail. */
  async verify(): Promise<VerifyResult> {
    // the head first: records appended while the chain is being checked (every request appends one) are beyond
    // it and left to the next check, instead of looking like a chain that ends too early
    const head = await this.repo.head();
    let last: { seq: number; hash: string | null } = { seq: 0, hash: null };
    let records = 0;
    for (;;) {
      const fetched = await this.repo.chain(last.seq, PAGE);
      const page = head ? fetched.filter((r) => r.seq <= head.seq) : fetched;
      const checked = checkLinks(page, last);
      if (!checked.ok) return { ok: false, records, problem: checked.problem };
      records += page.length;
      last = checked.last;
      if (page.length < PAGE) break;
    }
    if (head && (head.seq !== last.seq || head.hash !== last.hash))
      return { ok: false, records, problem: { seq: last.seq + 1, reason: `the chain ends at record ${last.seq} but the head says ${head.seq}: records were removed from the end` } };
    return { ok: true, records, headSeq: last.seq };
  }
}
