import type { Database } from '../../db/database.js';
import type { AuditRecord } from './audit.chain.js';

export interface AuditFilter {
  user: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
  beforeSeq: number | null;
  limit: number;
}

export class AuditRepository {
  constructor(private readonly db: Database) {}

  /**
   * Appends in one write transaction: lock the head, hash against it, create the record, move the head.
   * The head's lock serialises appends from every instance, so two records can never share a predecessor.
   */
  append(build: (prev: { seq: number; hash: string | null }) => AuditRecord): Promise<AuditRecord> {
    return this.db.writeTransaction(async (run) => {
      const [head] = await run('audit.head-lock');
      const record = build({ seq: Number(head?.seq ?? 0), hash: (head?.hash as string | null) ?? null });
      await run('audit.append', { record });
      return record;
    });
  }

  async list(filter: AuditFilter): Promise<AuditRecord[]> {
    return (await this.db.read<{ record: AuditRecord }>('audit.list', { ...filter })).map((r) => r.record);
  }

  async chain(afterSeq: number, limit: number): Promise<AuditRecord[]> {
    return (await this.db.read<{ record: AuditRecord }>('audit.chain', { afterSeq, limit })).map((r) => r.record);
  }

  async head(): Promise<{ seq: number; hash: string | null } | null> {
    const [row] = await this.db.read<{ seq: number; hash: string | null }>('audit.head');
    return row ? { seq: Number(row.seq), hash: row.hash ?? null } : null;
  }
}
