import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing } from '../support/truth.js';

const SOURCE = 'org:aurelwyn-bank';
const OTHER_BANK = 'org:fjordline-bank';

/**
 * A bank hands over, "source only", one more payment out of a ring's cash-out account into an offshore account it
 * alone knows about. Trails, paths and ranked expansion must show it to that bank and to nobody else — neither the
 * account nor the amount, not even inside a total.
 */
const OFFSHORE = { uid: 'acct:restricted-offshore-tellmarch', caption: 'Tellmarch Trust offshore account' };
const AMOUNT = 98_765.43;

describe('need-to-know on money trails, paths and ranked expansion', () => {
  const db = openTestDatabase();
  let app: Express;
  let ring: SeedRing;
  let cashOut: string;
  let otherBank: SignedInAgent;
  let source: SignedInAgent;

  beforeAll(async () => {
    ring = (await seedSmall(db)).rings[0]!;
    cashOut = ring.cashOutAccounts[0]!.uid;
    // the payment is the latest in the graph, so a time-respecting trail through the cash-out account reaches it
    await db.driver.executeQuery(
      `MATCH (c:Entity {uid: $cashOut})
       CREATE (o:Entity:PaymentAccount {uid: $offshore.uid, caption: $offshore.caption, keywords: [$offshore.caption],
         kind: 'bank_account', currency: 'EUR', sources: [$source], importIds: ['test'], firstSeen: datetime(), restriction: 'source_only'})
       CREATE (t:Entity:Transaction {uid: 'tx:restricted-offshore-1', caption: 'offshore transfer', amount: $amount, currency: 'EUR',
         timestamp: datetime('2026-01-15T10:00:00Z'), status: 'settled', sources: [$source], importIds: ['test'], firstSeen: datetime(),
         restriction: 'source_only'})
       CREATE (c)-[:SENT {sources: [$source], importIds: ['test'], firstSeen: datetime(), restriction: 'source_only'}]->(t)
       CREATE (t)-[:TO {sources: [$source], importIds: ['test'], firstSeen: datetime(), restriction: 'source_only'}]->(o)`,
      { cashOut, offshore: OFFSHORE, amount: AMOUNT, source: SOURCE },
    );
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    otherBank = await signedInAgent(app, db, 'analyst', { organisationId: OTHER_BANK });
    source = await signedInAgent(app, db, 'analyst', { organisationId: SOURCE });
  });
  afterAll(() => db.close());

  const trail = async (agent: SignedInAgent) => {
    const res = await agent.get('/api/trails/money').query({ from: cashOut, direction: 'downstream', maxHops: 3 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { body: res.body as { sinks: { id: string; total: number }[] }, text: JSON.stringify(res.body) };
  };

  it('the money trail shows the restricted payment to its source and to nobody else', async () => {
    const seen = await trail(source);
    expect(seen.body.sinks.find((s) => s.id === OFFSHORE.uid)?.total).toBeCloseTo(AMOUNT, 2);

    const hidden = await trail(otherBank);
    expect(hidden.body.sinks.map((s) => s.id)).not.toContain(OFFSHORE.uid);
    expect(hidden.text).not.toContain('Tellmarch');
    expect(hidden.text).not.toContain(String(AMOUNT));
  });

  it('a shortest path does not run through the restricted payment for another bank', async () => {
    const q = { from: cashOut, to: OFFSHORE.uid, maxLength: 4 };
    const seen = await source.get('/api/paths').query(q);
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body.paths.length).toBeGreaterThan(0);

    const hidden = await otherBank.get('/api/paths').query(q);
    expect([200, 404]).toContain(hidden.status);
    expect(JSON.stringify(hidden.body)).not.toContain('Tellmarch');
    if (hidden.status === 200) expect(hidden.body.paths).toEqual([]);
  });

  it('ranked expansion of the cash-out account leaves the restricted payment out, and does not count it', async () => {
    const expand = (agent: SignedInAgent) =>
      agent.get(`/api/nodes/${encodeURIComponent(cashOut)}/expand`).query({ types: 'SENT', measure: 'amount', limit: 200 });
    const seen = await expand(source);
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    const hidden = await expand(otherBank);
    expect(hidden.status).toBe(200);
    const ids = (r: typeof seen) => (r.body.nodes as { id: string }[]).map((n) => n.id);
    expect(ids(seen)).toContain('tx:restricted-offshore-1');
    expect(ids(hidden)).not.toContain('tx:restricted-offshore-1');
    expect(JSON.stringify(hidden.body)).not.toContain(String(AMOUNT));
  });
});
