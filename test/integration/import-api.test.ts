import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { REPO_ROOT } from '../../server/config.js';
import { luhnCheckDigit } from '../../server/domain/pan.js';
import { createLogger } from '../../server/logger.js';
import { ImportRepository } from '../../server/features/import/import.repository.js';
import { ImportService } from '../../server/features/import/import.service.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { IMPORT_FIXTURES } from '../support/import-fixtures.js';
import { TEST_PAN_KEY, openTestDatabase, seedSmall } from '../support/test-db.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mt-import-test-'));
const fixture = (name: string) => readFileSync(path.join(IMPORT_FIXTURES, name));
const write = (name: string, content: string | Buffer) => {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('partner imports through the API and the CLI', () => {
  const db = openTestDatabase();
  const service = new ImportService(new ImportRepository(db));
  let app: Express;
  let data: SignedInAgent;
  const totals = () => service.graphTotals();
  const importCount = async () => Number((await db.driver.executeQuery('MATCH (i:Import) RETURN count(i) AS n', {}, { database: db.database })).records[0]!.get('n'));
  const q = async <T,>(cypher: string, params: Record<string, unknown> = {}) =>
    (await db.driver.executeQuery(cypher, params, { database: db.database })).records.map((r) => r.toObject() as T);
  const upload = (content: Buffer | string, fileName: string, fields: Record<string, string>) => {
    let req = data.post('/api/imports');
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), fileName);
  };

  beforeAll(async () => {
    await seedSmall(db);
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null, panKey: TEST_PAN_KEY });
    data = await signedInAgent(app, db, 'data');
  });
  afterAll(() => db.close());

  describe('a malformed file gets a clear error and writes nothing', () => {
    const card = fixture('card-acquirer.csv').toString('utf8');
    const lines = card.trimEnd().split('\n');
    const cases: { name: string; file: string; content: Buffer | string; mapping: string; expect: RegExp[]; notContain?: string }[] = [
      { name: 'wrong delimiter', file: 'transfers.csv', content: fixture('bank-transfers.csv').toString('utf8').replace(/;/g, ','), mapping: 'bank-transfers', expect: [/only one column/, /not separated by ";"/, /looks separated by ","/] },
      { name: 'missing column', file: 'cards.csv', content: card.replace(',currency,', ',').replace(/,(EUR|GBP|USD),/g, ','), mapping: 'card-acquirer', expect: [/column "currency" is missing/] },
      { name: 'bad date', file: 'domains.csv', content: fixture('registrar-hosting.csv').toString('utf8').replace('2025-02-03', '2025-02-30'), mapping: 'registrar-hosting', expect: [/row 2 \(line 3\), column "registered_on"/, /not a date in the form YYYY-MM-DD/] },
      { name: 'bad currency', file: 'cards.csv', content: card.replace('19.95,GBP', '19.95,EUX'), mapping: 'card-acquirer', expect: [/row 3/, /column "currency"/, /ISO 4217/] },
      { name: 'bad IBAN', file: 'transfers.csv', content: fixture('bank-transfers.csv').toString('utf8').replace('NL91ABNA0417164300', 'NL92ABNA0417164300'), mapping: 'bank-transfers', expect: [/row 1/, /creditor_iban/, /not a valid IBAN/] },
      { name: 'bad card number', file: 'cards.csv', content: card.replace('4242424242424242', '4242424242424241'), mapping: 'card-acquirer', expect: [/row 3/, /card_number/, /424242…4241 fails the Luhn check/], notContain: '4242424242424241' },
      { name: 'truncated last line', file: 'cards.csv', content: `${lines.slice(0, -1).join('\n')}\n${lines.at(-1)!.slice(0, 40)}`, mapping: 'card-acquirer', expect: [/row 5 \(line 6\)/, /cut short/] },
      { name: 'truncated inside a quoted field', file: 'cards.csv', content: card.trimEnd().slice(0, card.trimEnd().lastIndexOf('|')), mapping: 'card-acquirer', expect: [/never closed/, /cut off/] },
      { name: 'non-UTF-8 bytes', file: 'cards.csv', content: Buffer.concat([Buffer.from(lines.slice(0, 3).join('\n') + '\n'), Buffer.from('P-2000,2025-03-01T10:15:00Z,4111111111111111,1.00,EUR,settled,M-1,Caf'), Buffer.from([0xe9]), Buffer.from(',5814,,NL\n')]), mapping: 'card-acquirer', expect: [/not UTF-8 text/, /line 4/] },
      { name: 'a 10 MB single field', file: 'cards.csv', content: `${lines[0]}\nP-1,2025-03-01T10:15:00Z,4111111111111111,1.00,EUR,settled,M-1,"${'x'.repeat(10 * 1024 * 1024)}",5814,,NL\n`, mapping: 'card-acquirer', expect: [/larger than 1 MB/] },
      { name: 'an empty file', file: 'cards.csv', content: '', mapping: 'card-acquirer', expect: [/empty/] },
      { name: 'a header without rows', file: 'cards.csv', content: `${lines[0]}\n`, mapping: 'card-acquirer', expect: [/no data rows/] },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const before = await totals();
        const imports = await importCount();
        const res = await upload(c.content, c.file, { source: 'test-partner', mapping: c.mapping });
        expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(422);
        for (const re of c.expect) expect(res.body.error.message).toMatch(re);
        if (c.notContain) expect(JSON.stringify(res.body)).not.toContain(c.notContain);
        expect(await totals()).toEqual(before);
        expect(await importCount()).toBe(imports);
      });
    }
  });

  it('a file with a byte-order mark imports, and re-importing it changes nothing', async () => {
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('bank-transfers.csv')]);
    const res = await upload(content, 'transfers-bom.csv', { source: 'bank-a', mapping: 'bank-transfers' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.report).toMatchObject({ rowsRead: 3, rowsValid: 3, rowsRejected: 0 });
    // IBANs written with spaces and in lower case land on one normalised account
    const [acct] = await q<{ n: number }>("MATCH (a:PaymentAccount {iban: 'NL91ABNA0417164300'}) RETURN count(a) AS n");
    expect(acct!.n).toBe(1);
    const before = await totals();
    const again = await upload(content, 'transfers-bom.csv', { source: 'bank-a', mapping: 'bank-transfers' });
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('unchanged');
    expect(again.body.import.id).toBe(res.body.import.id);
    expect(await totals()).toEqual(before);
  });

  it('with skip-invalid imports the valid rows and offers the rejects as a file without card numbers', async () => {
    const content = fixture('card-acquirer.csv').toString('utf8').replace('4242424242424242', '4242424242424241');
    const res = await upload(content, 'cards-skip.csv', { source: 'acquirer-x', mapping: 'card-acquirer', skipInvalid: 'true' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.report).toMatchObject({ rowsRead: 5, rowsValid: 4, rowsRejected: 1 });
    expect(res.body.report.problems[0]).toMatchObject({ file: 'cards-skip.csv', row: 3, field: 'card_number' });
    const rejects = await data.get(res.body.report.rejectsUrl);
    expect(rejects.status).toBe(200);
    expect(rejects.text).toContain('424242…4241');
    expect(rejects.text).not.toContain('4242424242424241');
    // no card number in clear anywhere in the graph
    const clear = await q<{ n: number }>("MATCH (n) WHERE any(k IN keys(n) WHERE n[k] IS :: STRING AND n[k] CONTAINS '4111111111111111') RETURN count(n) AS n");
    expect(clear[0]!.n).toBe(0);
    const [card] = await q<{ bin: string; last4: string; hashLen: number }>("MATCH (a:PaymentAccount {kind: 'card', bin: '411111', last4: '1111'}) RETURN a.bin AS bin, a.last4 AS last4, size(a.panHash) AS hashLen");
    expect(card).toEqual({ bin: '411111', last4: '1111', hashLen: 64 });
  });

  it('stores a formula-like value as plain text and exports it spreadsheet-safe', async () => {
    const res = await upload(fixture('card-acquirer.csv'), 'cards.csv', { source: 'acquirer-y', mapping: 'card-acquirer' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [m] = await q<{ d: string }>("MATCH (t:Transaction {uid: 'tx:acq:M-QVX-78:P-1005'}) RETURN t.descriptor AS d");
    expect(m!.d).toBe("=cmd|' /C calc'!A0");
    const csv = await data.get(`/api/imports/${res.body.import.id}/entities.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(csv.text).not.toMatch(/(^|,)"?=cmd/m);
  });

  it('records from two partners sharing an IBAN or a card become one entity with both provenances; rollback withdraws one', async () => {
    const before = await totals();
    const a = await upload(fixture('bank-transfers.csv'), 'bank-b.csv', { source: 'bank-b', mapping: 'bank-transfers' });
    expect(a.status).toBe(201);
    const [acct] = await q<{ sources: string[]; importIds: string[] }>("MATCH (a:PaymentAccount {iban: 'GB82WEST12345698765432'}) RETURN a.sources AS sources, a.importIds AS importIds");
    expect(acct!.sources).toEqual(expect.arrayContaining(['org:bank-a', 'org:bank-b']));
    const cards = await q<{ sources: string[] }>("MATCH (a:PaymentAccount {kind: 'card', last4: '1111', bin: '411111'}) RETURN a.sources AS sources");
    expect(cards).toHaveLength(1);
    expect(cards[0]!.sources).toEqual(expect.arrayContaining(['org:acquirer-x', 'org:acquirer-y']));

    const rolled = await data.post(`/api/imports/${a.body.import.id}/rollback`);
    expect(rolled.status).toBe(200);
    expect(rolled.body.status).toBe('rolled_back');
    expect(await totals()).toEqual(before);
    const [after] = await q<{ sources: string[] }>("MATCH (a:PaymentAccount {iban: 'GB82WEST12345698765432'}) RETURN a.sources AS sources");
    expect(after!.sources).toContain('org:bank-a');
    expect(after!.sources).not.toContain('org:bank-b');
    const again = await data.post(`/api/imports/${a.body.import.id}/rollback`);
    expect(again.status).toBe(400);
  });

  it('previews the first rows through a preset before importing', async () => {
    const res = await data.post('/api/imports/preview').field('mapping', 'registrar-hosting').field('rows', '2').attach('file', fixture('registrar-hosting.csv'), 'domains.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows).toHaveLength(2);
    const uids = res.body.rows[0].nodes.map((n: { uid: string }) => n.uid);
    // normalised: lower case, no www., e-mail lower case, phone E.164; and IDN domains in punycode
    expect(uids).toEqual(expect.arrayContaining(['domain:velvet-archive.example', 'email:j.harlow@example.com', 'phone:+442079460123', 'country:GB']));
    const third = await data.post('/api/imports/preview').field('mapping', 'registrar-hosting').attach('file', fixture('registrar-hosting.csv'), 'domains.csv');
    expect(third.body.rows[2].nodes.map((n: { uid: string }) => n.uid)).toContain('domain:xn--bcher-depot-thb.example');
  });

  it('only the data team and admins may import', async () => {
    const analyst = await signedInAgent(app, db, 'analyst');
    const res = await analyst.post('/api/imports').field('source', 'x').field('mapping', 'fincen').attach('file', Buffer.from('a,b\n1,2\n'), 'x.csv');
    expect(res.status).toBe(403);
    expect((await analyst.get('/api/imports')).status).toBe(403);
  });

  it('FollowTheMoney entities round-trip: imported, then exported with the same entities and links', async () => {
    const res = await upload(fixture('sample.ftm.json'), 'sample.ftm.json', { source: 'aleph', mapping: 'ftm' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.report.rowsValid).toBe(11);
    // the FtM bank account with an IBAN resolves onto the account the banks reported
    const [acct] = await q<{ sources: string[] }>("MATCH (a:PaymentAccount {iban: 'GB82WEST12345698765432'}) RETURN a.sources AS sources");
    expect(acct!.sources).toEqual(expect.arrayContaining(['org:bank-a', 'org:aleph']));
    const out = await data
      .get(`/api/imports/${res.body.import.id}/ftm`)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString('utf8')));
        r.on('end', () => cb(null, text));
      });
    expect(out.status).toBe(200);
    type Ftm = { id: string; schema: string; properties: Record<string, string[]> };
    const exported = String(out.body).trim().split('\n').map((l) => JSON.parse(l) as Ftm);
    const original = fixture('sample.ftm.json').toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Ftm);
    const byId = new Map(exported.map((e) => [e.id, e]));
    for (const o of original) {
      const e = byId.get(o.id);
      expect(e, `entity ${o.id}`).toBeDefined();
      expect(e!.schema).toBe(o.schema);
      // links and identifying properties survive
      for (const prop of ['payerAccount', 'beneficiaryAccount', 'payer', 'beneficiary', 'owner', 'asset', 'director', 'organization', 'addressEntity', 'iban', 'name', 'amount', 'currency', 'email', 'birthDate'])
        if (o.properties[prop]) expect(e!.properties[prop]?.map((v) => v.replace(/\.0+$/, '')), `${o.id}.${prop}`).toEqual(o.properties[prop]!.map((v) => (prop === 'email' ? v.toLowerCase() : v)));
    }
    expect(exported).toHaveLength(original.length);
  });

  it('an import killed mid-way (kill -9) and run again ends with exact counts', async () => {
    const bins = ['411111', '555555', '424242'];
    const cardOf = (i: number) => {
      const partial = `${bins[i % 3]}${String(i % 997).padStart(9, '0')}`;
      return partial + luhnCheckDigit(partial);
    };
    const n = 30_000;
    const rows = ['payment_ref,paid_at,card_number,amount,currency,status,merchant_id,merchant_name,mcc,descriptor,card_country'];
    for (let i = 0; i < n; i++) rows.push(`K-${i},2025-04-01T10:00:00Z,${cardOf(i)},${(i % 500) + 0.99},EUR,settled,M-K-${i % 40},Kill Test Merchant ${i % 40},5815,,NL`);
    const file = write('kill-test.csv', `${rows.join('\n')}\n`);
    const info = inject('neo4j');
    const env = { ...process.env, NEO4J_URI: info.uri, NEO4J_USER: info.user, NEO4J_PASSWORD: info.password, MONEYTRAIL_PAN_KEY: TEST_PAN_KEY, MONEYTRAIL_HOME: tmp };
    const cli = (extra: string[]) =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts/import.ts'), file, '--source', 'kill-partner', '--mapping', 'card-acquirer', '--batch-rows', '2000', '--quiet', ...extra], { env, cwd: REPO_ROOT });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (code, signal) => resolve({ code, signal, out }));
      });
    const killed = await cli(['--die-after-batches', '2']);
    expect(killed.signal, killed.out).toBe('SIGKILL');
    const [half] = await q<{ status: string; rowsDone: number }>("MATCH (i:Import {organisation: 'org:kill-partner'}) RETURN i.status AS status, i.rowsDone AS rowsDone");
    expect(half!.status).toBe('running');
    expect(half!.rowsDone).toBeGreaterThan(0);
    expect(half!.rowsDone).toBeLessThan(n);

    const rerun = await cli([]);
    expect(rerun.code, rerun.out).toBe(0);
    expect(rerun.out).toContain('finished the interrupted import');
    const [c] = await q<{ tx: number; cards: number; merchants: number; status: string; created: number }>(
      `CALL () { MATCH (t:Transaction) WHERE t.uid STARTS WITH 'tx:acq:M-K-' RETURN count(t) AS tx }
       CALL () { MATCH (a:PaymentAccount)-[:SENT]->(t:Transaction) WHERE t.uid STARTS WITH 'tx:acq:M-K-' RETURN count(DISTINCT a) AS cards }
       CALL () { MATCH (m:Merchant) WHERE m.uid STARTS WITH 'merchant:M-K-' RETURN count(m) AS merchants }
       MATCH (i:Import {organisation: 'org:kill-partner'})
       RETURN tx, cards, merchants, i.status AS status, i.nodesCreated AS created`,
    );
    const distinctCards = new Set(Array.from({ length: n }, (_, i) => cardOf(i))).size;
    expect(c).toEqual({ tx: n, cards: distinctCards, merchants: 40, status: 'complete', created: n + distinctCards + 40 + 1 });
    const [rels] = await q<{ sent: number; via: number }>("MATCH (t:Transaction) WHERE t.uid STARTS WITH 'tx:acq:M-K-' RETURN count{ (t)<-[:SENT]-() } AS sent, count{ (t)-[:VIA]->() } AS via");
    expect(rels).toBeDefined();
    const [sum] = await q<{ sent: number; via: number }>("MATCH (t:Transaction) WHERE t.uid STARTS WITH 'tx:acq:M-K-' RETURN sum(count{ (t)<-[:SENT]-() }) AS sent, sum(count{ (t)-[:VIA]->() }) AS via");
    expect(sum).toEqual({ sent: n, via: n });
  }, 240_000);
});
