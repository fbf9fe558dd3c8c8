import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQueryLibrary } from '../../server/features/queries/queries.library.js';
import { QueriesRepository } from '../../server/features/queries/queries.repository.js';
import { QueriesService } from '../../server/features/queries/queries.service.js';
import type { Role } from '../../server/domain/roles.js';
import { createTestUser, signInPage } from '../support/auth.js';
import { launchBrowser } from '../support/browser.js';
import { startAppServer } from '../support/e2e-server.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing } from '../support/truth.js';

interface CyLike {
  nodes(): { map<T>(f: (n: { id(): string }) => T): T[] };
  edges(): { map<T>(f: (e: { data(key: string): string }) => T): T[] };
}

/** the same query saved as a draft: a table of the seller's sites without the relationship, and a new form field */
const DRAFT_V2 = `// @name e2e-seller-sites
// @title Websites a seller operates
// @category Sellers
// @description The websites the chosen seller operates, counted.
// @param seller: entity<Seller> -- The seller to look at
// @param live: boolean = null -- Only live sites (leave unset for all)
// @result table
// @roles analyst, supervisor, data, admin
MATCH (s:Seller {uid: $seller})-[r:OPERATES]->(d:Domain)
WHERE ($live IS NULL OR (d.status = 'live') = $live)
  AND all(x IN [s, r, d] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
RETURN s AS seller, count(d) AS draftWebsites
`;

const NEW_QUERY = `// @name e2e-seller-sites
// @title Websites a seller operates
// @category Sellers
// @description The websites the chosen seller operates.
// @param seller: entity<Seller> -- The seller to look at
// @result graph
// @roles analyst, supervisor, data, admin
MATCH (s:Seller {uid: $seller})-[r:OPERATES]->(d:Domain)
RETURN s AS seller, d AS domain, r AS operates
`;

describe('the data team publishes a query in the editor and an analyst runs it onto the canvas', () => {
  const db = openTestDatabase();
  let ring: SeedRing;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  /** console errors (CSP violations are reported there), except the 400s of runs a test expects to be refused */
  const consoleErrors: string[] = [];

  /** a page signed in as a new user of the role (through the sign-in API, sharing the browser's cookies) */
  const signedInPage = async (role: Role): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    const user = await createTestUser(db, role);
    const login = await context.request.post(`${server.baseUrl}/api/auth/login`, { data: { email: user.email, password: user.password } });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 400/.test(m.text())) consoleErrors.push(m.text());
    });
    await page.goto(server.baseUrl);
    return page;
  };

  beforeAll(async () => {
    ring = (await seedSmall(db)).rings[0]!;
    await loadQueryLibrary(new QueriesService(new QueriesRepository(db)));
    server = await startAppServer(db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await db.close();
  });

  it('a data-team member writes, checks and publishes a parameterised query', async () => {
    const page = await signedInPage('data');
    await page.getByTestId('open-queries').click();
    await page.getByTestId('queries-tab-editor').click();
    await page.getByTestId('query-new').click();
    const editor = page.locator('[data-testid="query-editor"] .cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(NEW_QUERY);
    // written without the need-to-know check: refused, naming what is unchecked, with the fix one click away
    await page.getByTestId('query-save-publish').click();
    await expect.poll(() => page.getByTestId('query-check').textContent(), { timeout: 15_000 }).toMatch(/need-to-know: s, r, d are not checked/);
    await page.getByTestId('query-add-need-to-know').click();
    await expect.poll(() => editor.textContent()).toContain('$viewer.organisationId IN coalesce(x.sources, [])');
    await page.getByTestId('query-save-publish').click();
    await expect.poll(() => page.getByTestId('query-editor-status').textContent(), { timeout: 15_000 }).toMatch(/Saved e2e-seller-sites version 1, published/);
    // the new query is in the catalogue with its version history
    const versions = await page.locator('.query-versions').textContent();
    expect(versions).toContain('published');
  });

  it('an analyst finds it in the catalogue, fills the generated form and puts the result on the canvas', async () => {
    const page = await signedInPage('analyst');
    await page.getByTestId('open-queries').click();
    // analysts get no editor or console
    expect(await page.getByTestId('queries-tab-editor').count()).toBe(0);
    await page.getByTestId('queries-filter').fill('websites seller');
    await page.getByTestId('query-item-e2e-seller-sites').click();
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    await page.locator('#qp-seller').fill(operator.name.split(' ')[0]!);
    await page.locator('.entity-picker__hits button', { hasText: operator.name }).first().click();
    await page.getByTestId('query-run').click();
    const results = page.getByTestId('query-results');
    await results.waitFor({ timeout: 15_000 });
    expect(await results.textContent()).toContain(`${ring.domains.length} rows`);
    await page.getByTestId('query-add-to-canvas').click();
    const onCanvas = () => page.evaluate(() => (window.__MONEYTRAIL_CY__ as CyLike).nodes().map((n) => n.id()));
    await expect.poll(onCanvas, { timeout: 10_000 }).toContain(operator.uid);
    const ids = await onCanvas();
    for (const d of ring.domains) expect(ids).toContain(d.uid);
    expect(pageErrors).toEqual([]);
  });

  it('a write cannot be published from the editor: the check names the problem', async () => {
    const page = await signedInPage('data');
    await page.getByTestId('open-queries').click();
    await page.getByTestId('queries-tab-editor').click();
    await page.getByTestId('query-new').click();
    await page.locator('[data-testid="query-editor"] .cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText("// @name e2e-evil\n// @description tries to write\nMATCH (d:Domain) SET d.status = 'live' RETURN d\n");
    await page.getByTestId('query-save-publish').click();
    await expect.poll(() => page.getByTestId('query-check').textContent(), { timeout: 10_000 }).toMatch(/refused.*SET/);
  });
  it('the editor colours Cypher, keeps line numbers beside the text and completes names from the live schema, with no CSP error', async () => {
    const page = await signedInPage('data');
    await page.getByTestId('open-queries').click();
    await page.getByTestId('queries-tab-editor').click();
    await page.getByTestId('query-new').click();
    const editor = page.locator('[data-testid="query-editor"] .cm-content');
    await editor.waitFor();
    // keywords have a colour of their own; the line-number gutter sits left of the text on the same line
    const look = await page.evaluate(() => {
      const keyword = document.querySelector('[data-testid="query-editor"] .cm-keyword');
      const content = document.querySelector('[data-testid="query-editor"] .cm-content');
      const gutter = document.querySelector('[data-testid="query-editor"] .cm-gutters');
      const g = gutter!.getBoundingClientRect();
      const c = content!.getBoundingClientRect();
      return { keyword: keyword && getComputedStyle(keyword).color, text: getComputedStyle(content!).color, gutterRight: g.right, contentLeft: c.left, gutterTop: g.top, contentTop: c.top };
    });
    expect(look.keyword).not.toBeNull();
    expect(look.keyword).not.toBe(look.text);
    expect(look.gutterRight).toBeLessThanOrEqual(look.contentLeft + 1);
    expect(Math.abs(look.gutterTop - look.contentTop)).toBeLessThan(5);

    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // the open, ready list (while a completion is being recomputed the old list is shown disabled)
    const options = page.locator('.cm-tooltip-autocomplete:not(.cm-tooltip-autocomplete-disabled) li');
    // typed one key at a time, as a person types: labels after "(n:", narrowing as the name grows
    await page.keyboard.type('MATCH (n:Sel', { delay: 40 });
    await expect.poll(() => options.allTextContents(), { timeout: 5_000 }).toContain(':Seller');
    await options.filter({ hasText: /^:Seller$/ }).click();
    await expect.poll(() => editor.textContent()).toBe('MATCH (n:Seller)');
    // relationship types after "[r:"
    await page.keyboard.press('End');
    await page.keyboard.type('-[r:OPE', { delay: 40 });
    await expect.poll(() => options.allTextContents(), { timeout: 5_000 }).toContain(':OPERATES');
    await options.filter({ hasText: /^:OPERATES$/ }).click();
    await expect.poll(() => editor.textContent()).toBe('MATCH (n:Seller)-[r:OPERATES]');
    // properties after "n."
    await page.keyboard.press('End');
    await page.keyboard.type('->(d) RETURN d.na', { delay: 40 });
    await expect.poll(() => options.allTextContents(), { timeout: 5_000 }).toContain('name');
    await page.keyboard.press('Escape');
    // Ctrl+Space asks for completions; MoneyTrail's own labels and properties are never offered
    await page.keyboard.press('Enter');
    await page.keyboard.type('MATCH (u:', { delay: 40 });
    await page.keyboard.press('Escape');
    await expect.poll(() => options.count()).toBe(0);
    await page.keyboard.press('Control+Space');
    await expect.poll(() => options.allTextContents(), { timeout: 5_000 }).toContain(':Domain');
    const offered = await options.allTextContents();
    for (const internal of [':User', ':Session', ':AuditRecord', ':StoredQuery']) expect(offered).not.toContain(internal);
    const schema = await page.request.get(`${new URL(page.url()).origin}/api/queries-schema`);
    const body = JSON.stringify(await schema.json());
    for (const internal of ['"User"', '"Session"', '"AuditRecord"', 'passwordHash', 'idHash']) expect(body).not.toContain(internal);

    // header comments are typed like prose: a '.' there opens no list, and Enter starts the next line
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('// @description Finds accounts. Checks', { delay: 30 });
    await page.waitForTimeout(400); // a list that would open does so within this time
    expect(await options.count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.keyboard.type('// @result table', { delay: 30 });
    const lines = await page.locator('[data-testid="query-editor"] .cm-line').allTextContents();
    expect(lines).toEqual(['// @description Finds accounts. Checks', '// @result table']);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('a data-team member saves a draft and tests it from the editor, and the catalogue runs that draft for its author', async () => {
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    const page = await signedInPage('data');
    await page.getByTestId('open-queries').click();
    await page.getByTestId('queries-filter').fill('websites seller');
    await page.locator('[data-testid="query-item-e2e-seller-sites"] + button', { hasText: 'Edit' }).click();
    const editor = page.locator('[data-testid="query-editor"] .cm-content');
    await expect.poll(() => editor.textContent(), { timeout: 10_000 }).toContain('@name e2e-seller-sites');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(DRAFT_V2);
    await page.getByTestId('query-save-draft').click();
    await expect.poll(() => page.getByTestId('query-editor-status').textContent(), { timeout: 15_000 }).toMatch(/Saved e2e-seller-sites version 2 as a draft/);

    // test the draft from the editor, with the draft's own form (its new optional yes/no field left unset)
    await page.getByTestId('query-test-open').click();
    const test = page.getByTestId('query-test');
    await test.locator('#qp-seller').fill(operator.name.split(' ')[0]!);
    await test.locator('.entity-picker__hits button', { hasText: operator.name }).first().click();
    expect(await test.locator('select#qp-live').inputValue()).toBe('');
    await test.getByRole('button', { name: 'Run version 2' }).click();
    const tested = test.getByTestId('query-results');
    await tested.waitFor({ timeout: 15_000 });
    expect(await tested.locator('th').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('draftWebsites')]));
    expect(await tested.locator('tbody td').nth(1).textContent()).toBe(String(ring.domains.length));

    // the catalogue shows the draft to its author, and running there runs the draft, not the published version 1
    await page.getByRole('tab', { name: 'Catalogue' }).click();
    await page.getByTestId('queries-filter').fill('websites seller');
    await page.getByTestId('query-item-e2e-seller-sites').click();
    await expect.poll(() => page.getByTestId('query-draft-note').textContent(), { timeout: 10_000 }).toMatch(/draft version 2/);
    await page.locator('#qp-seller').fill(operator.name.split(' ')[0]!);
    await page.locator('.entity-picker__hits button', { hasText: operator.name }).first().click();
    await page.getByTestId('query-run').click();
    const results = page.locator('.query-run [data-testid="query-results"]');
    await results.waitFor({ timeout: 15_000 });
    expect(await results.locator('th').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('draftWebsites')]));
    expect(await page.getByTestId('query-error').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('the console: its example runs, a refused query gets the need-to-know fix, and its history is per user and survives a reload', async () => {
    const page = await signedInPage('data');
    await page.getByTestId('open-queries').click();
    await page.getByRole('tab', { name: 'Console' }).click();
    await page.getByTestId('console-run').click();
    await page.getByTestId('query-results').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('console-error').count()).toBe(0);

    const editor = page.locator('[data-testid="query-console"] .cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    const unchecked = 'MATCH (s:Seller)-[o:OPERATES]->(d:Domain)\nRETURN s, d\nLIMIT 50';
    await page.keyboard.insertText(unchecked);
    await page.getByTestId('console-run').click();
    await expect.poll(() => page.getByTestId('console-error').textContent(), { timeout: 15_000 }).toMatch(/need-to-know: s, o, d are not checked/);
    await page.getByTestId('query-add-need-to-know').click();
    await expect.poll(() => editor.textContent()).toContain('all(x IN [s, o, d] WHERE');
    await page.getByTestId('console-run').click();
    await expect.poll(() => page.getByTestId('query-results').locator('.query-results__bar span').textContent(), { timeout: 15_000 }).toMatch(/\d+ rows/);
    expect(await page.getByTestId('console-error').count()).toBe(0);
    const history = () => page.getByTestId('console-history').locator('option').allTextContents();
    expect((await history()).some((h) => h.includes('all(x IN [s, o, d]'))).toBe(true);

    // after a reload the same user still has it
    await page.reload();
    await page.getByTestId('open-queries').click();
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect.poll(history, { timeout: 10_000 }).toContainEqual(expect.stringContaining('all(x IN [s, o, d]'));
    // another data-team member signing in on the same browser does not see it
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-email').waitFor({ timeout: 10_000 });
    await signInPage(page, server.baseUrl, db, 'data');
    await page.getByTestId('open-queries').click();
    await page.getByRole('tab', { name: 'Console' }).click();
    await page.getByTestId('console-run').waitFor();
    expect((await history()).join('\n')).not.toContain('all(x IN [s, o, d]');
    expect(consoleErrors).toEqual([]);
  });
  it('the queries panel fits the window at 1280 and 1500 px, and the catalogue stays clickable under a long form', async () => {
    const page = await signedInPage('analyst');
    await page.getByTestId('open-queries').click();
    await page.getByTestId('query-item-fan-in-fan-out-accounts').click();
    await page.getByTestId('query-param-form').waitFor({ timeout: 10_000 });
    for (const width of [1280, 1500]) {
      await page.setViewportSize({ width, height: 800 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      // the whole top bar is on screen
      const queries = (await page.getByTestId('open-queries').boundingBox())!;
      expect(queries.x).toBeGreaterThanOrEqual(0);
      expect(queries.x + queries.width).toBeLessThanOrEqual(width);
    }
    // Wider gives long queries and tables room, still without overflowing the window; Narrower gives it back
    const panelWidth = async () => (await page.getByTestId('queries-panel').boundingBox())!.width;
    const narrow = await panelWidth();
    await page.getByTestId('queries-widen').click();
    await expect.poll(panelWidth).toBeGreaterThan(narrow + 200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect((await page.getByTestId('graph-canvas').boundingBox())!.width).toBeGreaterThanOrEqual(300);
    await page.getByTestId('queries-widen').click();
    await expect.poll(panelWidth).toBe(narrow);
    // with the four-field form open, another query in the list can still be clicked (nothing covers it)
    await page.getByTestId('query-item-round-tripping-cycles').click({ timeout: 5_000 });
    await expect.poll(() => page.locator('.query-run h3').textContent(), { timeout: 10_000 }).toMatch(/round-trip/i);
    expect(consoleErrors).toEqual([]);
  });
});
