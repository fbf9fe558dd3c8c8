import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQueryLibrary } from '../../server/features/queries/queries.library.js';
import { QueriesRepository } from '../../server/features/queries/queries.repository.js';
import { QueriesService } from '../../server/features/queries/queries.service.js';
import type { Role } from '../../server/domain/roles.js';
import { createTestUser } from '../support/auth.js';
import { launchBrowser } from '../support/browser.js';
import { startAppServer } from '../support/e2e-server.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing } from '../support/truth.js';

interface CyLike {
  nodes(): { map<T>(f: (n: { id(): string }) => T): T[] };
}

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

  /** a page signed in as a new user of the role (through the sign-in API, sharing the browser's cookies) */
  const signedInPage = async (role: Role): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    const user = await createTestUser(db, role);
    const login = await context.request.post(`${server.baseUrl}/api/auth/login`, { data: { email: user.email, password: user.password } });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
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
});
