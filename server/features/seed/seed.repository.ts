import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database.js';
import { isEntityLabel, isRelType } from '../../domain/model.js';
import { TEMPORAL_KEYS } from './seed.rows.js';
import type { NodeRow, Props, RelRow, TxRow } from './seed.rows.js';

/** Seed writes: the only place seeding touches Cypher. Rows arrive JSON-plain; instants are converted here. */
export class SeedRepository {
  constructor(private readonly db: Database) {}

  async hasEntities(): Promise<boolean> {
    return (await this.db.read('seed.any-entity')).length > 0;
  }

  async startImport(id: string, props: Props): Promise<void> {
    await this.db.write('seed.import-start', { id, props: toNeo4j(props) });
  }

  async finishImport(id: string, props: Props): Promise<void> {
    await this.db.write('seed.import-finish', { id, props: toNeo4j(props) });
  }

  async writeNodes(rows: NodeRow[]): Promise<number> {
    for (const r of rows) if (!isEntityLabel(r.label)) throw new Error(`seed: ${r.label} is not a model label`);
    const [res] = await this.db.write<{ created: number }>('seed.nodes', { rows: rows.map((r) => ({ uid: r.uid, label: r.label, props: toNeo4j(r.props) })) });
    return res?.created ?? 0;
  }

  async writeRelationships(rows: RelRow[]): Promise<number> {
    for (const r of rows) if (!isRelType(r.type)) throw new Error(`seed: ${r.type} is not a model relationship type`);
    const [res] = await this.db.write<{ created: number }>('seed.relationships', {
      rows: rows.map((r) => ({ type: r.type, from: r.from, to: r.to, props: toNeo4j(r.props) })),
    });
    return res?.created ?? 0;
  }

  async writeTransactions(rows: TxRow[]): Promise<{ created: number; via: number }> {
    const [res] = await this.db.write<{ created: number; via: number }>('seed.transactions', {
      rows: rows.map((r) => ({ uid: r.uid, from: r.from, to: r.to, via: r.via, props: toNeo4j(r.props), relProps: toNeo4j(r.relProps) })),
    });
    return { created: res?.created ?? 0, via: res?.via ?? 0 };
  }

  /**
   * Deletes all data but the migration bookkeeping: transactions first (they hold nearly every relationship),
   * then the rest. `CALL { } IN TRANSACTIONS` only runs in an auto-commit transaction, which Database.write (a
   * managed transaction) cannot give, hence a plain session here.
   */
  async deleteAll(): Promise<void> {
    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      for (const name of ['seed.reset-transactions', 'seed.reset']) {
        const q = this.db.catalog.get(name);
        if (q.mode !== 'write') throw new Error(`${name} must be a write query`);
        await session.run(q.text);
      }
    } finally {
      await session.close();
    }
  }
}

/** ISO strings under temporal keys become zoned datetimes (UTC); null values are dropped (Neo4j stores none). */
function toNeo4j(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === null) continue;
    out[key] = typeof value === 'string' && TEMPORAL_KEYS.has(key) ? utcDateTime(value) : value;
  }
  return out;
}

function utcDateTime(isoText: string): InstanceType<typeof neo4j.types.DateTime> {
  const d = new Date(isoText);
  if (Number.isNaN(d.getTime())) throw new Error(`seed: ${isoText} is not an ISO instant`);
  return new neo4j.types.DateTime(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds() * 1_000_000,
    0,
  );
}
