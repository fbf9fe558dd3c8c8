import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import type { CaseDetail, CaseDiff, CaseSummary } from '../../server/features/cases/cases.schemas.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing } from '../support/truth.js';

const TEAM = 'org:aurelwyn-bank';
const OTHER = 'org:fjordline-bank';
const RESTRICTED = 'acct:restricted-grouping-test';

/** Case list paging (keyset cursor) and what a version keeps besides entities: filters, text boxes, groups. */
describe('case list paging and saved canvas state', () => {
  const db = openTestDatabase();
  let app: Express;
  let ring: SeedRing;
  let owner: SignedInAgent, colleague: SignedInAgent, teamSup: SignedInAgent, outsider: SignedInAgent, otherSup: SignedInAgent;
  const created = new Map<string, string>(); // case id -> creator
  let sharedWithOwner = '';

  const oneNode = () => ({ nodes: [{ uid: ring.domains[0]!.uid, position: { x: 0, y: 0 } }] });
  const make = async (agent: SignedInAgent, title: string) => {
    const res = await agent.post('/api/cases').send({ title, content: oneNode() });
    expect(res.status).toBe(201);
    const id = (res.body as CaseDetail).case.id;
    created.set(id, agent.user.email);
    return id;
  };

  /** follows `next` until the end; returns every page */
  const allPages = async (agent: SignedInAgent, query: Record<string, string | number> = {}) => {
    const pages: CaseSummary[][] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const res = await agent.get('/api/cases').query({ ...query, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      pages.push(res.body.cases as CaseSummary[]);
      cursor = res.body.next as string | null;
      if (!cursor) return pages;
    }
    throw new Error('paging never ended');
  };

  beforeAll(async () => {
    ring = (await seedSmall(db)).rings[0]!;
    // an account only its source bank (the owner's team) may see
    await db.driver.executeQuery(
      `CREATE (:Entity:PaymentAccount {uid: $uid, caption: 'Restricted grouping account', keywords: ['restricted grouping account'], kind: 'bank_account',
         iban: 'XX00RESTRICTEDGROUP01', sources: [$team], restriction: 'source_only'})`,
      { uid: RESTRICTED, team: TEAM },
    );
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    owner = await signedInAgent(app, db, 'analyst', { organisationId: TEAM });
    colleague = await signedInAgent(app, db, 'analyst', { organisationId: TEAM });
    teamSup = await signedInAgent(app, db, 'supervisor', { organisationId: TEAM });
    outsider = await signedInAgent(app, db, 'analyst', { organisationId: OTHER });
    otherSup = await signedInAgent(app, db, 'supervisor', { organisationId: OTHER });
    // more than one default page (50) for the owner
    for (let i = 0; i < 56; i++) await make(owner, `Owner case ${i}`);
    for (let i = 0; i < 4; i++) await make(colleague, `Colleague case ${i}`);
    for (let i = 0; i < 3; i++) await make(outsider, `Outsider case ${i}`);
    sharedWithOwner = [...created].find(([, by]) => by === outsider.user.email)![0];
    await outsider.put(`/api/cases/${sharedWithOwner}/shares`).send({ shares: [{ kind: 'user', principal: owner.user.email, role: 'viewer' }] }).expect(200);
  }, 120_000);
  afterAll(() => db.close());

  const expected = (who: SignedInAgent): Set<string> => {
    const mine = [...created].filter(([, by]) => by === who.user.email).map(([id]) => id);
    if (who === owner) return new Set([...mine, sharedWithOwner]);
    if (who === teamSup) return new Set([...created].filter(([, by]) => by === owner.user.email || by === colleague.user.email).map(([id]) => id));
    if (who === otherSup) return new Set([...created].filter(([, by]) => by === outsider.user.email).map(([id]) => id));
    return new Set(mine);
  };

  it('pages through every case a user may open exactly once, newest change first, with the default page size', async () => {
    const pages = await allPages(owner);
    expect(pages.length).toBe(2);
    expect(pages[0]!.length).toBe(50);
    const ids = pages.flat().map((c) => c.id);
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(ids)).toEqual(expected(owner));
    const stamps = pages.flat().map((c) => c.updatedAt);
    expect([...stamps].sort().reverse()).toEqual(stamps);
  });

  it('small pages give the same cases, each once, and never a case the reader may not open', async () => {
    for (const who of [owner, colleague, teamSup, outsider, otherSup]) {
      const pages = await allPages(who, { limit: 7 });
      const ids = pages.flat().map((c) => c.id);
      expect([who.user.email, ids.length]).toEqual([who.user.email, new Set(ids).size]);
      expect([who.user.email, new Set(ids)]).toEqual([who.user.email, expected(who)]);
      expect(pages.every((p) => p.length <= 7)).toBe(true);
      // and every listed case really opens for them
      for (const id of ids.slice(0, 3)) expect((await who.get(`/api/cases/${id}`)).status).toBe(200);
    }
    // a case changed while someone pages moves to the front; the pages after the cursor stay consistent
    const first = await owner.get('/api/cases').query({ limit: 10 });
    const touched = (first.body.cases as CaseSummary[])[9]!.id;
    await owner.patch(`/api/cases/${touched}`).send({ status: 'under_review' }).expect(200);
    const rest = (await allPages(owner, { limit: 10, cursor: first.body.next as string })).flat().map((c) => c.id);
    const seen = [...(first.body.cases as CaseSummary[]).map((c) => c.id), ...rest];
    expect(seen.length).toBe(new Set(seen).size);
    expect(new Set(seen)).toEqual(expected(owner));
  });

  it('filters by status across pages and refuses a bad cursor or page size, naming the parameter', async () => {
    const review = (await allPages(owner, { status: 'under_review', limit: 5 })).flat();
    expect(review.length).toBeGreaterThan(0);
    expect(review.every((c) => c.status === 'under_review')).toBe(true);
    const bad = await owner.get('/api/cases').query({ cursor: 'not-a-cursor' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/cursor/);
    const big = await owner.get('/api/cases').query({ limit: 5000 });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toMatch(/limit/);
  });

  it('keeps the canvas filters, text boxes and groups with a version and gives them back on open and in the report', async () => {
    const domain = ring.domains[0]!.uid;
    const other = ring.domains[1]!.uid;
    const content = {
      nodes: [
        { uid: domain, position: { x: 0, y: 0 } },
        { uid: other, position: { x: 200, y: 0 } },
      ],
      filters: { hiddenLabels: ['Transaction'], minAmount: 50, maxAmount: null, currency: 'EUR', country: 'NL', dateFrom: '2024-01-01', dateTo: '' },
      groupings: [{ id: 'g1', label: 'Ring storefronts', members: [domain, other] }],
      annotations: { notes: [], textBoxes: [{ id: 'b1', text: 'Both resolve to the same host', position: { x: 100, y: -80 } }], highlightedPaths: [] },
    };
    const res = await owner.post('/api/cases').send({ title: 'Filters kept', content });
    expect(res.status).toBe(201);
    const id = (res.body as CaseDetail).case.id;
    const opened = (await owner.get(`/api/cases/${id}`).expect(200)).body as CaseDetail;
    expect(opened.version.content.filters).toEqual(content.filters);
    expect(opened.version.content.groupings).toEqual(content.groupings);
    expect(opened.version.content.annotations.textBoxes).toEqual(content.annotations.textBoxes);
    const report = await owner.get(`/api/cases/${id}/report`).expect(200);
    expect(report.text).toContain('Ring storefronts');
    expect(report.text).toContain('Both resolve to the same host');

    // a version without filters (as saved before they were kept) still opens, with no filter
    const v2 = await owner.post(`/api/cases/${id}/versions`).send({ baseVersion: 1, message: 'no filters', content: { nodes: content.nodes } }).expect(201);
    expect((v2.body as CaseDetail).version.content.filters).toEqual({});
    expect((await owner.get(`/api/cases/${id}/versions/1`).expect(200)).body.version.content.filters).toEqual(content.filters);
    // compare says what went
    const diff = (await owner.get(`/api/cases/${id}/compare`).query({ from: 1, to: 2 }).expect(200)).body as CaseDiff;
    expect(diff.textBoxes).toEqual([{ id: 'b1', before: 'Both resolve to the same host', after: null }]);
    expect(diff.groupings).toEqual([{ id: 'g1', before: 'Ring storefronts', after: null, membersChanged: true }]);
    expect(diff.filtersChanged).toBe(true);

    const badDate = await owner.post(`/api/cases/${id}/versions`).send({ baseVersion: 2, message: 'bad', content: { ...content, filters: { dateFrom: 'yesterday' } } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/content\.filters\.dateFrom/);
    const badLabel = await owner.post(`/api/cases/${id}/versions`).send({ baseVersion: 2, message: 'bad', content: { ...content, filters: { hiddenLabels: ['Spaceship'] } } });
    expect(badLabel.status).toBe(400);
    expect(badLabel.body.error.message).toMatch(/hiddenLabels/);
    const unnamed = await owner.post(`/api/cases/${id}/versions`).send({ baseVersion: 2, message: 'bad', content: { ...content, groupings: [{ id: 'g', label: ' ', members: [domain] }] } });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.message).toMatch(/group/);
  });

  it('a group keeps members its editor may not see: they are withheld from that editor and carried into their save', async () => {
    const domain = ring.domains[0]!.uid;
    const content = {
      nodes: [
        { uid: domain, position: { x: 0, y: 0 } },
        { uid: RESTRICTED, position: { x: 100, y: 0 } },
      ],
      groupings: [{ id: 'g-mixed', label: 'Storefront money', members: [domain, RESTRICTED] }],
    };
    const id = ((await owner.post('/api/cases').send({ title: 'Mixed group', content }).expect(201)).body as CaseDetail).case.id;
    await owner.put(`/api/cases/${id}/shares`).send({ shares: [{ kind: 'user', principal: outsider.user.email, role: 'editor' }] }).expect(200);
    const theirs = (await outsider.get(`/api/cases/${id}`).expect(200)).body as CaseDetail;
    expect(theirs.version.content.groupings).toEqual([{ id: 'g-mixed', label: 'Storefront money', members: [domain] }]);
    expect(JSON.stringify(theirs.version.content)).not.toContain(RESTRICTED);
    // the outsider renames the group and saves what they see
    await outsider
      .post(`/api/cases/${id}/versions`)
      .send({ baseVersion: 1, message: 'renamed', content: { nodes: [{ uid: domain, position: { x: 5, y: 5 } }], groupings: [{ id: 'g-mixed', label: 'Storefront cash', members: [domain] }] } })
      .expect(201);
    const mine = (await owner.get(`/api/cases/${id}`).expect(200)).body as CaseDetail;
    expect(mine.version.number).toBe(2);
    expect(mine.version.content.groupings).toEqual([{ id: 'g-mixed', label: 'Storefront cash', members: [domain, RESTRICTED] }]);
    const report = await outsider.get(`/api/cases/${id}/report`).expect(200);
    expect(report.text).toContain('Storefront cash');
    expect(report.text).not.toContain('Restricted grouping account');
  });
});
