import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import type { NeighboursResponse, RelationshipsAmongResponse } from '../../server/api-types.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing } from '../support/truth.js';

const SOURCE = 'org:aurelwyn-bank';
const OTHER_BANK = 'org:fjordline-bank';

describe('POST /api/relationships/among: the relationships that come along when entities are put on the canvas', () => {
  const db = openTestDatabase();
  let app: Express;
  let analyst: SignedInAgent;
  let sourceBank: SignedInAgent;
  let ring: SeedRing;
  let operator: string;

  beforeAll(async () => {
    ring = (await seedSmall(db)).rings[0]!;
    operator = ring.sellers.find((s) => s.role === 'operator')!.uid;
    // a relationship a bank supplied under restriction: only that bank may see it
    await db.driver.executeQuery(
      `MATCH (op:Entity {uid: $operator}), (d:Entity {uid: $domain})
       CREATE (op)-[:CONTROLS {sources: [$source], restriction: 'source_only', basis: 'bank intelligence'}]->(d)`,
      { operator, domain: ring.domains[0]!.uid, source: SOURCE },
    );
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    analyst = await signedInAgent(app, db, 'analyst', { organisationId: OTHER_BANK });
    sourceBank = await signedInAgent(app, db, 'analyst', { organisationId: SOURCE });
  });
  afterAll(() => db.close());

  const among = async (agent: SignedInAgent, body: unknown) => {
    const res = await agent.post('/api/relationships/among').send(body as object);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as RelationshipsAmongResponse;
  };
  const neighbours = async (id: string) => {
    const res = await analyst.get(`/api/nodes/${encodeURIComponent(id)}/neighbours`).query({ limit: 500 });
    expect(res.status).toBe(200);
    return res.body as NeighboursResponse;
  };

  it("the ring's sellers and domains come with exactly the relationships between them that expanding each shows", async () => {
    const ids = [...ring.sellers.map((s) => s.uid), ...ring.domains.map((d) => d.uid)];
    const set = new Set(ids);
    const body = await among(analyst, { ids });
    // the seller operating the ring's websites is among them
    const operates = body.edges.filter((e) => e.type === 'OPERATES');
    expect(operates.length).toBeGreaterThan(0);
    for (const e of operates) {
      expect(ring.sellers.map((s) => s.uid)).toContain(e.source);
      expect(ring.domains.map((d) => d.uid)).toContain(e.target);
    }
    // nothing leads outside the set, and nothing the neighbours endpoint shows between them is missing
    for (const e of body.edges) expect(set.has(e.source) && set.has(e.target)).toBe(true);
    const expected = new Set<string>();
    for (const id of ids) for (const e of (await neighbours(id)).edges) if (set.has(e.source) && set.has(e.target)) expected.add(e.id);
    expect(new Set(body.edges.map((e) => e.id))).toEqual(expected);
    expect(body.truncated).toBe(false);
  });

  it('new entities connect to what the canvas already shows, and the limit is reported', async () => {
    const domains = ring.domains.map((d) => d.uid);
    const body = await among(analyst, { ids: [operator], canvas: domains });
    const operated = body.edges.filter((e) => e.type === 'OPERATES' && e.source === operator).map((e) => e.target);
    expect(operated.length).toBeGreaterThan(0);
    for (const d of operated) expect(domains).toContain(d);
    // relationships among the canvas nodes alone are not repeated: each one touches the new entity
    for (const e of body.edges) expect([e.source, e.target]).toContain(operator);

    const limited = await among(analyst, { ids: [operator], canvas: domains, limit: 1 });
    expect(limited.edges).toHaveLength(1);
    expect(limited.truncated).toBe(body.edges.length > 1);
  });

  it('need-to-know: a restricted relationship reaches only the bank that supplied it', async () => {
    const ids = [operator, ring.domains[0]!.uid];
    const controls = (b: RelationshipsAmongResponse) => b.edges.filter((e) => e.type === 'CONTROLS' && e.properties.basis === 'bank intelligence');
    expect(controls(await among(analyst, { ids }))).toHaveLength(0);
    expect(controls(await among(sourceBank, { ids }))).toHaveLength(1);
  });

  it('bad input is refused with 400 naming the field; the lists are bounded', async () => {
    const empty = await analyst.post('/api/relationships/among').send({ ids: [] });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toMatch(/ids/);
    const tooMany = await analyst.post('/api/relationships/among').send({ ids: Array.from({ length: 5001 }, (_, i) => `x:${i}`) });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toMatch(/at most 5000/);
    const badLimit = await analyst.post('/api/relationships/among').send({ ids: [operator], limit: 'all' });
    expect(badLimit.status).toBe(400);
    expect(JSON.stringify(badLimit.body)).toMatch(/limit/);
    // not signed in
    const { default: request } = await import('supertest');
    expect([401, 403]).toContain((await request(app).post('/api/relationships/among').send({ ids: [operator] })).status);
  });
});
