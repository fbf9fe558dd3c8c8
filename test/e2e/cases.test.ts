import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInPage } from '../support/auth.js';
import { launchBrowser } from '../support/browser.js';
import { placeFromSearch as place } from '../support/canvas.js';
import { startAppServer } from '../support/e2e-server.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing } from '../support/truth.js';

interface CyLike {
  nodes(): { map<T>(f: (n: { id(): string }) => T): T[] };
}
const TEAM = 'org:aurelwyn-bank';
const canvasIds = (page: Page) => page.evaluate(() => ((window as unknown as { __MONEYTRAIL_CY__: CyLike }).__MONEYTRAIL_CY__).nodes().map((n) => n.id()));

describe('an analyst saves a case; a supervisor opens it from its link, comments and restores an earlier version', () => {
  const db = openTestDatabase();
  let ring: SeedRing;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let analyst: Page;
  let supervisor: Page;
  let caseUrl = '';
  let v1Ids: string[] = [];
  let v2Ids: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    ring = (await seedSmall(db)).rings[0]!;
    server = await startAppServer(db);
    browser = await launchBrowser();
    analyst = await (await browser.newContext({ viewport: { width: 1400, height: 850 } })).newPage();
    supervisor = await (await browser.newContext({ viewport: { width: 1400, height: 850 } })).newPage();
    for (const p of [analyst, supervisor]) p.on('pageerror', (e) => errors.push(e.message));
    await signInPage(analyst, server.baseUrl, db, 'analyst', { organisationId: TEAM });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db.close();
  });


  it('the analyst saves the canvas as a case, then saves a second version', async () => {
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    await place(analyst, operator.name, operator.uid);
    await analyst.getByTestId('open-cases').click();
    await analyst.getByTestId('case-new-title').fill('Operator footprint');
    await analyst.getByTestId('case-create').click();
    await analyst.getByTestId('case-title').waitFor({ timeout: 10_000 });
    expect(await analyst.getByTestId('case-version').textContent()).toContain('Version 1 of 1');
    expect(analyst.url()).toMatch(/\/cases\/case-[0-9a-f]+$/);
    caseUrl = analyst.url();
    v1Ids = await canvasIds(analyst);

    // the inspector (with its expand button) shares the side of the screen with the cases panel
    await analyst.getByTestId('open-cases').click();
    await place(analyst, operator.name, operator.uid); // selects it again (opening the case redrew the canvas)
    await analyst.getByTestId('expand-all').click();
    await expect.poll(async () => (await canvasIds(analyst)).length, { timeout: 15_000 }).toBeGreaterThan(v1Ids.length);
    await analyst.waitForTimeout(800);
    v2Ids = await canvasIds(analyst);
    await analyst.getByTestId('open-cases').click();
    await analyst.getByTestId('case-save-message').fill('Expanded the operator');
    await analyst.getByTestId('case-save').click();
    await expect.poll(() => analyst.getByTestId('case-version').textContent(), { timeout: 10_000 }).toContain('Version 2 of 2');
  });

  it('the team supervisor opens the case link, sees version 2, comments and restores version 1', async () => {
    await signInPage(supervisor, server.baseUrl, db, 'supervisor', { organisationId: TEAM });
    await supervisor.goto(caseUrl);
    await supervisor.getByTestId('case-title').waitFor({ timeout: 15_000 });
    expect(await supervisor.getByTestId('case-title').textContent()).toBe('Operator footprint');
    await expect.poll(async () => new Set(await canvasIds(supervisor)), { timeout: 10_000 }).toEqual(new Set(v2Ids));

    await supervisor.getByTestId('cases-tab-collab').click();
    await supervisor.getByTestId('case-comment-body').fill('Reviewed: start from the operator only');
    await supervisor.getByTestId('case-comment-post').click();
    await expect.poll(() => supervisor.getByTestId('case-comments').textContent(), { timeout: 10_000 }).toContain('Reviewed: start from the operator only');

    await supervisor.getByTestId('cases-tab-history').click();
    await supervisor.getByTestId('case-version-2').waitFor({ timeout: 10_000 });
    await supervisor.getByTestId('case-restore-1').click();
    await supervisor.getByTestId('cases-tab-case').click();
    await expect.poll(() => supervisor.getByTestId('case-version').textContent(), { timeout: 10_000 }).toContain('Version 3 of 3');
    await expect.poll(async () => new Set(await canvasIds(supervisor)), { timeout: 10_000 }).toEqual(new Set(v1Ids));

    // every version still opens read-only
    await supervisor.getByTestId('cases-tab-history').click();
    await supervisor.getByTestId('case-open-2').click();
    await supervisor.getByTestId('cases-tab-case').click();
    await expect.poll(() => supervisor.getByTestId('case-version').textContent(), { timeout: 10_000 }).toContain('Viewing version 2 of 3 (read-only)');
    await expect.poll(async () => new Set(await canvasIds(supervisor)), { timeout: 10_000 }).toEqual(new Set(v2Ids));
    expect(await supervisor.getByTestId('case-save').count()).toBe(0);
  });

  it('a stranger with the link gets nothing', async () => {
    const page = await (await browser.newContext()).newPage();
    await signInPage(page, server.baseUrl, db, 'analyst', { organisationId: 'org:fjordline-bank' });
    await page.goto(caseUrl);
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('case-title').count()).toBe(0);
    expect(await canvasIds(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
