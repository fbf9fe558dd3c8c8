import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { REPO_ROOT } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import type { AuditListResponse } from '../../server/features/audit/audit.schemas.js';
import { AuditRepository } from '../../server/features/audit/audit.repository.js';
import { AuditService } from '../../server/features/audit/audit.service.js';
import { createTestUser, signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing } from '../support/truth.js';

const run = promisify(execFile);

/** npm run audit:verify against the test database, as an operator would run it */
async function auditVerify(): Promise<{ code: number; out: string }> {
  const neo = inject('neo4j');
  const env = { ...process.env, NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password, LOG_LEVEL: 'silent' };
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { cwd: REPO_ROOT, env });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('the audit trail', () => {
  const db = openTestDatabase();
  let app: Express;
  let ring: SeedRing;
  let admin: SignedInAgent;
  const audit = new AuditService(new AuditRepository(db));

  beforeAll(async () => {
    ring = (await seedSmall(db)).rings[0]!;
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    admin = await signedInAgent(app, db, 'admin');
  });
  afterAll(() => db.close());

  const records = async (query: Record<string, string> = {}) => {
    const res = await admin.get('/api/audit').query({ limit: 500, ...query });
    expect(res.status).toBe(200);
    return (res.body as AuditListResponse).records;
  };

  it('records who searched and expanded what, from where, with which parameters and how many results', async () => {
    const analyst = await signedInAgent(app, db, 'analyst');
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    const found = (await analyst.get('/api/search').query({ q: operator.name })).body.hits.length as number;
    const expanded = (await analyst.get(`/api/nodes/${encodeURIComponent(operator.uid)}/neighbours`).query({ limit: 7 })).body.nodes.length as number;
    await expect
      .poll(async () => (await records({ user: analyst.user.email })).map((r) => r.action))
      .toEqual(expect.arrayContaining(['auth.login', 'search', 'graph.expand']));
    const mine = await records({ user: analyst.user.email });
    const search = mine.find((r) => r.action === 'search')!;
    expect(search.params.q).toBe(operator.name);
    expect(search.resultCount).toBe(found);
    expect(search.userId).toBe(analyst.user.id);
    expect(search.ip).toMatch(/127\.0\.0\.1/);
    expect(search.outcome).toBe('ok 200');
    const expand = mine.find((r) => r.action === 'graph.expand')!;
    expect(expand.target).toBe(operator.uid);
    expect(expand.params.limit).toBe(7);
    expect(expand.resultCount).toBe(expanded);
  });

  it('records failed sign-ins with the e-mail tried, and never a password', async () => {
    const user = await createTestUser(db, 'analyst');
    await request(app).post('/api/auth/login').send({ email: user.email, password: 'wrong-password-here-1' });
    await expect.poll(async () => (await records({ user: user.email, action: 'auth.login' })).length).toBe(1);
    const [failed] = await records({ user: user.email, action: 'auth.login' });
    expect(failed!.outcome).toBe('denied 401');
    expect(JSON.stringify(await records())).not.toContain('wrong-password-here-1');
    expect(JSON.stringify(await records())).not.toContain(user.password);
  });

  it('records user administration and refused requests; filters by action and date; exports CSV', async () => {
    const created = await admin.post('/api/users').send({ email: 'new.analyst@partner.example', role: 'analyst', organisationId: 'org:aurelwyn-bank', password: 'a-long-initial-password' });
    expect(created.status).toBe(201);
    const analyst = await signedInAgent(app, db, 'analyst');
    expect((await analyst.get('/api/users')).status).toBe(403);
    await expect.poll(async () => (await records({ action: 'user' })).some((r) => r.action === 'user.create' && r.target === 'new.analyst@partner.example')).toBe(true);
    await expect.poll(async () => (await records({ user: analyst.user.email })).some((r) => r.action === 'access.refused' && r.outcome === 'denied 403')).toBe(true);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(await records({ from: tomorrow })).toEqual([]);
    expect((await records({ action: 'search' })).every((r) => r.action === 'search')).toBe(true);

    const csv = await admin.get('/api/audit/export.csv').query({ action: 'user' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('seq,at,email,userId,ip,action,target,params,resultCount,outcome,hash');
    expect(csv.text).toContain('new.analyst@partner.example');
  });

  it('two app instances appending at once keep one unbroken chain', async () => {
    const other = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    const a = await signedInAgent(app, db, 'analyst');
    const b = await signedInAgent(other, db, 'analyst');
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).get('/api/search').query({ q: `bank ${i}` })));
    await Promise.all(Array.from({ length: 20 }, (_, i) => audit.append({ userId: null, email: 'load@test.example', ip: null, action: 'test.append', target: String(i), params: {}, resultCount: null, outcome: 'ok 200' })));
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: true });
    expect(result.records).toBeGreaterThan(30);
  });

  it('a check running while requests append records still finds the chain intact', async () => {
    const append = (i: number) => audit.append({ userId: null, email: 'load@test.example', ip: null, action: 'test.append', target: String(i), params: {}, resultCount: null, outcome: 'ok 200' });
    for (let round = 0; round < 5; round++) {
      const [result] = await Promise.all([audit.verify(), ...Array.from({ length: 10 }, (_, i) => append(i))]);
      expect(result).toMatchObject({ ok: true });
    }
  });

  it('audit:verify passes on the intact chain and names the first record that was tampered with', async () => {
    await expect.poll(async () => (await audit.verify()).ok).toBe(true);
    const intact = await auditVerify();
    expect(intact.code, intact.out).toBe(0);
    expect(intact.out).toMatch(/intact/);

    const [victim] = await records({ action: 'search' });
    const original = (await db.driver.executeQuery('MATCH (a:AuditRecord {seq: $seq}) RETURN a.params AS p', { seq: victim!.seq })).records[0]!.get('p') as string;
    // someone with database access edits what a user searched for
    await db.driver.executeQuery('MATCH (a:AuditRecord {seq: $seq}) SET a.params = $params', { seq: victim!.seq, params: JSON.stringify({ q: 'something harmless' }) });
    const broken = await auditVerify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`#${victim!.seq}`);
    const api = await admin.get('/api/audit/verify');
    expect(api.body).toMatchObject({ ok: false, brokenSeq: victim!.seq });

    // deleting a record is caught as well
    await db.driver.executeQuery('MATCH (a:AuditRecord {seq: $seq}) SET a.params = $params', { seq: victim!.seq, params: original });
    expect(await audit.verify()).toMatchObject({ ok: true });
    await db.driver.executeQuery('MATCH (a:AuditRecord {seq: $seq}) DELETE a', { seq: victim!.seq - 1 });
    const gap = await audit.verify();
    expect(gap).toMatchObject({ ok: false, problem: { seq: victim!.seq - 1 } });
  });
});
