import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import type { ExpandResponse, NodeSummary } from '../../server/api-types.js';
import { EXPAND_SCAN_CAP } from '../../server/features/graph/expansion.service.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedTruth } from '../support/truth.js';

/** A merchant planted by this test with more payments than one expansion may ever read. */
const SUPER = 'merchant:test-super-node';
const SUPER_PAYMENTS = EXPAND_SCAN_CAP + 5_000;

describe('controlled expansion: top N by a measure, next N, bounded on a super-node', () => {
  const db = openTestDatabase();
  let app: Express;
  let truth: SeedTruth;
  let agent: SignedInAgent;

  beforeAll(async () => {
    truth = await seedSmall(db);
    const prov = { sources: ['org:test'], importIds: ['test-import'] };
    await db.driver.executeQuery(
      `CREATE (m:Entity:Merchant {uid: $uid, caption: 'Super merchant', name: 'Super merchant', sources: $prov.sources, importIds: $prov.importIds, firstSeen: datetime('2024-01-01T00:00:00Z')})
       WITH m
       UNWIND range(1, $n) AS i
       CREATE (t:Entity:Transaction {uid: 'tx:super-' + i, caption: 'payment ' + i, amount: toFloat((i * 7919) % 10007) / 10.0, currency: 'EUR',
               timestamp: datetime('2024-01-01T00:00:00Z') + duration({minutes: i}), status: 'settled',
               sources: $prov.sources, importIds: $prov.importIds, firstSeen: datetime('2024-01-01T00:00:00Z')})
       CREATE (t)-[:VIA {sources: $prov.sources, importIds: $prov.importIds}]->(m)`,
      { uid: SUPER, n: SUPER_PAYMENTS, prov },
    );
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    agent = await signedInAgent(app, db, 'analyst');
  });
  afterAll(() => db.close());

  const expand = async (id: string, query: Record<string, string | number>) => {
    const res = await agent.get(`/api/nodes/${encodeURIComponent(id)}/expand`).query(query);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as ExpandResponse;
  };

  it('a super-node expansion is bounded and says what it left out', async () => {
    const body = await expand(SUPER, { measure: 'amount', limit: 50 });
    expect(body.edges).toHaveLength(50);
    expect(body.total).toBe(SUPER_PAYMENTS);
    expect(body.remaining).toBe(SUPER_PAYMENTS - 50);
    expect(body.rankedAmong).toBe(EXPAND_SCAN_CAP);
    expect(body.counts).toContainEqual({ type: 'VIA', direction: 'in', count: SUPER_PAYMENTS });
    const amounts = body.nodes.map((n) => Number(n.properties.amount));
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
  });

  it('asking again brings the next N, never one already sent, in measure order', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let lastAmount = Number.POSITIVE_INFINITY;
    for (let page = 0; page < 4; page++) {
      const body: ExpandResponse = await expand(SUPER, { measure: 'amount', limit: 100, ...(cursor ? { cursor } : {}) });
      expect(body.edges).toHaveLength(100);
      for (const e of body.edges) {
        expect(seen.has(e.id), `page ${page} repeats ${e.id}`).toBe(false);
        seen.add(e.id);
      }
      const amounts = body.nodes.map((n) => Number(n.properties.amount));
      expect(Math.max(...amounts)).toBeLessThanOrEqual(lastAmount);
      lastAmount = Math.min(...amounts);
      expect(body.remaining).toBe(SUPER_PAYMENTS - seen.size);
      cursor = body.nextCursor;
      expect(cursor).not.toBeNull();
    }
  });

  it('recency and degree rank too; plain expansion pages through a small node completely', async () => {
    const recent = await expand(SUPER, { measure: 'recency', limit: 5 });
    const times = recent.nodes.map((n) => String(n.properties.timestamp));
    expect([...times].sort().reverse()).toEqual(times);
    expect(times[0]!.startsWith('2024-01-18')).toBe(true); // the last of 25,000 minutes after 1 January

    const ring = truth.rings[0]!;
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    const all: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const body: ExpandResponse = await expand(operator.uid, { measure: 'degree', limit: 3, ...(cursor ? { cursor } : {}) });
      all.push(...body.edges.map((e) => e.id));
      cursor = body.nextCursor;
      if (!cursor) {
        expect(body.remaining).toBe(0);
        expect(all).toHaveLength(body.total);
        break;
      }
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it('one type in one direction only', async () => {
    const ring = truth.rings[0]!;
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    const body = await expand(operator.uid, { types: 'OPERATES', direction: 'out', limit: 500 });
    expect(body.edges.length).toBeGreaterThan(0);
    expect(body.edges.every((e) => e.type === 'OPERATES' && e.source === operator.uid)).toBe(true);
    expect(body.remaining).toBe(0);
  });

  it('the side panel gets money in and out and linked reports', async () => {
    const res = await agent.get(`/api/nodes/${encodeURIComponent(SUPER)}/summary`);
    expect(res.status).toBe(200);
    const summary = res.body as NodeSummary;
    const acquired = summary.money.find((m) => m.direction === 'acquired')!;
    expect(acquired.count).toBe(SUPER_PAYMENTS);
    const domain = truth.rings[0]!.domains[0]!;
    const d = (await agent.get(`/api/nodes/${encodeURIComponent(domain.uid)}/summary`)).body as NodeSummary;
    expect(d.reportCount).toBe(d.reports.length <= 25 ? d.reports.length : d.reportCount);
  });

  it('rejects a bad measure or a forged cursor in words', async () => {
    const bad = await agent.get(`/api/nodes/${encodeURIComponent(SUPER)}/expand`).query({ measure: 'size' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('measure');
    const forged = await agent.get(`/api/nodes/${encodeURIComponent(SUPER)}/expand`).query({ cursor: 'abc' });
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toContain('cursor');
  });
});
