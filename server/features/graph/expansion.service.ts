import { toPlain } from '../../db/values.js';
import type { Viewer } from '../../domain/need-to-know.js';
import { errors } from '../../errors.js';
import { presentEdge, presentNode } from './graph.presenter.js';
import type { GraphRepository } from './graph.repository.js';
import type { GraphNode } from './graph.schemas.js';
import type { ExpansionRepository } from './expansion.repository.js';
import type { ExpandQuery, ExpandResponse, NodeSummary } from './expansion.schemas.js';

/**
 * Relationships read at most to rank one expansion. A merchant with 200,000 payments is ranked among its first
 * 20,000; the reply says so (rankedAmong) and the rest stays reachable through the keyset cursor of a plain
 * expansion, never by reading everything at once.
 */
export const EXPAND_SCAN_CAP = 20_000;

const text = (v: unknown) => (v == null ? null : String(toPlain(v)));

export class ExpansionService {
  constructor(
    private readonly repo: ExpansionRepository,
    private readonly graph: GraphRepository,
  ) {}

  /**
   * Top N by a measure, then the next N: keyset paging on (score, relationship id), so a page never repeats one
   * already sent, whatever the analyst did on the canvas in between (offsets would shift and repeat).
   */
  async expand(viewer: Viewer, id: string, q: ExpandQuery): Promise<ExpandResponse> {
    const [self, counts] = await Promise.all([this.repo.findNodes(viewer, [id]), this.graph.neighbourCounts(id, viewer)]);
    const row = self[0];
    if (!row) throw errors.notFound(`entity "${id}"`);
    const total = counts
      .filter((c) => (q.direction === 'both' || c.direction === q.direction) && (!q.types || q.types.includes(c.type)))
      .reduce((sum, c) => sum + c.count, 0);
    const rows =
      total === 0
        ? []
        : await this.repo.ranked(viewer, id, {
            types: q.types ?? null,
            direction: q.direction,
            measure: q.measure,
            limit: q.limit,
            scanCap: EXPAND_SCAN_CAP,
            cursor: q.cursor ?? null,
          });
    const nodes = new Map<string, GraphNode>();
    for (const r of rows) if (r.uid !== id && !nodes.has(r.uid)) nodes.set(r.uid, presentNode(r, viewer));
    const edges = rows.map((r) => presentEdge(r, viewer));
    const after = rows[0]?.after ?? 0;
    const rankedAmong = Math.min(total, EXPAND_SCAN_CAP);
    // Past the scan cap: what was ranked and not sent, plus everything never read.
    const remaining = Math.max(0, after - rows.length) + Math.max(0, total - rankedAmong);
    const last = rows[rows.length - 1];
    const nextCursor = last && after > rows.length ? `${last.score}|${last.relId}` : null;
    return { node: presentNode(row, viewer), nodes: [...nodes.values()], edges, measure: q.measure, total, remaining, nextCursor, rankedAmong, counts };
  }

  async summary(viewer: Viewer, id: string): Promise<NodeSummary> {
    const row = await this.repo.summary(viewer, id);
    if (!row) throw errors.notFound(`entity "${id}"`);
    return {
      id,
      money: row.money.map((m) => ({ ...m, total: Math.round(m.total * 100) / 100, first: text(m.first), last: text(m.last) })),
      reports: row.reports.map((r) => ({ id: r.uid, caption: r.caption ?? r.uid, receivedAt: text(r.receivedAt) })),
      reportCount: row.reportCount,
    };
  }
}
