import { readFileSync } from 'node:fs';
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
import { UsersRepository } from '../../server/features/users/users.repository.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { IMPORT_FIXTURES } from '../support/import-fixtures.js';
import { TEST_PAN_KEY, openTestDatabase, seedSmall } from '../support/test-db.js';

/**
 * The data team's own views of imported records follow need-to-know too: what an import wrote (FtM and CSV
 * exports) and the possible duplicates to decide.
 */
describe('need-to-know in import exports and possible duplicates', () => {
  const db = openTestDatabase();
  const service = new ImportService(new ImportRepository(db));
  const REGISTRAR = 'org:ntk-registrar';
  const OTHER = 'org:ntk-other-bank';
  let app: Express;
  let ownData: SignedInAgent;
  let otherData: SignedInAgent;
  let importId: string;
  let hidden: { uid: string; name: string; email: string };
  const q = async <T,>(cypher: string, params: Record<string, unknown> = {}) =>
    (await db.driver.executeQuery(cypher, params, { database: db.database })).records.map((r) => r.toObject() as T);

  beforeAll(async () => {
    await seedSmall(db);
    const users = new UsersRepository(db);
    await users.ensureOrganisation(REGISTRAR, 'NTK Registrar', 'registrar', new Date().toISOString());
    await users.ensureOrganisation(OTHER, 'NTK Other Bank', 'bank', new Date().toISOString());
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null, panKey: TEST_PAN_KEY });
    ownData = await signedInAgent(app, db, 'data', { organisationId: REGISTRAR });
    otherData = await signedInAgent(app, db, 'data', { organisationId: OTHER });
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'mt-ntk-import-'));
    const file = path.join(tmp, 'domains.csv');
    writeFileSync(file, readFileSync(path.join(IMPORT_FIXTURES, 'registrar-hosting.csv')));
    const outcome = await service.run({ path: file, fileName: 'domains.csv', organisation: REGISTRAR, mapping: 'registrar-hosting', user: 'test', panKey: TEST_PAN_KEY });
    importId = outcome.import.id;
    // the registrar restricts one registrant to itself: a person of a pair proposed as possible duplicates
    const [pair] = await q<{ a: string; b: string }>("MATCH (d:PossibleDuplicate {status: 'open'}) RETURN d.a AS a, d.b AS b LIMIT 1");
    expect(pair, 'the fixture proposes at least one possible duplicate').toBeDefined();
    const rows = await q<{ uid: string; name: string; email: string }>(
      `MATCH (p:Entity {uid: $uid})
       SET p.restriction = 'source_only'
       WITH p
       OPTIONAL MATCH (p)-[:USES_EMAIL]->(e:Email)
       RETURN p.uid AS uid, p.caption AS name, e.uid AS email`,
      { uid: pair!.b },
    );
    hidden = rows[0]!;
  });
  afterAll(() => db.close());

  it('the FtM and CSV exports of an import leave out a restricted record for another organisation', async () => {
    const text = (agent: SignedInAgent, url: string) =>
      agent.get(url).buffer(true).parse((res, done) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => done(null, body));
      });
    const theirs = await text(otherData, `/api/imports/${importId}/ftm`);
    expect(theirs.status).toBe(200);
    expect(theirs.body).not.toContain(hidden.uid);
    expect(theirs.body).not.toContain(hidden.name);
    const theirCsv = await otherData.get(`/api/imports/${importId}/entities.csv`);
    expect(theirCsv.status).toBe(200);
    expect(theirCsv.text).not.toContain(hidden.name);
    // the rest of what the import wrote is still there
    expect(theirCsv.text).toContain('velvet-archive.example');

    const mine = await text(ownData, `/api/imports/${importId}/ftm`);
    expect(mine.body).toContain(hidden.name);
    expect((await ownData.get(`/api/imports/${importId}/entities.csv`)).text).toContain(hidden.name);
  });

  it('a possible duplicate involving a restricted record is neither listed nor decidable by another organisation', async () => {
    const listOf = async (agent: SignedInAgent) => ((await agent.get('/api/duplicates?status=open')).body.duplicates as DuplicateSummary[]);
    const mine = await listOf(ownData);
    const pair = mine.find((d) => d.a?.uid === hidden.uid || d.b?.uid === hidden.uid);
    expect(pair).toBeDefined();
    const theirs = await listOf(otherData);
    expect(theirs.map((d) => d.id)).not.toContain(pair!.id);
    expect(JSON.stringify(theirs)).not.toContain(hidden.name);
    expect((await otherData.post(`/api/duplicates/${pair!.id}/reject`)).status).toBe(404);
    expect((await otherData.post(`/api/duplicates/${pair!.id}/merge`).send({})).status).toBe(404);
    // still open for the registrar's own data team
    expect((await listOf(ownData)).map((d) => d.id)).toContain(pair!.id);
  });
});
