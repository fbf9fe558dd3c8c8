import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import type { FlowTransactionsResponse, MoneyTrailResponse, PathsResponse, AccountFlowsResponse } from '../../server/api-types.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedTruth } from '../support/truth.js';

const cents = (x: number) => Math.round(x * 100);

describe('paths and money trails on the planted demo network', () => {
  const db = openTestDatabase();
  let app: Express;
  let truth: SeedTruth;
  let agent: SignedInAgent;

  beforeAll(async () => {
    truth = await seedSmall(db);
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    agent = await signedInAgent(app, db, 'analyst');
  });
  afterAll(() => db.close());

  const get = async <T>(path: string, query: Record<string, string | number>) => {
    const res = await agent.get(path).query(query);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as T;
  };

  it("follows each planted buyer's money downstream to exactly the planted sinks with the planted totals", async () => {
    for (const ring of truth.rings) {
      const planted = ring.plantedBuyer;
      const trail = await get<MoneyTrailResponse>('/api/trails/money', { from: planted.uid, direction: 'downstream', maxHops: 6 });
      expect(trail.startAccounts).toEqual([planted.cardUid]);
      const got = trail.sinks.map((s) => ({ uid: s.id, total: s.total })).sort((a, b) => a.uid.localeCompare(b.uid));
      const want = [...planted.trail.sinks].sort((a, b) => a.uid.localeCompare(b.uid));
      expect(got, ring.id).toEqual(want);
      expect(trail.totals).toEqual([{ currency: 'EUR', total: planted.trail.total }]);
      expect(trail.truncated).toBe(false);
      // every flow is an edge between accounts that are in the reply, weighted by its payments
      const ids = new Set(trail.nodes.map((n) => n.id));
      for (const f of trail.flows) {
        expect(ids.has(f.source) && ids.has(f.target)).toBe(true);
        expect(f.count).toBeGreaterThan(0);
        expect(f.first <= f.last).toBe(true);
      }
      // the money reaching each sink is the sum of the flows into it
      for (const s of trail.sinks) {
        const into = trail.flows.filter((f) => f.target === s.id).reduce((sum, f) => sum + cents(f.total), 0);
        expect(into).toBe(cents(s.total));
      }
    }
  });

  it('from the ring operator the trail reaches every cash-out account with the whole proceeds', async () => {
    const ring = truth.rings[0]!;
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    const trail = await get<MoneyTrailResponse>('/api/trails/money', { from: operator.uid, maxHops: 6 });
    const cashOuts = ring.cashOutAccounts.filter((c) => c.totalIn > 0);
    for (const c of cashOuts) expect(trail.sinks.find((s) => s.id === c.uid)?.total, c.uid).toBe(c.totalIn);
    const sinkTotal = trail.sinks.filter((s) => cashOuts.some((c) => c.uid === s.id)).reduce((a, s) => a + cents(s.total), 0);
    expect(sinkTotal).toBe(cents(ring.proceedsTotal));
  });

  it('each hop is later than the previous one: a date window and a hop limit shrink the trail', async () => {
    const ring = truth.rings[0]!;
    const planted = ring.plantedBuyer;
    const oneHop = await get<MoneyTrailResponse>('/api/trails/money', { from: planted.cardUid, maxHops: 1 });
    expect(oneHop.flows.every((f) => f.source === planted.cardUid)).toBe(true);
    expect(oneHop.sinks).toHaveLength(0); // the receiving account sends the money on: not a sink, a frontier
    expect(oneHop.frontier.length).toBeGreaterThan(0);
    const before = await get<MoneyTrailResponse>('/api/trails/money', { from: planted.cardUid, dateTo: planted.firstPaymentAt.slice(0, 10) + 'T00:00:00Z' });
    expect(before.flows).toHaveLength(0);
    const big = await get<MoneyTrailResponse>('/api/trails/money', { from: planted.cardUid, minAmount: 1_000_000 });
    expect(big.flows).toHaveLength(0);
  });

  it('upstream from a cash-out account finds the accounts the money came from', async () => {
    const ring = truth.rings[0]!;
    const sink = ring.plantedBuyer.trail.sinks[0]!;
    const trail = await get<MoneyTrailResponse>('/api/trails/money', { from: sink.uid, direction: 'upstream', maxHops: 6 });
    const sources = new Set(trail.flows.map((f) => f.source));
    expect(sources.has(ring.plantedBuyer.cardUid)).toBe(true);
    expect(trail.flows.every((f) => f.source !== sink.uid)).toBe(true);
  });

  it('an aggregated flow opens into its individual payments', async () => {
    const ring = truth.rings[0]!;
    const trail = await get<MoneyTrailResponse>('/api/trails/money', { from: ring.sellers[0]!.uid });
    const flow = [...trail.flows].sort((a, b) => b.count - a.count)[0]!;
    const opened = await get<FlowTransactionsResponse>('/api/trails/flow-transactions', { source: flow.source, target: flow.target });
    const txs = opened.nodes.filter((n) => n.label === 'Transaction');
    expect(txs.length).toBeGreaterThanOrEqual(flow.count);
    expect(opened.edges.filter((e) => e.type === 'SENT').every((e) => e.source === flow.source)).toBe(true);
    const total = txs.reduce((s, t) => s + cents(Number(t.properties.amount)), 0);
    expect(total).toBeGreaterThanOrEqual(cents(flow.total));

    const perAccount = await get<AccountFlowsResponse>(`/api/nodes/${encodeURIComponent(flow.source)}/flows`, { direction: 'out' });
    const same = perAccount.flows.find((f) => f.target === flow.target)!;
    expect(same.count).toBeGreaterThanOrEqual(flow.count);
  });

  it('finds the shortest path between a planted buyer and its ring operator', async () => {
    for (const ring of truth.rings) {
      const operator = ring.sellers.find((s) => s.role === 'operator')!;
      const body = await get<PathsResponse>('/api/paths', { from: ring.plantedBuyer.uid, to: operator.uid, maxLength: 6 });
      expect(body.paths.length).toBeGreaterThan(0);
      const lengths = body.paths.map((p) => p.length);
      expect(new Set(lengths).size).toBe(1); // all shortest: the same length
      for (const p of body.paths) {
        expect(p.nodeIds[0]).toBe(ring.plantedBuyer.uid);
        expect(p.nodeIds[p.nodeIds.length - 1]).toBe(operator.uid);
        expect(p.edgeIds).toHaveLength(p.length);
      }
      const nodeIds = new Set(body.nodes.map((n) => n.id));
      expect(body.paths.flatMap((p) => p.nodeIds).every((id) => nodeIds.has(id))).toBe(true);
    }
  });

  it('respects maximum length and allowed relationship types', async () => {
    const ring = truth.rings[0]!;
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    const tooShort = await get<PathsResponse>('/api/paths', { from: ring.plantedBuyer.uid, to: operator.uid, maxLength: 1 });
    expect(tooShort.paths).toHaveLength(0);
    expect(tooShort.unconnected).toEqual([{ source: ring.plantedBuyer.uid, target: operator.uid }]);
    const onlyHosting = await get<PathsResponse>('/api/paths', { from: ring.plantedBuyer.uid, to: operator.uid, types: 'HOSTED_BY,RESOLVES_TO' });
    expect(onlyHosting.paths).toHaveLength(0);
    const money = await get<PathsResponse>('/api/paths', { from: ring.plantedBuyer.uid, to: operator.uid, types: 'HOLDS,SENT,TO,VIA,CONTROLS,SETTLES_TO' });
    for (const e of money.edges) expect(['HOLDS', 'SENT', 'TO', 'VIA', 'CONTROLS', 'SETTLES_TO']).toContain(e.type);
  });

  it('"how are these connected" links a buyer, the operator and a cash-out account', async () => {
    const ring = truth.rings[0]!;
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    const ids = [ring.plantedBuyer.uid, operator.uid, ring.cashOutAccounts[0]!.uid];
    const body = await get<PathsResponse>('/api/connections', { ids: ids.join(','), maxLength: 6 });
    const onCanvas = new Set(body.nodes.map((n) => n.id));
    for (const id of ids) expect(onCanvas.has(id)).toBe(true);
    expect(body.paths.length + body.unconnected.length).toBeGreaterThanOrEqual(3);
  });

  it('explains bad input in words, naming the field', async () => {
    const ring = truth.rings[0]!;
    const hops = await agent.get('/api/trails/money').query({ from: ring.plantedBuyer.uid, maxHops: 50 });
    expect(hops.status).toBe(400);
    expect(hops.body.error.message).toContain('maxHops');
    const date = await agent.get('/api/trails/money').query({ from: ring.plantedBuyer.uid, dateFrom: 'last tuesday' });
    expect(date.status).toBe(400);
    expect(date.body.error.message).toContain('dateFrom');
    const same = await agent.get('/api/paths').query({ from: ring.plantedBuyer.uid, to: ring.plantedBuyer.uid });
    expect(same.status).toBe(400);
    const missing = await agent.get('/api/trails/money').query({ from: 'acct:nope' });
    expect(missing.status).toBe(404);
    const noAccounts = await agent.get('/api/trails/money').query({ from: truth.background.providers[0]! });
    expect(noAccounts.status).toBe(400);
    expect(noAccounts.body.error.message).toContain('no payment accounts');
    const one = await agent.get('/api/connections').query({ ids: ring.plantedBuyer.uid });
    expect(one.status).toBe(400);
    expect(one.body.error.message).toContain('ids');
  });

  it('refuses callers who are not signed in', async () => {
    const { default: request } = await import('supertest');
    const res = await request(app).get('/api/trails/money').query({ from: truth.rings[0]!.plantedBuyer.uid });
    expect(res.status).toBe(401);
  });
});
