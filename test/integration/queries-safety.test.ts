import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '../../server/app.js';
import { REPO_ROOT } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { runQueryCommand } from '../../server/features/queries/queries.cli.js';
import { loadQueryLibrary } from '../../server/features/queries/queries.library.js';
import { QueriesRepository } from '../../server/features/queries/queries.repository.js';
import { QueriesService } from '../../server/features/queries/queries.service.js';
import { queryPredicate } from '../../server/features/queries/queries.need-to-know.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedTruth } from '../support/truth.js';

/** Every way of writing an analyst must never get through, stored or ad hoc. */
const WRITE_FORMS: Record<string, string> = {
  CREATE: "CREATE (n:Entity:Domain {uid: 'domain:evil.example'}) RETURN n",
  MERGE: "MERGE (n:Entity:Domain {uid: 'domain:evil.example'}) RETURN n",
  SET: "MATCH (d:Domain) SET d.status = 'live' RETURN count(d)",
  DELETE: 'MATCH (t:Transaction) DELETE t',
  'DETACH DELETE': 'MATCH (n) DETACH DELETE n',
  REMOVE: 'MATCH (d:Domain) REMOVE d.status RETURN count(d)',
  FOREACH: "MATCH (d:Domain) WITH collect(d) AS ds FOREACH (d IN ds | SET d.x = 1) RETURN 1",
  'LOAD CSV': "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
  'IN TRANSACTIONS': 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS',
  'apoc.create': "CALL apoc.create.node(['Domain'], {uid: 'x'}) YIELD node RETURN node",
  'apoc.periodic': "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {}) YIELD batches RETURN batches",
  'apoc.cypher': "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN value",
  'apoc.load': "CALL apoc.load.json('http://169.254.169.254/latest') YIELD value RETURN value",
  'db.create': "CALL db.createLabel('Evil')",
  'CREATE INDEX': 'CREATE INDEX evil IF NOT EXISTS FOR (n:Domain) ON (n.evil)',
  'DROP CONSTRAINT': 'DROP CONSTRAINT entity_uid IF EXISTS',
  'CREATE USER': "CREATE USER evil SET PASSWORD 'evil-password-123'",
  'CALL dbms': 'CALL dbms.listConfig() YIELD name RETURN name',
  'dbms backticks': 'CALL `dbms`.`listConfig`() YIELD name RETURN name',
  SHOW: 'SHOW USERS',
  USE: 'USE system MATCH (n) RETURN n',
  'several statements': "MATCH (n) RETURN count(n); CREATE (:Evil)",
  TERMINATE: "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
};

describe('stored and ad-hoc queries can never change the data', () => {
  const db = openTestDatabase();
  let app: Express;
  let slowApp: Express;
  let analyst: SignedInAgent;
  let data: SignedInAgent;
  let slowData: SignedInAgent;
  let slowAnalyst: SignedInAgent;
  let service: QueriesService;
  let truth: SeedTruth;

  const fingerprint = async () => {
    const session = db.driver.session({ database: db.database });
    try {
      const res = await session.run(
        // the audit trail and sign-in sessions grow with every request by design; everything else must not move
        `MATCH (n) WHERE NOT any(l IN labels(n) WHERE l IN $bookkeeping)
         WITH count(n) AS nodes, sum(size(keys(n))) AS nodeProps, collect(DISTINCT labels(n)) AS labels
         OPTIONAL MATCH (a)-[r]->(b)
         WHERE NOT any(l IN labels(a) + labels(b) WHERE l IN $bookkeeping)
         WITH nodes, nodeProps, labels, count(r) AS rels, sum(size(keys(r))) AS relProps
         RETURN nodes, nodeProps, rels, relProps, size(labels) AS labelSets`,
        { bookkeeping: ['AuditRecord', 'AuditHead', 'Session', 'User'] },
      );
      const indexes = await session.run('SHOW INDEXES YIELD name RETURN count(*) AS n');
      const r = res.records[0]!;
      const n = (k: string) => Number(r.get(k));
      return { nodes: n('nodes'), nodeProps: n('nodeProps'), rels: n('rels'), relProps: n('relProps'), labelSets: n('labelSets'), indexes: Number(indexes.records[0]!.get('n')) };
    } finally {
      await session.close();
    }
  };

  beforeAll(async () => {
    truth = await seedSmall(db);
    service = new QueriesService(new QueriesRepository(db));
    await loadQueryLibrary(service);
    const logger = createLogger('silent', false);
    app = createApp({ db, logger, clientDir: null });
    slowApp = createApp({ db, logger, clientDir: null, queryLimits: { timeoutSeconds: 1, rowLimit: 50 } });
    [analyst, data, slowData, slowAnalyst] = await Promise.all([
      signedInAgent(app, db, 'analyst'),
      signedInAgent(app, db, 'data'),
      signedInAgent(slowApp, db, 'data'),
      signedInAgent(slowApp, db, 'analyst'),
    ]);
  });
  afterAll(() => db.close());

  it('refuses every write form in the console, before it runs, and the database is unchanged', async () => {
    const before = await fingerprint();
    for (const [form, cypher] of Object.entries(WRITE_FORMS)) {
      const res = await data.post('/api/console/run').send({ cypher });
      expect(res.status, `${form}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.message, form).toMatch(/^refused/);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses to save or publish a stored query with any write form, and refuses to run one planted in the database', async () => {
    const before = await fingerprint();
    for (const [form, cypher] of Object.entries(WRITE_FORMS)) {
      const source = `// @name evil-${form.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '')}\n// @description tries ${form}\n${cypher}\n`;
      const res = await data.post('/api/queries').send({ source, publish: true });
      expect(res.status, `${form}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.message, form).toMatch(/refused/);
    }
    // a version that got into the store some other way (an older build, a restore) is still refused at run time
    const repo = new QueriesRepository(db);
    await repo.save(
      Object.entries(WRITE_FORMS).map(([form, cypher], i) => ({
        name: `planted-write-${i}`,
        source: `// @name planted-write-${i}\n// @description planted ${form}\n${cypher}\n`,
        checksum: `planted-${i}`,
        createdBy: 'test',
        note: '',
        origin: 'test',
        publish: true,
      })),
    );
    const mid = await fingerprint();
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t), audit: async () => {} };
    for (const [i, form] of Object.keys(WRITE_FORMS).entries()) {
      const res = await analyst.post(`/api/queries/planted-write-${i}/run`).send({});
      expect(res.status, `${form}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.message, form).toMatch(/refused/);
      // the command line runs the same code path
      expect(await runQueryCommand([`planted-write-${i}`], service, { email: 'cli:test', role: 'admin' }, io), form).toBe(1);
      expect(await runQueryCommand(['--cypher', WRITE_FORMS[form]!], service, { email: 'cli:test', role: 'admin' }, io), form).toBe(1);
    }
    expect(lines.filter((l) => l.startsWith('error: refused')).length).toBe(Object.keys(WRITE_FORMS).length * 2);
    expect(await fingerprint()).toEqual(mid);
    expect(mid.nodes).toBeGreaterThan(before.nodes); // only the planted versions were added
  });

  it('npm run query refuses a write and exits non-zero, and prints a table for a stored query', async () => {
    const info = inject('neo4j');
    const env = { ...process.env, NEO4J_URI: info.uri, NEO4J_USER: info.user, NEO4J_PASSWORD: info.password, LOG_LEVEL: 'silent' };
    const before = await fingerprint();
    const refused = await promisify(execFile)('npx', ['tsx', 'scripts/query.ts', '--cypher', WRITE_FORMS.MERGE!], { cwd: REPO_ROOT, env }).catch((e: { code: number; stderr: string }) => e);
    expect((refused as { code: number }).code).toBe(1);
    expect((refused as { stderr: string }).stderr).toMatch(/refused/);
    const ok = await promisify(execFile)('npx', ['tsx', 'scripts/query.ts', 'merchants-shared-by-domains', '--param', 'minDomains=2', '--json'], { cwd: REPO_ROOT, env });
    const parsed = JSON.parse(ok.stdout) as { rows: unknown[]; query: { name: string } };
    expect(parsed.query.name).toBe('merchants-shared-by-domains');
    expect(parsed.rows.length).toBeGreaterThan(0);
    const after = await fingerprint();
    // the CLI adds only its audit records
    expect(after.rels).toBe(before.rels);
  }, 60_000);

  it('npm run query beside the running app uses the same Neo4j, as a new user runs it (no NEO4J_URI)', async () => {
    const info = inject('neo4j');
    const env: NodeJS.ProcessEnv = { ...process.env, MONEYTRAIL_HOME: info.home, NEO4J_BOLT_PORT: new URL(info.uri).port, LOG_LEVEL: 'silent' };
    for (const key of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[key];
    const ok = await promisify(execFile)('npx', ['tsx', 'scripts/query.ts', 'cash-out-accounts', '--json'], { cwd: REPO_ROOT, env });
    const parsed = JSON.parse(ok.stdout) as { rows: unknown[] };
    const planted = truth.rings.flatMap((r) => r.cashOutAccounts.map((c) => c.uid));
    expect(parsed.rows.length).toBe(planted.length);
    for (const uid of planted) expect(ok.stdout).toContain(uid);
  }, 60_000);

  it('analysts may not use the console or author queries', async () => {
    expect((await analyst.post('/api/console/run').send({ cypher: 'RETURN 1' })).status).toBe(403);
    expect((await analyst.post('/api/queries').send({ source: '// @name x1\n// @description x\nRETURN 1' })).status).toBe(403);
    // naming the published version is allowed; a draft version is the data team's
    expect((await analyst.post('/api/queries/merchants-shared-by-domains/run').send({ version: 1 })).status).toBe(200);
    const draft = await data.post('/api/queries').send({ source: `// @name safety-draft\n// @description a draft\nMATCH (s:Seller) WHERE ${queryPredicate('s')} RETURN s LIMIT 1`, publish: false });
    expect(draft.status).toBe(201);
    const refused = await analyst.post('/api/queries/safety-draft/run').send({ version: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/not the published one/);
  });

  it('stops a query over its time limit and says so, in the console and for a stored query', async () => {
    const slow = `MATCH (a:Entity), (b:Entity), (c:Entity) WHERE a.uid < b.uid AND b.uid < c.uid AND all(x IN [a, b, c] WHERE ${queryPredicate('x')}) RETURN count(*) AS n`;
    const started = Date.now();
    const res = await slowData.post('/api/console/run').send({ cypher: slow });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('stopped after 1 s');
    expect(Date.now() - started).toBeLessThan(8000);

    const source = `// @name slow-cartesian\n// @description deliberately slow\n// @timeout 1\n${slow}\n`;
    expect((await data.post('/api/queries').send({ source, publish: true })).status).toBe(201);
    const stored = await analyst.post('/api/queries/slow-cartesian/run').send({});
    expect(stored.status).toBe(422);
    expect(stored.body.error.message).toContain('stopped after 1 s');
    // the database is still answering
    expect((await analyst.post('/api/queries/cash-out-accounts/run').send({})).status).toBe(200);
  });

  it('keeps the first rows when the row limit is hit and says so', async () => {
    const res = await slowData.post('/api/console/run').send({ cypher: `MATCH (n:Entity) WHERE ${queryPredicate('n')} RETURN n.uid AS uid` });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(50);
    expect(res.body.truncated).toBe(true);
    expect(res.body.notice).toContain('first 50 rows shown');
    const stored = await slowAnalyst.post('/api/queries/new-domains-reusing-merchants/run').send({});
    expect(stored.body.rowCount).toBeLessThanOrEqual(50);
  });

  it('checks parameters against their declared types and names the bad one', async () => {
    const bad = async (name: string, params: Record<string, unknown>, param: string, text: RegExp) => {
      const res = await analyst.post(`/api/queries/${name}/run`).send({ params });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.message).toContain(`"${param}"`);
      expect(res.body.error.message).toMatch(text);
    };
    await bad('merchants-shared-by-domains', { minDomains: 'two' }, 'minDomains', /whole number/);
    await bad('merchants-shared-by-domains', { minDomains: 2.5 }, 'minDomains', /whole number/);
    await bad('merchants-shared-by-domains', { minDomian: 2 }, 'minDomian', /no such parameter/);
    await bad('accounts-paid-by-flagged-buyers', { minShare: 'most' }, 'minShare', /number/);
    await bad('hosting-providers-by-reported-domains', { currentOnly: 'yes' }, 'currentOnly', /true or false/);
    await bad('fan-in-fan-out-accounts', { since: 'last tuesday' }, 'since', /date and time/);
    await bad('domains-moved-after-report', { within: '3 weeks' }, 'within', /duration/);
    await bad('seller-footprint', {}, 'sellers', /required/);
    await bad('seller-footprint', { sellers: ['domain:example.org'] }, 'sellers', /Seller/);
    // an id that names no entity is refused rather than answered with "no rows", which would read as "nothing found"
    await bad('seller-footprint', { sellers: [truth.rings[0]!.sellers[0]!.uid, 'seller:no-such-seller'] }, 'sellers', /no entity with id "seller:no-such-seller"/);
    // text is spliced nowhere: a quote in a value is just a value, looked up literally
    await bad('seller-footprint', { sellers: ["seller:x' OR 1=1 //"] }, 'sellers', /no entity with id/);
    const real = await analyst.post('/api/queries/seller-footprint/run').send({ params: { sellers: [truth.rings[0]!.sellers[0]!.uid] } });
    expect(real.status).toBe(200);
    expect(real.body.rowCount).toBeGreaterThan(0);
  });

  it('audits every run with the query, version, parameters, row count and duration', async () => {
    const admin = await signedInAgent(app, db, 'admin');
    await analyst.post('/api/queries/cash-out-accounts/run').send({ params: { minTotal: 100 } });
    type Entry = { target: string; params: { params?: { minTotal?: number }; durationMs?: number }; resultCount: number; email: string };
    // the audit record is appended once the response has been sent
    let record: Entry | undefined;
    for (let i = 0; i < 20 && !record; i++) {
      const res = await admin.get('/api/audit').query({ action: 'query.run', limit: 20 });
      expect(res.status).toBe(200);
      record = (res.body.records as Entry[]).find((r) => r.target.startsWith('cash-out-accounts@') && r.params.params?.minTotal === 100);
      if (!record) await new Promise((r) => setTimeout(r, 100));
    }
    expect(record).toBeDefined();
    expect(record!.target).toMatch(/^cash-out-accounts@\d+$/);
    expect(record!.resultCount).toBeGreaterThan(0);
    expect(record!.params.durationMs).toBeGreaterThanOrEqual(0);
    expect(record!.email).toBe(analyst.user.email);

    // a refused run names the version it refused, too
    expect((await analyst.post('/api/queries/cash-out-accounts/run').send({ params: { minTotal: 'lots' } })).status).toBe(400);
    let refused: Entry | undefined;
    await expect
      .poll(async () => {
        const res = await admin.get('/api/audit').query({ action: 'query.run', limit: 20 });
        refused = (res.body.records as Entry[]).find((r) => r.target.startsWith('cash-out-accounts@') && (r.params.params as { minTotal?: unknown } | undefined)?.minTotal === 'lots');
        return refused?.target;
      })
      .toMatch(/^cash-out-accounts@\d+$/);
  });
});
