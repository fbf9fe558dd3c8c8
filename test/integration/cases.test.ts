import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import type { NeighboursResponse } from '../../server/api-types.js';
import type { CaseChangesResponse, CaseDetail, CaseDiff, CaseVersionSummary } from '../../server/features/cases/cases.schemas.js';
import { createTestUser, signInAgent, signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing, SeedTruth } from '../support/truth.js';

const TEAM = 'org:aurelwyn-bank'; // the case's team, and the bank that supplied the restricted account
const OTHER = 'org:fjordline-bank';
const RESTRICTED = { uid: 'acct:restricted-case-harrowgate', name: 'Harrowgate Trading account', iban: 'XX00HARROWGATE0001' };

type Content = { nodes: { uid: string; position: { x: number; y: number }; origin?: { kind: string; detail?: string } }[]; edges: { id: string; type: string; source: string; target: string }[]; flows: unknown[]; annotations: { notes: { id: string; targetId: string; text: string }[]; textBoxes: []; highlightedPaths: { id: string; elementIds: string[] }[] } };

describe('case graphs: versions, conflicts, drafts, sharing, reports and blocking lists', () => {
  const db = openTestDatabase();
  let app: Express;
  let truth: SeedTruth;
  let ring: SeedRing;
  let owner: SignedInAgent, teamSup: SignedInAgent, otherSup: SignedInAgent, stranger: SignedInAgent;
  let viewer: SignedInAgent, commenter: SignedInAgent, editor: SignedInAgent;
  let content: Content;
  let caseId: string;

  const pos = (i: number) => ({ x: (i % 5) * 120, y: Math.floor(i / 5) * 120 });

  beforeAll(async () => {
    truth = await seedSmall(db);
    ring = truth.rings[0]!;
    const operator = ring.sellers.find((s) => s.role === 'operator')!.uid;
    await db.driver.executeQuery(
      `MATCH (op:Entity {uid: $operator})
       CREATE (a:Entity:PaymentAccount {uid: $acct.uid, caption: $acct.name, keywords: [$acct.name], kind: 'bank_account', iban: $acct.iban,
         reference: 'restricted ref', sources: [$team], restriction: 'source_only'})
       CREATE (op)-[:HOLDS {sources: [$team]}]->(a)`,
      { operator, acct: RESTRICTED, team: TEAM },
    );
    // a registrar value that would run as a formula in a spreadsheet
    await db.driver.executeQuery(`MATCH (d:Entity {uid: $uid}) SET d.registrar = '=HYPERLINK("http://x.invalid","click")'`, { uid: ring.domains[0]!.uid });
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    owner = await signedInAgent(app, db, 'analyst', { organisationId: TEAM });
    teamSup = await signedInAgent(app, db, 'supervisor', { organisationId: TEAM });
    otherSup = await signedInAgent(app, db, 'supervisor', { organisationId: OTHER });
    stranger = await signedInAgent(app, db, 'analyst', { organisationId: OTHER });
    viewer = await signedInAgent(app, db, 'analyst', { organisationId: OTHER });
    commenter = await signedInAgent(app, db, 'analyst', { organisationId: OTHER });
    editor = await signedInAgent(app, db, 'analyst', { organisationId: OTHER });

    // the canvas an analyst builds: a ring domain expanded, the planted buyer's card, the restricted account
    const domain = ring.domains[0]!.uid;
    const exp = (await owner.get(`/api/nodes/${encodeURIComponent(domain)}/neighbours`).query({ limit: 12 })).body as NeighboursResponse;
    const uids = [domain, ...exp.nodes.map((n) => n.id), ring.plantedBuyer.cardUid, ring.merchantAccounts[0]!, RESTRICTED.uid, operator];
    const unique = [...new Set(uids)];
    content = {
      nodes: unique.map((uid, i) => ({ uid, position: pos(i), origin: uid === domain ? { kind: 'search', detail: ring.domains[0]!.name } : { kind: 'expansion', detail: domain } })),
      edges: exp.edges.map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target })),
      flows: [],
      annotations: { notes: [{ id: 'n1', targetId: domain, text: 'Storefront of the ring' }], textBoxes: [], highlightedPaths: [] },
    };
  });
  afterAll(() => db.close());

  const path = (suffix = '') => `/api/cases/${caseId}${suffix}`;
  const uidsOf = (d: CaseDetail) => d.version.content.nodes.map((n) => n.uid);

  it('saves a canvas as a case: entities by reference with a snapshot, positions, notes and how each got there', async () => {
    const res = await owner.post('/api/cases').send({ title: 'Ring storefront', description: 'first look', message: 'Initial canvas', content });
    expect(res.status).toBe(201);
    const d = res.body as CaseDetail;
    caseId = d.case.id;
    expect(d.case).toMatchObject({ title: 'Ring storefront', status: 'open', head: 1, access: 'owner', teamId: TEAM });
    expect(new Set(uidsOf(d))).toEqual(new Set(content.nodes.map((n) => n.uid)));
    const dom = d.version.content.nodes.find((n) => n.uid === ring.domains[0]!.uid)!;
    expect(dom.snapshot.name).toBe(ring.domains[0]!.name);
    expect(dom.origin).toMatchObject({ kind: 'search', detail: ring.domains[0]!.name, by: owner.user.email });
    expect(dom.position).toEqual(pos(0));
    expect(d.version.content.edges.length).toBe(content.edges.length);
    expect(d.version.content.annotations.notes[0]!.text).toBe('Storefront of the ring');
  });

  it('refuses bad input with a message naming the field', async () => {
    const res = await owner.post(path('/versions')).send({ baseVersion: 1, content });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/message/);
    expect((await owner.post('/api/cases').send({ title: '', content })).body.error.message).toMatch(/title/);
  });

  it('every save is a new version; a second save from the same base is a conflict, and can be kept as a branch', async () => {
    const removed = content.nodes[1]!.uid;
    const v2 = { ...content, nodes: content.nodes.filter((n) => n.uid !== removed), annotations: { ...content.annotations, notes: [{ id: 'n1', targetId: ring.domains[0]!.uid, text: 'Storefront, confirmed by report' }] } };
    const first = await owner.post(path('/versions')).send({ baseVersion: 1, message: 'Drop a neighbour, confirm note', content: v2 });
    expect(first.status).toBe(201);
    expect((first.body as CaseDetail).version.number).toBe(2);
    expect(uidsOf(first.body as CaseDetail)).not.toContain(removed);

    const second = await teamSup.post(path('/versions')).send({ baseVersion: 1, message: 'my own changes', content });
    expect(second.status).toBe(409);
    expect(second.body.error.id).toBe('case_conflict');
    expect(second.body.error.details).toMatchObject({ head: 2, baseVersion: 1, headAuthor: owner.user.email });
    // nothing was overwritten
    expect(uidsOf((await owner.get(path()).expect(200)).body as CaseDetail)).not.toContain(removed);

    const branch = await teamSup.post(path('/branch')).send({ baseVersion: 1, message: 'my own changes', content });
    expect(branch.status).toBe(201);
    const b = branch.body as CaseDetail;
    expect(b.case.branchOf).toEqual({ caseId, version: 1 });
    expect(b.case.ownerId).toBe(teamSup.user.id);
    expect(uidsOf(b)).toContain(removed);
  });

  it('history lists versions; an old version opens read-only; two versions compare; restore makes a new version', async () => {
    const history = (await owner.get(path('/versions')).expect(200)).body.versions as CaseVersionSummary[];
    expect(history.map((v) => v.number)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({ message: 'Drop a neighbour, confirm note', authorEmail: owner.user.email });

    const v1 = (await owner.get(path('/versions/1')).expect(200)).body as CaseDetail;
    expect(uidsOf(v1)).toContain(content.nodes[1]!.uid);

    const diff = (await owner.get(path('/compare')).query({ from: 1, to: 2 }).expect(200)).body as CaseDiff;
    expect(diff.removed.map((r) => r.uid)).toEqual([content.nodes[1]!.uid]);
    expect(diff.added).toEqual([]);
    expect(diff.notes).toEqual([{ targetId: ring.domains[0]!.uid, before: 'Storefront of the ring', after: 'Storefront, confirmed by report' }]);

    const stale = await owner.post(path('/versions/1/restore')).send({ baseVersion: 1 });
    expect(stale.status).toBe(409);
    const restored = await owner.post(path('/versions/1/restore')).send({ baseVersion: 2 });
    expect(restored.status).toBe(201);
    const r = restored.body as CaseDetail;
    expect(r.version).toMatchObject({ number: 3, restoredFrom: 1, message: 'Restored version 1' });
    expect(new Set(uidsOf(r))).toEqual(new Set(uidsOf(v1)));
    // every version still opens
    for (const n of [1, 2, 3]) expect((await owner.get(path(`/versions/${n}`))).status).toBe(200);
    expect((await owner.get(path('/versions/4'))).status).toBe(404);
  });

  it('autosaves a private draft per user and offers it back until the next save', async () => {
    const draft = { ...content, nodes: [...content.nodes.slice(0, 3)] };
    const put = await owner.put(path('/draft')).send({ baseVersion: 3, content: draft });
    expect(put.status).toBe(200);
    const got = (await owner.get(path('/draft')).expect(200)).body.draft;
    expect(got.baseVersion).toBe(3);
    expect(got.content.nodes.map((n: { uid: string }) => n.uid)).toEqual(draft.nodes.map((n) => n.uid));
    // another editor does not get it
    expect((await teamSup.get(path('/draft')).expect(200)).body.draft).toBeNull();
    // saving clears the draft
    await owner.post(path('/versions')).send({ baseVersion: 3, message: 'Recovered draft', content: draft }).expect(201);
    expect((await owner.get(path('/draft')).expect(200)).body.draft).toBeNull();
    // the not-yet-saved canvas has one too
    await owner.put('/api/case-drafts/new').send({ baseVersion: 0, content: draft }).expect(200);
    expect((await owner.get('/api/case-drafts/new').expect(200)).body.draft.content.nodes).toHaveLength(3);
    expect((await viewer.get('/api/case-drafts/new').expect(200)).body.draft).toBeNull();
    // back to the full canvas for the rest of the file
    await owner.post(path('/versions/3/restore')).send({ baseVersion: 4 }).expect(201);
  });

  it('share permissions hold through the API for every kind of reader', async () => {
    const shares = await owner.put(path('/shares')).send({
      shares: [
        { kind: 'user', principal: viewer.user.email, role: 'viewer' },
        { kind: 'user', principal: commenter.user.email, role: 'commenter' },
        { kind: 'user', principal: editor.user.id, role: 'editor' },
      ],
    });
    expect(shares.status).toBe(200);
    const anonymous = request.agent(app);
    const head = ((await owner.get(path()).expect(200)).body as CaseDetail).case.head;
    const cases: [string, SignedInAgent | ReturnType<typeof request.agent>, { view: number; comment: number; save: number; share: number }][] = [
      ['owner', owner, { view: 200, comment: 201, save: 201, share: 200 }],
      ['viewer', viewer, { view: 200, comment: 403, save: 403, share: 403 }],
      ['commenter', commenter, { view: 200, comment: 201, save: 403, share: 403 }],
      ['editor', editor, { view: 200, comment: 201, save: 201, share: 403 }],
      ['team supervisor', teamSup, { view: 200, comment: 201, save: 201, share: 200 }],
      ['other team supervisor', otherSup, { view: 404, comment: 404, save: 404, share: 404 }],
      ['stranger analyst', stranger, { view: 404, comment: 404, save: 404, share: 404 }],
      ['anonymous', anonymous, { view: 401, comment: 401, save: 401, share: 401 }],
    ];
    let base = head;
    const currentShares = (await owner.get(path()).expect(200)).body.shares.map((s: { kind: string; principal: string; role: string }) => ({ kind: s.kind, principal: s.principal, role: s.role }));
    for (const [who, agent, want] of cases) {
      expect([who, (await agent.get(path())).status]).toEqual([who, want.view]);
      expect([who, (await agent.get(path('/report'))).status]).toEqual([who, want.view]);
      expect([who, (await agent.post(path('/comments')).send({ body: `note from ${who}` })).status]).toEqual([who, want.comment]);
      const save = await agent.post(path('/versions')).send({ baseVersion: base, message: `save by ${who}`, content });
      expect([who, save.status]).toEqual([who, want.save]);
      if (save.status === 201) base = (save.body as CaseDetail).version.number;
      expect([who, (await agent.put(path('/shares')).send({ shares: currentShares })).status]).toEqual([who, want.share]);
    }
    // case lists: the team supervisor sees the case without a share, the stranger and the other team do not
    const listed = async (a: SignedInAgent) => ((await a.get('/api/cases').expect(200)).body.cases as { id: string }[]).map((c) => c.id);
    expect(await listed(teamSup)).toContain(caseId);
    expect(await listed(viewer)).toContain(caseId);
    expect(await listed(stranger)).not.toContain(caseId);
    expect(await listed(otherSup)).not.toContain(caseId);
  });

  it('a team share opens the case to every user of that organisation', async () => {
    const police = 'org:tideway-cyber-unit';
    const officer = await signedInAgent(app, db, 'analyst', { organisationId: police });
    expect((await officer.get(path())).status).toBe(404);
    const current = (await owner.get(path()).expect(200)).body.shares.map((s: { kind: string; principal: string; role: string }) => ({ kind: s.kind, principal: s.principal, role: s.role }));
    await owner.put(path('/shares')).send({ shares: [...current, { kind: 'team', principal: police, role: 'viewer' }] }).expect(200);
    const d = (await officer.get(path()).expect(200)).body as CaseDetail;
    expect(d.case.access).toBe('viewer');
    expect((await officer.post(path('/comments')).send({ body: 'hi' })).status).toBe(403);
    expect((await owner.put(path('/shares')).send({ shares: [{ kind: 'team', principal: 'org:no-such-org', role: 'viewer' }] })).status).toBe(400);
  });

  it('comments thread on the case and its entities; mentions reach those who may open the case', async () => {
    const domain = ring.domains[0]!.uid;
    const res = await teamSup.post(path('/comments')).send({ body: `@${editor.user.email} please check the hosting. cc @${stranger.user.email}`, entityUid: domain });
    expect(res.status).toBe(201);
    expect(res.body.comment.mentions).toEqual([editor.user.id]);
    expect(res.body.unreachable).toEqual([stranger.user.email]);
    const reply = await editor.post(path('/comments')).send({ body: 'On it', parentId: res.body.comment.id, entityUid: domain });
    expect(reply.status).toBe(201);
    const thread = ((await viewer.get(path('/comments')).expect(200)).body.comments as { id: string; parentId: string | null; entityUid: string | null }[]).filter((c) => c.entityUid === domain);
    expect(thread.map((c) => c.parentId)).toEqual([null, res.body.comment.id]);
    const mentions = (await editor.get('/api/case-mentions').expect(200)).body.mentions as { caseId: string }[];
    expect(mentions.map((m) => m.caseId)).toContain(caseId);
    expect(((await stranger.get('/api/case-mentions').expect(200)).body.mentions as unknown[]).length).toBe(0);
  });

  it('restricted entities never reach a reader who may not see them, and are kept when such a reader saves', async () => {
    const mine = (await owner.get(path()).expect(200)).body as CaseDetail;
    expect(uidsOf(mine)).toContain(RESTRICTED.uid);
    const theirs = await editor.get(path()).expect(200);
    expect(uidsOf(theirs.body as CaseDetail)).not.toContain(RESTRICTED.uid);
    expect(JSON.stringify(theirs.body)).not.toContain('Harrowgate');
    expect((theirs.body as CaseDetail).version.withheld).toBe(1);

    // the editor continues the case with what they see: the restricted account survives for the owner
    const d = theirs.body as CaseDetail;
    const continued = { ...content, nodes: d.version.content.nodes.map((n) => ({ uid: n.uid, position: n.position, origin: n.origin })) };
    const saved = await editor.post(path('/versions')).send({ baseVersion: d.case.head, message: 'Continued by another analyst', content: continued });
    expect(saved.status).toBe(201);
    expect(uidsOf((await owner.get(path()).expect(200)).body as CaseDetail)).toContain(RESTRICTED.uid);

    const report = await editor.get(path('/report'));
    expect(report.status).toBe(200);
    expect(report.text).not.toContain('Harrowgate');
    expect((await owner.get(path('/report'))).text).toContain('Harrowgate');
  });

  it('the report shows the version, entities with key facts and provenance, money totals and notes, under a strict CSP', async () => {
    const res = await owner.get(path('/report')).query({ version: 1 });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'; style-src 'sha256-/);
    expect(res.headers['content-security-policy']).not.toContain('script-src');
    expect(res.text).toContain('Ring storefront');
    expect(res.text).toMatch(/version 1 of \d+/);
    expect(res.text).toContain('<svg');
    expect(res.text).toContain('Storefront of the ring');
    expect(res.text).toContain(ring.domains[0]!.name);
    expect(res.text).toContain(`Added via search (${ring.domains[0]!.name}) by ${owner.user.email}`);
    expect(res.text).not.toContain('<script');
    const v1 = (await owner.get(path('/versions/1')).expect(200)).body as CaseDetail;
    for (const n of v1.version.content.nodes) expect(res.text).toContain(n.uid);
  });

  it('the PDF report is rendered by Chromium', async () => {
    const res = await owner.get(path('/report')).query({ format: 'pdf' }).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('blocking lists: account and merchant references for payment partners, domains with evidence for registrars', async () => {
    expect((await owner.get(path('/blocking-lists/payments'))).status).toBe(403); // analysts do not send lists to partners
    const pay = await teamSup.get(path('/blocking-lists/payments'));
    expect(pay.status).toBe(200);
    expect(pay.headers['content-type']).toMatch(/text\/csv/);
    const card = (await db.driver.executeQuery('MATCH (a:Entity {uid: $uid}) RETURN a.bin AS bin, a.last4 AS last4, a.panHash AS panHash', { uid: ring.plantedBuyer.cardUid })).records[0]!;
    const cardLine = pay.text.split('\n').find((l) => l.includes(String(card.get('panHash'))))!;
    expect(cardLine).toContain(String(card.get('bin')));
    expect(cardLine).toContain(String(card.get('last4')));
    expect(pay.text).not.toMatch(/\b\d{13,19}\b/); // never a card number
    const merchantId = (await db.driver.executeQuery('MATCH (m:Entity {uid: $uid}) RETURN m.merchantId AS id', { uid: ring.merchantAccounts[0]! })).records[0]!.get('id') as string;
    expect(pay.text).toContain(merchantId);
    expect(pay.text).toContain(RESTRICTED.iban); // the team supervisor's bank supplied it
    expect(pay.text).toContain(`MoneyTrail case ${caseId} version`);

    // a supervisor of another bank, shared the case, gets the list without the restricted account
    const current = (await owner.get(path()).expect(200)).body.shares.map((s: { kind: string; principal: string; role: string }) => ({ kind: s.kind, principal: s.principal, role: s.role }));
    await owner.put(path('/shares')).send({ shares: [...current, { kind: 'user', principal: otherSup.user.email, role: 'viewer' }] }).expect(200);
    const theirs = await otherSup.get(path('/blocking-lists/payments')).expect(200);
    expect(theirs.text).not.toContain(RESTRICTED.iban);
    expect(theirs.text).toContain(merchantId);

    const dom = await teamSup.get(path('/blocking-lists/domains')).expect(200);
    const line = dom.text.split('\n').find((l) => l.startsWith(ring.domains[0]!.name))!;
    expect(line).toContain(`MoneyTrail case ${caseId}`);
    expect(line).toContain(`"'=HYPERLINK`); // spreadsheet-safe
    const hosts = await db.driver.executeQuery('MATCH (:Entity {uid: $uid})-[h:HOSTED_BY]->(p) WHERE h.to IS NULL RETURN p.name AS name', { uid: ring.domains[0]!.uid });
    for (const h of hosts.records) expect(dom.text).toContain(String(h.get('name')));

    const only = await teamSup.get(path('/blocking-lists/payments')).query({ uids: ring.merchantAccounts[0]! }).expect(200);
    expect(only.text.trim().split('\n')).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 300));
    const audited = await db.driver.executeQuery("MATCH (a:AuditRecord {action: 'case.blocking-list', target: $id}) RETURN count(a) AS n", { id: caseId });
    expect(Number(audited.records[0]!.get('n'))).toBeGreaterThanOrEqual(4);
  });

  it('says which entities changed in the graph or gained connections since the last version', async () => {
    const before = (await owner.get(path('/changes')).expect(200)).body as CaseChangesResponse;
    expect(before.changes).toEqual([]);
    const domain = ring.domains[0]!.uid;
    const merchant = ring.merchantAccounts[0]!;
    await db.driver.executeQuery(
      `MATCH (d:Entity {uid: $domain}) SET d.status = 'suspended-by-registrar', d.lastSeen = datetime()
       WITH d MATCH (m:Entity {uid: $merchant})
       CREATE (r:Entity:Report {uid: 'report:case-test-new', caption: 'NEW-REPORT', reference: 'NEW-REPORT', firstSeen: datetime(), sources: ['org:tideway-cyber-unit']})
       CREATE (r)-[:MENTIONS {firstSeen: datetime(), sources: ['org:tideway-cyber-unit']}]->(m)`,
      { domain, merchant },
    );
    const after = (await owner.get(path('/changes')).expect(200)).body as CaseChangesResponse;
    const d = after.changes.find((c) => c.uid === domain)!;
    expect(d.changedKeys).toEqual(expect.arrayContaining(['status', 'lastSeen']));
    expect(after.changes.find((c) => c.uid === merchant)?.newConnections).toBeGreaterThanOrEqual(1);
  });

  it('the owner hands the case over; the activity feed tells the story', async () => {
    const res = await owner.post(path('/transfer')).send({ to: editor.user.email });
    expect(res.status).toBe(200);
    const d = (await editor.get(path()).expect(200)).body as CaseDetail;
    expect(d.case).toMatchObject({ ownerId: editor.user.id, access: 'owner', canManage: true });
    expect(((await owner.get(path())).status)).toBe(404); // the former owner had no share of their own
    const activity = ((await editor.get(path('/activity')).expect(200)).body.activity as { kind: string }[]).map((a) => a.kind);
    expect(activity).toEqual(expect.arrayContaining(['create', 'save', 'restore', 'share', 'comment', 'transfer']));
    const status = await editor.patch(path()).send({ status: 'under_review' });
    expect(status.status).toBe(200);
    expect(status.body.case.status).toBe('under_review');
    expect((await editor.patch(path()).send({ status: 'done' })).body.error.message).toMatch(/status/);
  });

  it('a new user signs in and finds nothing of anyone else', async () => {
    const user = await createTestUser(db, 'data', { organisationId: TEAM });
    const agent = await signInAgent(app, user);
    expect(((await agent.get('/api/cases').expect(200)).body.cases as unknown[]).length).toBe(0);
    expect((await agent.post('/api/cases').send({ title: 'x', content })).status).toBe(403);
  });
});
