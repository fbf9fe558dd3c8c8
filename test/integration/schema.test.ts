import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/migrations.js';
import { luhnValid } from '../../server/domain/pan.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';

describe('schema migrations and the stored demo data', () => {
  const db = openTestDatabase();
  beforeAll(() => seedSmall(db));
  afterAll(() => db.close());

  const rows = async (cypher: string) => (await db.driver.executeQuery(cypher, {}, { database: db.database })).records.map((r) => r.toObject());

  it('records every migration and re-applying them changes nothing', async () => {
    const recorded = await rows('MATCH (m:Migration) RETURN m.id AS id ORDER BY id');
    expect(recorded.map((r) => r.id)).toEqual(expect.arrayContaining(['schema.001-entity-keys', 'schema.002-lookup-indexes', 'schema.003-search-fulltext']));
    expect(await applyMigrations(db)).toEqual([]);
  });

  it('has the uid constraint and the full-text index online', async () => {
    const constraints = await rows('SHOW CONSTRAINTS YIELD name RETURN name');
    expect(constraints.map((c) => c.name)).toContain('entity_uid');
    const indexes = await rows("SHOW INDEXES YIELD name, type, state WHERE name = 'entity_search' RETURN type, state");
    expect(indexes).toEqual([{ type: 'FULLTEXT', state: 'ONLINE' }]);
  });

  it('refuses a second entity with the same uid', async () => {
    const [{ uid }] = (await rows('MATCH (d:Domain) RETURN d.uid AS uid LIMIT 1')) as [{ uid: string }];
    await expect(db.driver.executeQuery('CREATE (:Entity:Domain {uid: $uid})', { uid }, { database: db.database })).rejects.toThrow(/already exists/);
  });

  it('every entity and relationship records its provenance', async () => {
    const [nodes] = await rows(
      'MATCH (n:Entity) RETURN count(n) AS total, count(CASE WHEN size(n.sources) > 0 AND size(n.importIds) > 0 AND n.firstSeen IS NOT NULL THEN 1 END) AS withProvenance',
    );
    expect(nodes!.total).toBeGreaterThan(1000);
    expect(nodes!.withProvenance).toBe(nodes!.total);
    const [rels] = await rows(
      'MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS total, count(CASE WHEN size(r.sources) > 0 AND size(r.importIds) > 0 AND r.firstSeen IS NOT NULL THEN 1 END) AS withProvenance',
    );
    expect(rels!.withProvenance).toBe(rels!.total);
  });

  it('stores no card number in clear: cards hold a keyed hash, BIN and last 4 only', async () => {
    const cards = await rows("MATCH (a:PaymentAccount {kind: 'card'}) RETURN a.panHash AS panHash, a.bin AS bin, a.last4 AS last4, keys(a) AS keys");
    expect(cards.length).toBeGreaterThan(10);
    for (const c of cards) {
      expect(c.panHash).toMatch(/^[0-9a-f]{64}$/);
      expect(c.bin).toMatch(/^\d{6}$/);
      expect(c.last4).toMatch(/^\d{4}$/);
      expect(c.keys).not.toContain('pan');
    }
    // no property of a card or a payment holds a Luhn-valid run of 13-19 digits (a PAN in clear)
    const props = await rows("MATCH (n) WHERE (n:PaymentAccount AND n.kind = 'card') OR n:Transaction RETURN properties(n) AS p");
    const leaks = props.flatMap(({ p }) =>
      Object.entries(p as Record<string, unknown>)
        .filter(([k]) => k !== 'panHash')
        .flatMap(([, v]) => String(v).match(/(?<!\d)\d{13,19}(?!\d)/g) ?? [])
        .filter(luhnValid),
    );
    expect(leaks).toEqual([]);
  });
});
