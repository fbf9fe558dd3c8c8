import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord, type RecordShape } from 'neo4j-driver';
import { isEntityLabel, isRelType, type EntityLabel, type RelType } from '../domain/model.js';
import type { CypherCatalog, CypherQuery } from './cypher-catalog.js';

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
}

export type Params = Record<string, unknown>;

/**
 * Runs a catalog query for one label or relationship type: its `$(row.label)` / `$(row.type)` becomes that
 * allow-listed name. A static label or type runs faster than a dynamic one; the file keeps the dynamic form,
 * valid on its own.
 */
export interface Specialise {
  label?: EntityLabel;
  type?: RelType;
}

function specialised(text: string, only: Specialise | undefined): string {
  let out = text;
  if (only?.label !== undefined) {
    if (!isEntityLabel(only.label)) throw new Error(`${only.label} is not a model label`);
    out = out.replaceAll('$(row.label)', only.label).replaceAll('row.label', `'${only.label}'`);
  }
  if (only?.type !== undefined) {
    if (!isRelType(only.type)) throw new Error(`${only.type} is not a model relationship type`);
    out = out.replaceAll('$(row.type)', only.type).replaceAll('row.type', `'${only.type}'`);
  }
  return out;
}

export interface UntrustedResult {
  keys: string[];
  /** raw driver records: nodes, relationships and paths stay typed for the caller to present */
  records: Neo4jRecord[];
  /** more rows were available than maxRows */
  truncated: boolean;
}

/**
 * The only way code reaches Neo4j. Every call is routed (READ or WRITE), so the same code works against a
 * single bolt:// server, a neo4j:// cluster or Aura (neo4j+s://). Queries come from the cypher/ catalog by
 * name; a read-mode catalog query can never be sent through write() and vice versa.
 */
export class Database {
  readonly driver: Driver;
  readonly database: string | undefined;

  constructor(
    opts: DatabaseOptions,
    readonly catalog: CypherCatalog,
  ) {
    this.driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 20_000,
      userAgent: 'moneytrail/0.1',
    });
    this.database = opts.database || undefined;
  }

  private query(name: string, mode: 'read' | 'write'): CypherQuery {
    const q = this.catalog.get(name);
    if (q.mode !== mode) throw new Error(`query ${name} is declared @mode ${q.mode} but was run as ${mode}`);
    return q;
  }

  async read<T extends RecordShape = RecordShape>(name: string, params: Params = {}): Promise<T[]> {
    const q = this.query(name, 'read');
    const res = await this.driver.executeQuery<{ records: { toObject(): T }[] }>(q.text, params, {
      routing: neo4j.routing.READ,
      database: this.database,
      resultTransformer: neo4j.resultTransformers.eagerResultTransformer() as never,
    });
    return res.records.map((r) => r.toObject());
  }

  async write<T extends RecordShape = RecordShape>(name: string, params: Params = {}): Promise<T[]> {
    const q = this.query(name, 'write');
    const res = await this.driver.executeQuery<{ records: { toObject(): T }[] }>(q.text, params, {
      routing: neo4j.routing.WRITE,
      database: this.database,
      resultTransformer: neo4j.resultTransformers.eagerResultTransformer() as never,
    });
    return res.records.map((r) => r.toObject());
  }

  /** Several catalog queries in one write transaction: all land or none does. */
  async writeTransaction<R>(work: (run: (name: string, params?: Params, only?: Specialise) => Promise<RecordShape[]>) => Promise<R>): Promise<R> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx: ManagedTransaction) =>
        work(async (name, params = {}, only) => {
          const q = this.query(name, 'write');
          const res = await tx.run(specialised(q.text, only), params);
          return res.records.map((r) => r.toObject());
        }),
      );
    } finally {
      await session.close();
    }
  }

  /** Schema statements (from cypher/schema only) run one per auto-commit transaction, as Neo4j requires. */
  async runSchemaStatement(statement: string): Promise<void> {
    await this.driver.executeQuery(statement, {}, { routing: neo4j.routing.WRITE, database: this.database });
  }

  async awaitIndexes(timeoutSeconds = 300): Promise<void> {
    await this.driver.executeQuery('CALL db.awaitIndexes($t)', { t: timeoutSeconds }, { routing: neo4j.routing.WRITE, database: this.database });
  }

  /** Plans a statement without running it: used to check query files and to refuse writes before they run. */
  async explain(text: string, params: Params = {}): Promise<{ queryType: string }> {
    const res = await this.driver.executeQuery(`EXPLAIN ${text}`, params, { routing: neo4j.routing.READ, database: this.database });
    return { queryType: String(res.summary.queryType) };
  }

  /**
   * Runs Cypher that did not come from cypher/ (stored or ad-hoc analyst queries) in a READ transaction with a
   * timeout, keeping at most maxRows records. Callers must refuse writes before (features/queries: EXPLAIN and
   * the guard); the read access mode is the second wall, not the only one.
   */
  async readUntrusted(text: string, params: Params, opts: { timeoutMs: number; maxRows: number }): Promise<UntrustedResult> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(
        async (tx: ManagedTransaction) => {
          const result = tx.run(text, params);
          const records: Neo4jRecord[] = [];
          let truncated = false;
          for await (const record of result) {
            if (records.length >= opts.maxRows) {
              truncated = true;
              break;
            }
            records.push(record);
          }
          const keys = records[0]?.keys.map(String) ?? (await result.keys()).map(String);
          return { keys, records, truncated };
        },
        { timeout: opts.timeoutMs, metadata: { app: 'moneytrail', kind: 'untrusted-read' } },
      );
    } finally {
      await session.close();
    }
  }

  async serverInfo(): Promise<{ address: string; version: string; edition: string | null }> {
    const info = await this.driver.getServerInfo({ database: this.database });
    const [rec] = await this.read<{ version: string; edition: string }>('health.components');
    return { address: info.address ?? '', version: rec?.version ?? info.agent ?? '', edition: rec?.edition ?? null };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
