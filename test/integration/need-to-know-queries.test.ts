import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import { loadQueryLibrary } from '../../server/features/queries/queries.library.js';
import { QueriesRepository } from '../../server/features/queries/queries.repository.js';
import { QueriesService } from '../../server/features/queries/queries.service.js';
import type { QueryRunResult } from '../../server/api-types.js';
import { queryPredicate } from '../../server/features/queries/queries.need-to-know.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing, SeedTruth } from '../support/truth.js';

const SOURCE = 'org:aurelwyn-bank';
const OTHER_BANK = 'org:fjordline-bank';
const HIDDEN = { uid: 'seller:restricted-q-ellanthor', name: 'Corvina Ellanthor' };
const PARTLY = { uid: 'person:partly-restricted-q-mabry', name: 'Odo Mabry', secret: '1968-11-30' };

const visible = (...xs: string[]) => `all(x IN [${xs.join(', ')}] WHERE ${queryPredicate('x')})`;

/** A stored query that returns the restricted records in every shape a result can take, scalars included. */
const SHAPES_QUERY = `// @name ntk-shapes
// @title Sellers with their domains in every result shape
// @description Returns sellers as nodes, relationships, paths, lists, maps, property maps and scalars.
// @result table
MATCH p = (s:Seller)-[r:OPERATES]->(d:Domain)
WHERE ${visible('s', 'r', 'd')}
RETURN s, r, p, [s, d] AS list, {seller: s, domain: d} AS map, properties(s) AS props, s.name AS name, null AS born
UNION ALL
MATCH (s:Person)
WHERE s.uid STARTS WITH 'person:partly-restricted-q-'
  AND ${visible('s')}
RETURN s, null AS r, null AS p, [s] AS list, {seller: s} AS map, properties(s) AS props, s.name AS name, s.dateOfBirth AS born`;

describe('need-to-know in stored queries and the console', () => {
  const db = openTestDatabase();
  let app: Express;
  let ring: SeedRing;
  let truth: SeedTruth;
  let otherAnalyst: SignedInAgent;
  let sourceAnalyst: SignedInAgent;
  let otherData: SignedInAgent;

  beforeAll(async () => {
    truth = await seedSmall(db);
    ring = truth.rings[0]!;
    await db.driver.executeQuery(
      `MATCH (d:Entity {uid: $domain})
       CREATE (s:Entity:Seller {uid: $hidden.uid, caption: $hidden.name, name: $hidden.name, keywords: [$hidden.name], sources: [$source], restriction: 'source_only'})
       CREATE (s)-[:OPERATES {sources: [$source], restriction: 'source_only'}]->(d)
       CREATE (:Entity:Person {uid: $partly.uid, caption: $partly.name, name: $partly.name, keywords: [$partly.name], dateOfBirth: $partly.secret,
         sources: [$source], restriction: 'source_only', restrictedKeys: ['dateOfBirth']})`,
      { domain: ring.domains[0]!.uid, hidden: HIDDEN, partly: PARTLY, source: SOURCE },
    );
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    otherAnalyst = await signedInAgent(app, db, 'analyst', { organisationId: OTHER_BANK });
    sourceAnalyst = await signedInAgent(app, db, 'analyst', { organisationId: SOURCE });
    otherData = await signedInAgent(app, db, 'data', { organisationId: OTHER_BANK });
    const saved = await otherData.post('/api/queries').send({ source: SHAPES_QUERY, publish: true });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  });
  afterAll(() => db.close());

  const run = async (agent: SignedInAgent) => {
    const res = await agent.post('/api/queries/ntk-shapes/run').send({});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { body: res.body as QueryRunResult, text: JSON.stringify(res.body) };
  };

  it('a stored query never hands an analyst of another organisation the restricted seller, in any shape, scalars included', async () => {
    const theirs = await run(otherAnalyst);
    expect(theirs.text).not.toContain('Ellanthor');
    expect(theirs.text).not.toContain(HIDDEN.uid);
    expect(theirs.text).not.toContain(PARTLY.secret);
    // in a query a record with a restricted property is left out as a whole: the query could compute with it
    expect(theirs.text).not.toContain(PARTLY.uid);
    // every seller of the ring that is not restricted is still there
    for (const s of ring.sellers.filter((x) => x.role === 'operator')) expect(theirs.body.graph.nodes.map((n) => n.id)).toContain(s.uid);

    const mine = await run(sourceAnalyst);
    expect(mine.body.graph.nodes.map((n) => n.id)).toContain(HIDDEN.uid);
    expect(mine.body.rows.map((r) => r.name)).toContain(HIDDEN.name);
    expect(mine.body.rows.find((r) => r.name === PARTLY.name)?.born).toBe(PARTLY.secret);
    expect(mine.body.withheld).toBe(0);
  });

  it('a query that forgets the need-to-know check is refused on save, publish and in the console, naming what to add', async () => {
    const leaky = 'MATCH (s:Seller)-[r:OPERATES]->(d:Domain) WHERE ' + visible('s') + ' RETURN s.name AS seller, d.name AS domain';
    const saved = await otherData.post('/api/queries').send({ source: `// @name ntk-leaky\n// @description forgets r and d\n${leaky}`, publish: true });
    expect(saved.status).toBe(400);
    expect(saved.body.error.message).toMatch(/need-to-know: r, d are not checked/);
    expect(saved.body.error.message).toContain(visible('r', 'd'));
    expect((await otherAnalyst.post('/api/queries/ntk-leaky/run').send({})).status).toBe(404);
    const console = await otherData.post('/api/console/run').send({ cypher: 'MATCH (s:Seller {uid: $uid}) RETURN s.name AS name', params: { uid: HIDDEN.uid } });
    expect(console.status).toBe(400);
    expect(JSON.stringify(console.body)).not.toContain('Ellanthor');
    // an anonymous relationship cannot be checked, and an OR-ed predicate does not filter
    const anonymous = await otherData.post('/api/console/run').send({ cypher: `MATCH (s:Seller)-[:OPERATES]->(d:Domain) WHERE ${visible('s', 'd')} RETURN count(*) AS n` });
    expect(anonymous.body.error.message).toMatch(/name every node and relationship/);
    const weakened = await otherData.post('/api/console/run').send({ cypher: `MATCH (s:Seller) WHERE s.name IS NOT NULL OR ${queryPredicate('s')} RETURN s.name AS name` });
    expect(weakened.body.error.message).toMatch(/AND-ed directly into a WHERE/);
    expect(JSON.stringify(weakened.body)).not.toContain('Ellanthor');
  });

  it('a count computed by a shipped query leaves out a seller restricted to another organisation', async () => {
    await loadQueryLibrary(new QueriesService(new QueriesRepository(db)));
    // a buyer of this ring only, and a seller's account the buyer paid: a restricted seller is made to control it too
    const paid = await db.driver.executeQuery(
      `MATCH (b:Buyer)-[:HOLDS]->(:PaymentAccount)-[:SENT]->(:Transaction)-[:TO]->(a:PaymentAccount)<-[:CONTROLS]-(:Seller)
       WHERE b.uid IN $buyers AND NOT b.uid IN $elsewhere
       RETURN b.uid AS buyer, a.uid AS account LIMIT 1`,
      { buyers: ring.buyers, elsewhere: truth.rings.filter((r) => r.id !== ring.id).flatMap((r) => r.buyers) },
    );
    const { buyer, account } = paid.records[0]!.toObject() as { buyer: string; account: string };
    const ringsOf = async (agent: SignedInAgent) => {
      const res = await agent.post('/api/queries/buyers-in-several-rings/run').send({ params: { minRings: 1 } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const body = res.body as QueryRunResult;
      const row = body.rows.find((r) => JSON.stringify(r.buyer).includes(`"${buyer}"`));
      return { rings: row?.rings, text: JSON.stringify(body) };
    };
    const before = (await ringsOf(otherAnalyst)).rings as number;
    expect(before).toBeGreaterThanOrEqual(1);
    const secret = { uid: 'seller:restricted-q-varrow', name: 'Ysolde Varrow' };
    await db.driver.executeQuery(
      `MATCH (a:PaymentAccount {uid: $account})
       CREATE (s:Entity:Seller {uid: $secret.uid, caption: $secret.name, name: $secret.name, keywords: [$secret.name], sources: [$source], restriction: 'source_only'})
       CREATE (s)-[:CONTROLS {sources: [$source], restriction: 'source_only'}]->(a)`,
      { account, secret, source: SOURCE },
    );
    // the analyst of a third organisation: the count is what it was, the hidden seller is not in it
    const theirs = await ringsOf(otherAnalyst);
    expect(theirs.rings).toBe(before);
    expect(theirs.text).not.toContain(secret.name);
    expect(theirs.text).not.toContain(secret.uid);
    // the supplying organisation counts the restricted seller
    expect((await ringsOf(sourceAnalyst)).rings).toBe(before + 1);
  });

  it('the console applies the same rule to the data team of another organisation', async () => {
    const res = await otherData.post('/api/console/run').send({
      cypher: `MATCH (s:Seller {uid: $uid}) WHERE ${visible('s')} OPTIONAL MATCH (s)-[r]->(d) WHERE ${visible('r', 'd')} RETURN s, r, d, s.name AS name, properties(s) AS props`,
      params: { uid: HIDDEN.uid },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('Ellanthor');
    expect((res.body as QueryRunResult).rows).toHaveLength(0);
  });

  it('$viewer is supplied by the server: a caller cannot pretend to be the source organisation', async () => {
    const res = await otherData.post('/api/console/run').send({ cypher: 'RETURN $viewer.organisationId AS org', params: { viewer: { organisationId: SOURCE } } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/viewer/);
    const own = await otherData.post('/api/console/run').send({ cypher: 'RETURN $viewer.organisationId AS org' });
    expect((own.body as QueryRunResult).rows[0]!.org).toBe(OTHER_BANK);
  });

  it("queries naming MoneyTrail's own records are refused with a clear 400 before they run", async () => {
    for (const cypher of [
      'MATCH (u:User) RETURN u.email',
      'MATCH (n) RETURN n.passwordHash',
      "MATCH (n) WHERE 'Session' IN labels(n) RETURN n",
      'MATCH (a:AuditRecord) RETURN count(a)',
      'MATCH (n:$($l)) RETURN n',
    ]) {
      const res = await otherData.post('/api/console/run').send({ cypher, params: cypher.includes('$l') ? { l: 'User' } : {} });
      expect(res.status, cypher).toBe(400);
      expect(res.body.error.message, cypher).toMatch(/^refused: /);
    }
    const stored = await otherData.post('/api/queries').send({ source: '// @name peek-users\n// @description users\nMATCH (u:User) RETURN u.email AS email' });
    expect(stored.status).toBe(400);
    expect(stored.body.error.message).toMatch(/User/);
  });

  it('nodes that are not investigation entities are left out of console results', async () => {
    const res = await otherData.post('/api/console/run').send({ cypher: `MATCH (n) WHERE NOT n:Entity AND ${queryPredicate('n')} RETURN n LIMIT 5` });
    expect(res.status).toBe(200);
    const body = res.body as QueryRunResult;
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows.every((r) => r.n === null)).toBe(true);
    expect(body.notice).toMatch(/internal record/);
  });

  it('analysts run only published queries: a draft is not found and a version cannot be chosen', async () => {
    const draft = await otherData.post('/api/queries').send({ source: `// @name ntk-draft\n// @description a draft\nMATCH (s:Seller) WHERE ${visible('s')} RETURN s LIMIT 1`, publish: false });
    expect(draft.status).toBe(201);
    expect((await otherAnalyst.post('/api/queries/ntk-draft/run').send({})).status).toBe(404);
    expect((await otherAnalyst.post('/api/queries/ntk-draft/run').send({ version: 1 })).status).toBe(403);
    expect((await otherAnalyst.post('/api/console/run').send({ cypher: 'RETURN 1' })).status).toBe(403);
  });
});
