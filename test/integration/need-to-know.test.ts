import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import type { GraphNode, NeighboursResponse, SearchResponse } from '../../server/api-types.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing } from '../support/truth.js';

const SOURCE = 'org:aurelwyn-bank';
const OTHER_BANK = 'org:fjordline-bank';
const POLICE = 'org:tideway-cyber-unit';

/** Records planted for this test: what a bank handed over under a handling restriction. */
const HIDDEN_SELLER = { uid: 'seller:restricted-quillonmere', name: 'Ysolde Quillonmere' };
const SOURCE_ONLY_ACCOUNT = { uid: 'acct:restricted-varrowdene', name: 'Varrowdene Holdings account' };
const PARTLY_RESTRICTED = { uid: 'person:partly-restricted-brannoch', name: 'Tamsin Brannoch', secret: '1979-04-12', keys: ['dateOfBirth'] };

describe('need-to-know: restricted records never reach a user who may not see them', () => {
  const db = openTestDatabase();
  let app: Express;
  let ring: SeedRing;
  let otherBank: SignedInAgent; // a coalition partner that did not supply the records
  let source: SignedInAgent; // the bank that supplied them
  let police: SignedInAgent; // law enforcement

  beforeAll(async () => {
    ring = (await seedSmall(db)).rings[0]!;
    const domain = ring.domains[0]!.uid;
    const operator = ring.sellers.find((s) => s.role === 'operator')!.uid;
    await db.driver.executeQuery(
      `MATCH (d:Entity {uid: $domain}), (op:Entity {uid: $operator})
       CREATE (s:Entity:Seller {uid: $seller.uid, caption: $seller.name, name: $seller.name, keywords: [$seller.name],
         sources: [$source], restriction: 'source_and_le'})
       CREATE (s)-[:OPERATES {sources: [$source], restriction: 'source_and_le'}]->(d)
       CREATE (a:Entity:PaymentAccount {uid: $account.uid, caption: $account.name, keywords: [$account.name], kind: 'bank_account',
         sources: [$source], restriction: 'source_only'})
       CREATE (op)-[:HOLDS {sources: [$source]}]->(a)
       CREATE (p:Entity:Person {uid: $person.uid, caption: $person.name, name: $person.name, keywords: [$person.name],
         dateOfBirth: $person.secret, country: 'NL', sources: [$source], restriction: 'source_and_le', restrictedKeys: $person.keys})
       CREATE (p)-[:HOLDS {sources: [$source]}]->(a)
       WITH p
       MATCH (visible:Entity {uid: $visibleAccount})
       CREATE (p)-[:HOLDS {sources: [$source]}]->(visible)
       WITH p
       MATCH (d:Entity {uid: $domain}), (op:Entity {uid: $operator})
       CREATE (op)-[:CONTROLS {sources: [$source], restriction: 'source_only', basis: 'bank intelligence'}]->(d)`,
      { domain, operator, seller: HIDDEN_SELLER, account: SOURCE_ONLY_ACCOUNT, person: PARTLY_RESTRICTED, source: SOURCE, visibleAccount: ring.paymentAccounts[0]! },
    );
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    otherBank = await signedInAgent(app, db, 'analyst', { organisationId: OTHER_BANK });
    source = await signedInAgent(app, db, 'analyst', { organisationId: SOURCE });
    police = await signedInAgent(app, db, 'supervisor', { organisationId: POLICE });
  });
  afterAll(() => db.close());

  const search = async (agent: SignedInAgent, q: string) => {
    const res = await agent.get('/api/search').query({ q });
    expect(res.status).toBe(200);
    return { ids: (res.body as SearchResponse).hits.map((h) => h.id), text: JSON.stringify(res.body) };
  };
  const expand = async (agent: SignedInAgent, id: string) => {
    const res = await agent.get(`/api/nodes/${encodeURIComponent(id)}/neighbours`).query({ limit: 500 });
    expect(res.status).toBe(200);
    return { body: res.body as NeighboursResponse, text: JSON.stringify(res.body) };
  };
  const count = (r: NeighboursResponse, type: string, direction: string) => r.counts.find((c) => c.type === type && c.direction === direction)?.count ?? 0;

  it('search: the other bank does not find the restricted seller or account; the source and the police do', async () => {
    const hidden = await search(otherBank, HIDDEN_SELLER.name);
    expect(hidden.ids).not.toContain(HIDDEN_SELLER.uid);
    expect(hidden.text.replace(/"query":"[^"]*"/, '')).not.toContain('Quillonmere');
    expect((await search(otherBank, 'Varrowdene')).ids).not.toContain(SOURCE_ONLY_ACCOUNT.uid);

    expect((await search(source, HIDDEN_SELLER.name)).ids[0]).toBe(HIDDEN_SELLER.uid);
    expect((await search(source, 'Varrowdene')).ids).toContain(SOURCE_ONLY_ACCOUNT.uid);
    expect((await search(police, HIDDEN_SELLER.name)).ids[0]).toBe(HIDDEN_SELLER.uid);
    // "source only" keeps even the police out
    expect((await search(police, 'Varrowdene')).ids).not.toContain(SOURCE_ONLY_ACCOUNT.uid);
  });

  it('opening a restricted record by its id answers 404, exactly as for a record that does not exist', async () => {
    const res = await otherBank.get(`/api/nodes/${encodeURIComponent(HIDDEN_SELLER.uid)}`);
    const missing = await otherBank.get('/api/nodes/seller%3Ano-such-seller');
    expect(res.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(res.body.error.id).toBe(missing.body.error.id);
    expect((await otherBank.get(`/api/nodes/${encodeURIComponent(HIDDEN_SELLER.uid)}/neighbours`)).status).toBe(404);
    expect((await source.get(`/api/nodes/${encodeURIComponent(HIDDEN_SELLER.uid)}`)).status).toBe(200);
  });

  it('expanding the domain hides the restricted operator and relationship from the other bank, counts included', async () => {
    const domain = ring.domains[0]!.uid;
    const theirs = await expand(otherBank, domain);
    const full = await expand(source, domain);
    expect(theirs.body.nodes.map((n) => n.id)).not.toContain(HIDDEN_SELLER.uid);
    expect(theirs.text).not.toContain('Quillonmere');
    expect(full.body.nodes.map((n) => n.id)).toContain(HIDDEN_SELLER.uid);
    // the restricted OPERATES and CONTROLS relationships are neither shown nor counted
    expect(count(theirs.body, 'OPERATES', 'in')).toBe(count(full.body, 'OPERATES', 'in') - 1);
    expect(count(theirs.body, 'CONTROLS', 'in')).toBe(count(full.body, 'CONTROLS', 'in') - 1);
    expect(theirs.body.edges.some((e) => e.type === 'CONTROLS')).toBe(false);
    expect(theirs.body.total).toBe(full.body.total - 2);
    expect(theirs.text).not.toContain('bank intelligence');
  });

  it('expanding the operator does not show the source-only account to the other bank or the police', async () => {
    const operator = ring.sellers.find((s) => s.role === 'operator')!.uid;
    for (const agent of [otherBank, police]) {
      const r = await expand(agent, operator);
      expect(r.body.nodes.map((n) => n.id)).not.toContain(SOURCE_ONLY_ACCOUNT.uid);
      expect(r.text).not.toContain('Varrowdene');
    }
    expect((await expand(source, operator)).body.nodes.map((n) => n.id)).toContain(SOURCE_ONLY_ACCOUNT.uid);
  });

  it('a record with restricted properties is shown without them to those not cleared, with them to the cleared', async () => {
    const id = encodeURIComponent(PARTLY_RESTRICTED.uid);
    const theirs = await otherBank.get(`/api/nodes/${id}`);
    expect(theirs.status).toBe(200);
    const node = theirs.body as GraphNode;
    expect(node.caption).toBe(PARTLY_RESTRICTED.name);
    expect(node.properties.country).toBe('NL');
    expect(node.properties).not.toHaveProperty('dateOfBirth');
    expect(JSON.stringify(theirs.body)).not.toContain(PARTLY_RESTRICTED.secret);
    // and not through a neighbour's expansion either
    const viaAccount = await expand(otherBank, ring.paymentAccounts[0]!);
    expect(viaAccount.body.nodes.find((n) => n.id === PARTLY_RESTRICTED.uid)?.properties).not.toHaveProperty('dateOfBirth');
    expect(viaAccount.text).not.toContain(PARTLY_RESTRICTED.secret);
    for (const agent of [source, police]) expect(((await agent.get(`/api/nodes/${id}`)).body as GraphNode).properties.dateOfBirth).toBe(PARTLY_RESTRICTED.secret);
  });
});
