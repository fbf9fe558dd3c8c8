import type { Viewer } from '../../domain/need-to-know.js';
import { errors } from '../../errors.js';
import { presentEdge, presentNode } from '../graph/graph.presenter.js';
import type { GraphEdge, GraphNode } from '../graph/graph.schemas.js';
import { aggregateFlows, findSinks, walkTrail, type AggregatedFlow } from './trails.algorithm.js';
import type { NodeLookup, TrailsRepository } from './trails.repository.js';
import type {
  AccountFlowsQuery,
  AccountFlowsResponse,
  ConnectionsQuery,
  Flow,
  FlowTransactionsQuery,
  FlowTransactionsResponse,
  MoneyTrailQuery,
  MoneyTrailResponse,
  PathsQuery,
  PathsResponse,
} from './trails.schemas.js';

/** Payments read per hop at most; a trail that hits it says so (truncated) instead of reading a super-node. */
export const TRAIL_HOP_LIMIT = 20_000;
/** Start accounts at most (a seller with many accounts) */
const MAX_START_ACCOUNTS = 200;
/** Payments of one account read at most to aggregate its flows. */
const FLOW_SCAN_CAP = 50_000;

const iso = (ms: number) => new Date(ms).toISOString();
const amount = (cents: number) => Math.round(cents) / 100;

function presentFlow(f: AggregatedFlow): Flow {
  return {
    id: `flow:${f.source}>${f.target}${f.currency === 'EUR' ? '' : `:${f.currency}`}`,
    source: f.source,
    target: f.target,
    currency: f.currency,
    total: amount(f.cents),
    count: f.count,
    first: iso(f.first),
    last: iso(f.last),
    hop: f.hop,
  };
}

export class TrailsService {
  constructor(
    private readonly repo: TrailsRepository,
    private readonly nodes: NodeLookup,
  ) {}

  private async nodesFor(viewer: Viewer, ids: Iterable<string>): Promise<GraphNode[]> {
    const list = [...new Set(ids)];
    if (list.length === 0) return [];
    return (await this.nodes.findNodes(viewer, list)).map((n) => presentNode(n, viewer));
  }

  async paths(viewer: Viewer, q: PathsQuery): Promise<PathsResponse> {
    if (q.from === q.to) throw errors.badRequest('query parameters "from" and "to" must be two different entities');
    return this.connect(viewer, [{ from: q.from, to: q.to }], q.types ?? null, q.maxLength, q.limit);
  }

  /** "How are these connected": the shortest paths between every pair of the selection, merged. */
  async connections(viewer: Viewer, q: ConnectionsQuery): Promise<PathsResponse> {
    const ids = [...new Set(q.ids)];
    if (ids.length < 2) throw errors.badRequest('query parameter "ids": pick at least 2 different entities');
    const pairs = ids.flatMap((from, i) => ids.slice(i + 1).map((to) => ({ from, to })));
    return this.connect(viewer, pairs, q.types ?? null, q.maxLength, 3);
  }

  private async connect(viewer: Viewer, pairs: { from: string; to: string }[], types: string[] | null, maxLength: number, perPair: number): Promise<PathsResponse> {
    const known = await this.nodes.findNodes(viewer, [...new Set(pairs.flatMap((p) => [p.from, p.to]))]);
    const knownIds = new Set(known.map((n) => n.uid));
    const missing = pairs.flatMap((p) => [p.from, p.to]).find((id) => !knownIds.has(id));
    if (missing) throw errors.notFound(`entity "${missing}"`);
    const rows = await this.repo.shortestPaths(viewer, pairs, types, maxLength, perPair);
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    const paths = rows.map((row) => {
      for (const n of row.nodes) if (!nodes.has(n.uid)) nodes.set(n.uid, presentNode(n, viewer));
      for (const r of row.rels) if (!edges.has(r.relId)) edges.set(r.relId, presentEdge(r, viewer));
      return { source: row.source, target: row.target, length: row.rels.length, nodeIds: row.nodes.map((n) => n.uid), edgeIds: row.rels.map((r) => r.relId) };
    });
    const connected = new Set(rows.map((r) => `${r.source}\u0000${r.target}`));
    const unconnected = pairs.filter((p) => !connected.has(`${p.from}\u0000${p.to}`)).map((p) => ({ source: p.from, target: p.to }));
    return { paths, unconnected, nodes: [...nodes.values()], edges: [...edges.values()] };
  }

  async moneyTrail(viewer: Viewer, q: MoneyTrailQuery): Promise<MoneyTrailResponse> {
    if (q.dateFrom && q.dateTo && q.dateFrom > q.dateTo) throw errors.badRequest('query parameter "dateFrom" must be before "dateTo"');
    const start = await this.repo.startAccounts(viewer, q.from, MAX_START_ACCOUNTS);
    if (!start) throw errors.notFound(`entity "${q.from}"`);
    if (start.accounts.length === 0) {
      throw errors.badRequest(`"${q.from}" has no payment accounts to follow: start from an account, buyer, seller, merchant or domain`);
    }
    const filters = { minAmount: q.minAmount ?? null, from: q.dateFrom ?? null, to: q.dateTo ?? null, limit: TRAIL_HOP_LIMIT };
    const fetchHop =
      q.direction === 'downstream'
        ? (f: { uid: string; bound: number | null }[]) => this.repo.downstreamHop(viewer, f.map((x) => ({ uid: x.uid, after: x.bound })), filters)
        : (f: { uid: string; bound: number | null }[]) => this.repo.upstreamHop(viewer, f.map((x) => ({ uid: x.uid, before: x.bound })), filters);
    const walk = await walkTrail(start.accounts, q.direction, q.maxHops, TRAIL_HOP_LIMIT, fetchHop);

    // Accounts reached at the last hop: one more (unrecorded) hop tells whether the money moves on from them.
    const cutOff = new Set<string>();
    if (walk.unexplored.length > 0) {
      for (const row of await fetchHop(walk.unexplored)) cutOff.add(q.direction === 'downstream' ? row.source : row.target);
    }
    const flows = aggregateFlows(walk.payments.values());
    const sinks = findSinks(flows, q.direction, cutOff);
    const totals = new Map<string, number>();
    for (const s of sinks) totals.set(s.currency, (totals.get(s.currency) ?? 0) + s.cents);
    const accountIds = new Set<string>([...start.accounts, ...flows.flatMap((f) => [f.source, f.target])]);
    const nodes = await this.nodesFor(viewer, [q.from, ...accountIds]);
    return {
      direction: q.direction,
      origin: q.from,
      startAccounts: start.accounts,
      nodes,
      flows: flows.map(presentFlow),
      sinks: sinks.map((s) => ({ id: s.id, currency: s.currency, total: amount(s.cents) })),
      totals: [...totals].map(([currency, cents]) => ({ currency, total: amount(cents) })),
      payments: walk.payments.size,
      hops: walk.hops,
      truncated: walk.truncated,
      frontier: [...cutOff],
    };
  }

  async flowTransactions(viewer: Viewer, q: FlowTransactionsQuery): Promise<FlowTransactionsResponse> {
    const rows = await this.repo.flowTransactions(viewer, q.source, q.target, q.dateFrom ?? null, q.dateTo ?? null, q.limit + 1);
    const shown = rows.slice(0, q.limit);
    const nodes = [...(await this.nodesFor(viewer, [q.source, q.target])), ...shown.map((r) => presentNode(r, viewer))];
    const edges = shown.flatMap((r) => [
      presentEdge({ relId: r.sentId, type: 'SENT', source: q.source, target: r.uid, relProps: r.sentProps }, viewer),
      presentEdge({ relId: r.toId, type: 'TO', source: r.uid, target: q.target, relProps: r.toProps }, viewer),
    ]);
    return { nodes, edges, more: rows.length > q.limit };
  }

  async accountFlows(viewer: Viewer, id: string, q: AccountFlowsQuery): Promise<AccountFlowsResponse> {
    const [self] = await this.nodes.findNodes(viewer, [id]);
    if (!self) throw errors.notFound(`entity "${id}"`);
    const rows = await this.repo.accountFlows(viewer, id, q.direction, FLOW_SCAN_CAP, q.limit);
    const flows = rows.map((r) =>
      presentFlow({
        source: q.direction === 'out' ? id : r.counterparty,
        target: q.direction === 'out' ? r.counterparty : id,
        currency: r.currency,
        cents: Math.round(r.total * 100),
        count: r.count,
        first: r.first,
        last: r.last,
        hop: 1,
      }),
    );
    const count = rows.reduce((s, r) => s + r.count, 0);
    return { nodes: await this.nodesFor(viewer, [id, ...rows.map((r) => r.counterparty)]), flows, partial: count >= FLOW_SCAN_CAP };
  }
}
