import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import type { NeighboursResponse } from '../../server/api-types.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing, SeedTruth } from '../support/truth.js';

describe('GET /api/nodes/:id/neighbours on the demo network', () => {
  const db = openTestDatabase();
  let app: Express;
  let analyst: SignedInAgent;
  let truth: SeedTruth;
  let ring: SeedRing;

  beforeAll(async () => {
    truth = await seedSmall(db);
    ring = truth.rings[0]!;
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    analyst = await signedInAgent(app, db, 'analyst');
  });
  afterAll(() => db.close());

  const expand = async (id: string, query: Record<string, string | number> = {}) => {
    const res = await analyst.get(`/api/nodes/${encodeURIComponent(id)}/neighbours`).query(query);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as NeighboursResponse;
  };

  it("expanding the ring operator shows the domains it operates and the accounts it holds", async () => {
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    const body = await expand(operator.uid, { limit: 500 });
    expect(body.node.id).toBe(operator.uid);
    expect(body.node.label).toBe('Seller');
    const operated = body.edges.filter((e) => e.type === 'OPERATES' && e.source === operator.uid).map((e) => e.target);
    const ringDomains = new Set(ring.domains.map((d) => d.uid));
    expect(operated.length).toBeGreaterThan(0);
    expect(operated.every((d) => ringDomains.has(d))).toBe(true);
    const held = body.edges.filter((e) => (e.type === 'HOLDS' || e.type === 'CONTROLS') && e.source === operator.uid).map((e) => e.target);
    expect(held.some((a) => ring.paymentAccounts.includes(a) || ring.merchantAccounts.includes(a))).toBe(true);
    // every edge ends on the expanded node and a node that is in the reply
    const ids = new Set([operator.uid, ...body.nodes.map((n) => n.id)]);
    for (const e of body.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(body.omitted).toBe(0);
  });

  it('every node and relationship carries its provenance', async () => {
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    const body = await expand(operator.uid);
    for (const item of [body.node, ...body.nodes, ...body.edges]) {
      expect(item.provenance.sources.length).toBeGreaterThan(0);
      expect(item.provenance.importIds.length).toBeGreaterThan(0);
      expect(item.provenance.firstSeen).toMatch(/^\d{4}-\d\d-\d\d/);
    }
  });

  it('filters by relationship type and direction', async () => {
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    const body = await expand(operator.uid, { types: 'OPERATES', direction: 'out' });
    expect(body.edges.length).toBeGreaterThan(0);
    expect(body.edges.every((e) => e.type === 'OPERATES' && e.source === operator.uid)).toBe(true);
    const inbound = await expand(operator.uid, { types: 'OPERATES', direction: 'in' });
    expect(inbound.edges).toHaveLength(0);
    expect(inbound.total).toBe(0);
  });

  it('a limit keeps the reply small and says how many were left out', async () => {
    // the busiest ring account: its payments outnumber any small limit
    const counts = await Promise.all(
      ring.paymentAccounts.map(async (id) => ({ id, total: (await expand(id, { limit: 1 })).total })),
    );
    const busiest = counts.sort((a, b) => b.total - a.total)[0]!;
    expect(busiest.total).toBeGreaterThan(5);
    const body = await expand(busiest.id, { limit: 5 });
    expect(body.edges).toHaveLength(5);
    expect(body.total).toBe(busiest.total);
    expect(body.omitted).toBe(busiest.total - 5);
    const perType = body.counts.reduce((s, c) => s + c.count, 0);
    expect(perType).toBe(busiest.total);
  });

  it('answers 404 for an unknown entity and 400 for bad filters, in words', async () => {
    const missing = await analyst.get('/api/nodes/domain%3Ano-such.example/neighbours');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('entity "domain:no-such.example" was not found');

    const badType = await analyst.get(`/api/nodes/${encodeURIComponent(ring.domains[0]!.uid)}/neighbours?types=PAID_BY`);
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toContain('unknown relationship type "PAID_BY"');
    // the second of two types is wrong: named as people count, not as an array index
    const secondBad = await analyst.get(`/api/nodes/${encodeURIComponent(ring.domains[0]!.uid)}/neighbours?types=HOSTED_BY,PAID_BY`);
    expect(secondBad.status).toBe(400);
    expect(secondBad.body.error.message).toMatch(/^query parameter "types" \(value 2\): .*"PAID_BY"/);

    const badLimit = await analyst.get(`/api/nodes/${encodeURIComponent(ring.domains[0]!.uid)}/neighbours?limit=100000`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.message).toContain('limit must be at most 500');

    const badDirection = await analyst.get(`/api/nodes/${encodeURIComponent(ring.domains[0]!.uid)}/neighbours?direction=sideways`);
    expect(badDirection.status).toBe(400);
    expect(badDirection.body.error.message).toContain('direction');
  });

  it('GET /api/nodes/:id returns one entity with its label and caption', async () => {
    const domain = ring.domains[0]!;
    const res = await analyst.get(`/api/nodes/${encodeURIComponent(domain.uid)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: domain.uid, label: 'Domain', caption: domain.name });
    expect(res.body.properties.name).toBe(domain.name);
  });
});
