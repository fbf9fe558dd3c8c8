import type { Database, UntrustedResult } from '../../db/database.js';
import { toPlain } from '../../db/values.js';
import type { NodeRow } from '../graph/graph.presenter.js';
import type { Viewer } from '../../domain/need-to-know.js';

export interface StoredQueryRow {
  name: string;
  publishedVersion: number | null;
  latestVersion: number;
  publishedSource: string | null;
  latestSource: string;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface VersionRow {
  version: number;
  source: string;
  checksum: string;
  createdAt: string | null;
  createdBy: string | null;
  note: string | null;
  origin: string;
  publishedVersion: number | null;
}

export interface NewVersionRow {
  name: string;
  source: string;
  checksum: string;
  createdBy: string;
  note: string;
  origin: string;
  publish: boolean;
}

/** The only code of the feature that talks to Neo4j. */
export class QueriesRepository {
  constructor(private readonly db: Database) {}

  async list(): Promise<StoredQueryRow[]> {
    const rows = await this.db.read<StoredQueryRow>('stored-queries.list');
    return rows.map((r) => ({ ...r, updatedAt: toPlain(r.updatedAt) as string | null }));
  }

  async versions(name: string): Promise<VersionRow[]> {
    const rows = await this.db.read<VersionRow>('stored-queries.versions', { name });
    return rows.map((r) => ({ ...r, createdAt: toPlain(r.createdAt) as string | null }));
  }

  /** one version; version null = the published one */
  async version(name: string, version: number | null): Promise<(VersionRow & { latestVersion: number }) | null> {
    const [row] = await this.db.read<VersionRow & { latestVersion: number }>('stored-queries.version', { name, version });
    return row ? { ...row, createdAt: toPlain(row.createdAt) as string | null } : null;
  }

  async save(rows: NewVersionRow[]): Promise<{ name: string; version: number; publishedVersion: number | null }[]> {
    if (rows.length === 0) return [];
    return this.db.write('stored-queries.save', { rows }) as Promise<{ name: string; version: number; publishedVersion: number | null }[]>;
  }

  async publish(name: string, version: number, by: string): Promise<boolean> {
    const rows = await this.db.write('stored-queries.publish', { name, version, by });
    return rows.length > 0;
  }

  async checksums(names: string[]): Promise<Map<string, Set<string>>> {
    const rows = await this.db.read<{ name: string; checksums: string[] }>('stored-queries.checksums', { names });
    return new Map(rows.map((r) => [r.name, new Set(r.checksums)]));
  }

  async schema(): Promise<{ labels: string[]; relationshipTypes: string[]; propertyKeys: string[] }> {
    const [row] = await this.db.read<{ labels: string[]; relationshipTypes: string[]; propertyKeys: string[] }>('stored-queries.schema');
    return row ?? { labels: [], relationshipTypes: [], propertyKeys: [] };
  }

  async nodesByElementId(ids: string[], viewer: Viewer): Promise<(NodeRow & { elementId: string })[]> {
    if (ids.length === 0) return [];
    return this.db.read<NodeRow & { elementId: string }>('stored-queries.nodes-by-element-id', { ids, viewer });
  }

  /** which of these entity ids name an entity the viewer may see */
  async visibleEntities(uids: string[], viewer: Viewer): Promise<Set<string>> {
    if (uids.length === 0) return new Set();
    const rows = await this.db.read<{ uid: string }>('stored-queries.visible-entities', { uids, viewer });
    return new Set(rows.map((r) => r.uid));
  }

  /** plans analyst Cypher without running it */
  async explain(cypher: string, params: Record<string, unknown>): Promise<string> {
    return (await this.db.explain(cypher, params)).queryType;
  }

  /** runs analyst Cypher in a read transaction (the service has refused writes before) */
  async runRead(cypher: string, params: Record<string, unknown>, opts: { timeoutMs: number; maxRows: number }): Promise<UntrustedResult> {
    return this.db.readUntrusted(cypher, params, opts);
  }
}
