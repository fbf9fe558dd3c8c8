import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import { ImportRepository } from '../../server/features/import/import.repository.js';
import { ImportService } from '../../server/features/import/import.service.js';
import type { DuplicateSummary } from '../../server/api-types.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { TEST_PAN_KEY, openTestDatabase, seedSmall } from '../support/test-db.js';

/**
 * Two partners describe overlapping people without a shared strong identifier. Planted:
 *  - a true weak duplicate across partners: "Katarina Novak" (registrar) / "Katharina Nowák" (hotline, FtM), both GB, born 1979-03-14;
 *  - a true same-IP duplicate: two sign-ups from 198.51.100.40 twenty minutes apart;
 *  - near-misses that must NOT be proposed: "Peter Lindt" (same country, other birth date) vs "Peter Lind";
 *    "Pernilla Lindqvist" (same country and birth date as Peter Lind, different name); an IP reused two days later.
 */
const REGISTRAR = [
  'domain,registered_on,registrar,registrant_name,registrant_email,registrant_phone,registrant_country,registrant_birth_date,signup_ip,signup_at,server_ip,hosting_company',
  'novak-files.example,2025-04-01,Anchorless Domains,Katarina Novak,k.novak@example.com,,GB,1979-03-14,198.51.100.20,2025-04-01T10:00:00Z,192.0.2.50,Stormhold Hosting',
  'lind-media.example,2025-04-01,Anchorless Domains,Peter Lind,p.lind@example.com,,SE,1980-01-01,198.51.100.30,2025-04-01T09:00:00Z,192.0.2.51,Stormhold Hosting',
  'berg-vault.example,2025-04-02,Anchorless Domains,Ola Berg,ola.berg@example.com,,NO,1990-02-02,198.51.100.40,2025-04-02T10:00:00Z,192.0.2.52,Stormhold Hosting',
  'holm-share.example,2025-04-02,Anchorless Domains,Anders Holm,a.holm@example.net,,NO,,198.51.100.40,2025-04-02T10:20:00Z,192.0.2.52,Stormhold Hosting',
  'voss-depot.example,2025-04-03,Anchorless Domains,Lena Voss,lena.voss@example.org,,DE,,198.51.100.30,2025-04-03T09:00:00Z,192.0.2.53,Stormhold Hosting',
].join('\n');
const HOTLINE = [
  { id: 'hp-novak', schema: 'Person', properties: { name: ['Katharina Nowák'], birthDate: ['1979-03-14'], nationality: ['gb'], email: ['katharina.nowak@example.org'] } },
  { id: 'hp-lindt', schema: 'Person', properties: { name: ['Peter Lindt'], birthDate: ['1992-07-30'], nationality: ['se'] } },
  { id: 'hp-lindqvist', schema: 'Person', properties: { name: ['Pernilla Lindqvist'], birthDate: ['1980-01-01'], nationality: ['se'] } },
]
  .map((e) => JSON.stringify(e))
  .join('\n');

const NOVAK_A = 'person:registrant:k.novak@example.com';
const NOVAK_B = 'person:ftm:hp-novak';

describe('weak-match entity resolution: possible duplicates, merge, reject, undo', () => {
  const db = openTestDatabase();
  const service = new ImportService(new ImportRepository(db));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mt-resolution-'));
  let app: Express;
  let data: SignedInAgent;
  let analyst: SignedInAgent;
  const q = async <T,>(cypher: string, params: Record<string, unknown> = {}) =>
    (await db.driver.executeQuery(cypher, params, { database: db.database })).records.map((r) => r.toObject() as T);
  /** every entity (uid, labels, properties) and every relationship between entities (type, endpoints, properties) */
  const snapshot = async () => {
    const nodes = await q<{ uid: string; labels: string[] }>('MATCH (n:Entity) RETURN n.uid AS uid, labels(n) AS labels');
    const props = await q<{ uid: string; p: unknown }>('MATCH (n:Entity) RETURN n.uid AS uid, properties(n) AS p ORDER BY uid');
    const rels = await q<{ s: string; p: unknown }>("MATCH (a:Entity)-[r]->(b:Entity) RETURN a.uid + ' -' + type(r) + '-> ' + b.uid AS s, properties(r) AS p ORDER BY s");
    const norm = (xs: unknown[]) => xs.map((x) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).sort();
    return { nodes: norm(nodes), props: norm(props), rels: norm(rels) };
  };
  const open = async () => (await data.get('/api/duplicates?status=open')).body.duplicates as DuplicateSummary[];
  const involving = (list: DuplicateSummary[], uid: string) => list.filter((d) => d.a?.uid === uid || d.b?.uid === uid);

  beforeAll(async () => {
    await seedSmall(db);
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null, panKey: TEST_PAN_KEY });
    data = await signedInAgent(app, db, 'data');
    analyst = await signedInAgent(app, db, 'analyst');
    const file = (name: string, text: string) => {
      const p = path.join(tmp, name);
      writeFileSync(p, text);
      return p;
    };
    await service.run({ path: file('registrar.csv', REGISTRAR), fileName: 'registrar.csv', organisation: 'registrar-r', mapping: 'registrar-hosting', user: 'test', panKey: TEST_PAN_KEY });
    await service.run({ path: file('hotline.ftm.json', HOTLINE), fileName: 'hotline.ftm.json', organisation: 'hotline-h', mapping: 'ftm', user: 'test', panKey: TEST_PAN_KEY });
  });
  afterAll(() => db.close());

  it('proposes the similar-name pair from the two partners and the same-IP pair, and none of the near-misses', async () => {
    const list = await open();
    const novak = involving(list, NOVAK_A);
    expect(novak).toHaveLength(1);
    expect([novak[0]!.a?.uid, novak[0]!.b?.uid].sort()).toEqual([NOVAK_A, NOVAK_B].sort());
    expect(novak[0]!.reason).toMatch(/similar names/);
    expect(novak[0]!.reason).toMatch(/GB/);
    expect(new Set([...novak[0]!.a!.sources, ...novak[0]!.b!.sources])).toEqual(new Set(['org:registrar-r', 'org:hotline-h']));

    const ip = involving(list, 'person:registrant:ola.berg@example.com');
    expect(ip).toHaveLength(1);
    expect([ip[0]!.a?.uid, ip[0]!.b?.uid]).toContain('person:registrant:a.holm@example.net');
    expect(ip[0]!.reason).toMatch(/same IP address 198\.51\.100\.40 used 20 minutes apart/);

    for (const uid of ['person:ftm:hp-lindt', 'person:ftm:hp-lindqvist', 'person:registrant:p.lind@example.com', 'person:registrant:lena.voss@example.org'])
      expect(involving(list, uid), uid).toEqual([]);
  });

  it('re-importing a file proposes nothing new, and other roles cannot decide', async () => {
    const before = (await open()).length;
    const again = await service.run({ path: path.join(tmp, 'hotline.ftm.json'), fileName: 'hotline.ftm.json', organisation: 'hotline-h', mapping: 'ftm', user: 'test', panKey: TEST_PAN_KEY });
    expect(again.outcome).toBe('unchanged');
    expect((await open()).length).toBe(before);
    const [d] = involving(await open(), NOVAK_A);
    expect((await analyst.post(`/api/duplicates/${d!.id}/merge`).send({})).status).toBe(403);
    expect((await analyst.get('/api/duplicates')).status).toBe(403);
    const bad = await data.post('/api/duplicates/not-an-id/merge').send({});
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/id/);
  });

  it('merging moves relationships onto the survivor, keeps both provenances, search for the merged-away name finds the survivor, and undo restores the exact graph', async () => {
    const before = await snapshot();
    const [d] = involving(await open(), NOVAK_A);
    const mergedRels = await q<{ n: number }>('MATCH (m:Entity {uid: $uid})-[r]-() RETURN count(r) AS n', { uid: NOVAK_B });
    expect(mergedRels[0]!.n).toBeGreaterThan(0);

    const res = await data.post(`/api/duplicates/${d!.id}/merge`).send({ keep: NOVAK_A });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ survivor: NOVAK_A, merged: NOVAK_B, relationshipsMoved: Number(mergedRels[0]!.n) });

    const [s] = await q<{ sources: string[]; importIds: string[]; mergedUids: string[]; degree: number }>(
      'MATCH (s:Entity {uid: $uid}) RETURN s.sources AS sources, s.importIds AS importIds, s.mergedUids AS mergedUids, COUNT { (s)--() } AS degree',
      { uid: NOVAK_A },
    );
    expect(s!.sources).toEqual(expect.arrayContaining(['org:registrar-r', 'org:hotline-h']));
    expect(s!.importIds).toHaveLength(2);
    expect(s!.mergedUids).toEqual([NOVAK_B]);
    expect(await q('MATCH (m:Entity {uid: $uid}) RETURN m', { uid: NOVAK_B })).toHaveLength(0);
    // the e-mail the hotline reported now hangs off the survivor
    expect(await q("MATCH (:Entity {uid: $uid})-[:USES_EMAIL]->(e:Email {uid: 'email:katharina.nowak@example.org'}) RETURN e", { uid: NOVAK_A })).toHaveLength(1);
    const hits = (await analyst.get('/api/search').query({ q: 'Nowák' })).body.hits as { id: string }[];
    expect(hits.map((h) => h.id)).toContain(NOVAK_A);
    expect(hits.map((h) => h.id)).not.toContain(NOVAK_B);
    expect(involving(await open(), NOVAK_A)).toEqual([]);

    const undo = await data.post(`/api/merges/${res.body.mergeId}/undo`);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.relationshipsRestored).toBe(Number(mergedRels[0]!.n));
    const after = await snapshot();
    expect(after.nodes).toEqual(before.nodes);
    expect(after.rels).toEqual(before.rels);
    expect(after.props).toEqual(before.props);
    expect(involving(await open(), NOVAK_A)).toHaveLength(1);
    expect((await data.post(`/api/merges/${res.body.mergeId}/undo`)).status).toBe(400);
  });

  it('a re-sent record of a merged-away person lands on the survivor instead of recreating the duplicate', async () => {
    const [d] = involving(await open(), NOVAK_A);
    const res = await data.post(`/api/duplicates/${d!.id}/merge`).send({ keep: NOVAK_A });
    expect(res.status).toBe(200);
    const p = path.join(tmp, 'hotline-2.ftm.json');
    writeFileSync(p, JSON.stringify({ id: 'hp-novak', schema: 'Person', properties: { name: ['Katharina Nowák'], birthDate: ['1979-03-14'], nationality: ['gb'], phone: ['+44 20 7946 0999'] } }) + '\n');
    await service.run({ path: p, fileName: 'hotline-2.ftm.json', organisation: 'hotline-h', mapping: 'ftm', user: 'test', panKey: TEST_PAN_KEY });
    expect(await q('MATCH (m:Entity {uid: $uid}) RETURN m', { uid: NOVAK_B })).toHaveLength(0);
    expect(await q('MATCH (:Entity {uid: $uid})-[:USES_PHONE]->(p:Phone) RETURN p', { uid: NOVAK_A })).toHaveLength(1);
  });

  it('rejecting a proposal closes it for good', async () => {
    const [d] = involving(await open(), 'person:registrant:ola.berg@example.com');
    const res = await data.post(`/api/duplicates/${d!.id}/reject`);
    expect(res.status).toBe(200);
    expect(involving(await open(), 'person:registrant:ola.berg@example.com')).toEqual([]);
    const rejected = (await data.get('/api/duplicates?status=rejected')).body.duplicates as DuplicateSummary[];
    expect(rejected.map((x) => x.id)).toContain(d!.id);
    expect((await data.post(`/api/duplicates/${d!.id}/merge`).send({})).status).toBe(400);
  });
});
