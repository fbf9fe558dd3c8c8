import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import type { AuditListResponse } from '../../server/features/audit/audit.schemas.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';

describe('canvas exports are on the audit trail', () => {
  const db = openTestDatabase();
  let app: Express;
  let analyst: SignedInAgent;
  let admin: SignedInAgent;
  let domainUid: string;

  beforeAll(async () => {
    domainUid = (await seedSmall(db)).rings[0]!.domains[0]!.uid;
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    analyst = await signedInAgent(app, db, 'analyst');
    admin = await signedInAgent(app, db, 'admin');
  });
  afterAll(() => db.close());

  it('records who exported what, in which format, and how many entities', async () => {
    const res = await analyst.post('/api/audit/exports').send({ format: 'graphml', scope: 'full', nodes: 12, edges: 20, nodeIds: [domainUid] });
    expect(res.status).toBe(204);
    // the record is appended once the response has gone out, so look until it is there
    const findRecord = async () => {
      const list = await admin.get('/api/audit').query({ action: 'export.canvas' });
      expect(list.status).toBe(200);
      return (list.body as AuditListResponse).records.find((r) => r.email === analyst.user.email);
    };
    await expect.poll(findRecord).toBeDefined();
    const record = await findRecord();
    expect(record!.resultCount).toBe(12);
    expect(record!.params).toMatchObject({ format: 'graphml', scope: 'full', edges: 20, nodeIds: [domainUid] });
    // appends of the requests just made may still be in flight; the chain is whole once they land
    await expect.poll(async () => (await admin.get('/api/audit/verify')).body.ok).toBe(true);
  });

  it('refuses anonymous callers, requests without the CSRF token and unknown formats', async () => {
    expect((await request(app).post('/api/audit/exports').send({ format: 'png', nodes: 1, edges: 0 })).status).toBe(401);
    const bad = await analyst.post('/api/audit/exports').send({ format: 'docx', nodes: 1, edges: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('format must be png, svg, json, csv, graphml or html');
    const noCsrf = await analyst.post('/api/audit/exports').set('x-csrf-token', '').send({ format: 'png', nodes: 1, edges: 0 });
    expect(noCsrf.status).toBe(403);
  });
});
