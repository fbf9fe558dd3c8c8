import type { Database } from '../../db/database.js';
import type { Viewer } from '../../domain/need-to-know.js';
import type { NodeRow, RelRow } from '../graph/graph.presenter.js';

export interface HopRow {
  source: string;
  target: string;
  tx: string;
  amount: number;
  currency: string;
  at: number;
}
export interface HopFilters {
  minAmount: number | null;
  from: string | null;
  to: string | null;
  limit: number;
}
export interface PathRow {
  source: string;
  target: string;
  nodes: NodeRow[];
  rels: RelRow[];
}
export interface FlowTxRow extends NodeRow {
  sentId: string;
  sentProps: Record<string, unknown>;
  toId: string;
  toProps: Record<string, unknown>;
}
export interface AccountFlowRow {
  counterparty: string;
  currency: string;
  total: number;
  count: number;
  first: number;
  last: number;
}

export class TrailsRepository {
  constructor(private readonly db: Database) {}

  async startAccounts(viewer: Viewer, id: string, max: number): Promise<{ uid: string; labels: string[]; accounts: string[] } | null> {
    const [row] = await this.db.read<{ uid: string; labels: string[]; accounts: string[] }>('trails.start-accounts', { viewer, id, max });
    return row ?? null;
  }

  downstreamHop(viewer: Viewer, frontier: { uid: string; after: number | null }[], f: HopFilters): Promise<HopRow[]> {
    return this.db.read<HopRow>('trails.downstream-hop', { viewer, frontier, minAmount: f.minAmount, from: f.from, to: f.to, limit: f.limit });
  }

  upstreamHop(viewer: Viewer, frontier: { uid: string; before: number | null }[], f: HopFilters): Promise<HopRow[]> {
    return this.db.read<HopRow>('trails.upstream-hop', { viewer, frontier, minAmount: f.minAmount, from: f.from, to: f.to, limit: f.limit });
  }

  shortestPaths(viewer: Viewer, pairs: { from: string; to: string }[], types: string[] | null, maxLength: number, perPair: number): Promise<PathRow[]> {
    return this.db.read<PathRow>('trails.shortest-paths', { viewer, pairs, types, maxLength, perPair });
  }

  flowTransactions(viewer: Viewer, source: string, target: string, from: string | null, to: string | null, limit: number): Promise<FlowTxRow[]> {
    return this.db.read<FlowTxRow>('trails.flow-transactions', { viewer, source, target, from, to, limit });
  }

  accountFlows(viewer: Viewer, id: string, direction: 'in' | 'out', scanCap: number, limit: number): Promise<AccountFlowRow[]> {
    return this.db.read<AccountFlowRow>('trails.account-flows', { viewer, id, direction, scanCap, limit });
  }
}

/** Entities by uid, in one query (implemented by the graph repository). */
export interface NodeLookup {
  findNodes(viewer: Viewer, ids: string[]): Promise<NodeRow[]>;
}
