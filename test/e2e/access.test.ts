import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../server/features/audit/audit.repository.js';
import { AuditService } from '../../server/features/audit/audit.service.js';
import { signInPage } from '../support/auth.js';
import { launchBrowser } from '../support/browser.js';
import { startAppServer } from '../support/e2e-server.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';

/**
 * The "done when", in Chromium: the admin creates users for two organisations, an analyst of one
 * cannot see the other's restricted record, and the admin finds the session in the audit log with an intact chain.
 */
describe('accounts, need-to-know and the audit log in the browser', () => {
  const db = openTestDatabase();
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const restricted = { uid: 'seller:restricted-e2e-morrowvane', name: 'Corvina Morrowvane' };

  beforeAll(async () => {
    await seedSmall(db);
    await db.driver.executeQuery(
      `CREATE (:Entity:Seller {uid: $uid, caption: $name, name: $name, keywords: [$name], sources: ['org:aurelwyn-bank'], restriction: 'source_and_le'})`,
      restricted,
    );
    server = await startAppServer(db);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db.close();
  });

  const signInAs = async (email: string, password: string) => {
    await page.goto(server.baseUrl);
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('user-menu').waitFor({ timeout: 15_000 });
  };
  const signOut = async () => {
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor({ timeout: 10_000 });
  };
  const searchIds = async (q: string) => {
    await page.getByTestId('search-input').fill(q);
    await page.waitForTimeout(1200);
    return page.locator('[data-testid="search-result"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
  };

  it('refuses a wrong password on the sign-in page with a readable message', async () => {
    await page.goto(server.baseUrl);
    await page.getByTestId('signin-email').fill('nobody@test.example');
    await page.getByTestId('signin-password').fill('not-a-real-password');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('signin-error').textContent()).toMatch(/e-mail address or the password is wrong/);
    // Chromium logs the refused sign-in's 401 as a console error; that one is intended
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/status of 401/.test(e)));
  });

  it('the admin creates an analyst for each of two organisations in the UI', async () => {
    await signInPage(page, server.baseUrl, db, 'admin');
    expect(await page.getByTestId('user-role').textContent()).toBe('Admin');
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('open-admin').click();
    for (const [email, org] of [
      ['ana@fjordline.example', 'org:fjordline-bank'],
      ['ben@aurelwyn.example', 'org:aurelwyn-bank'],
    ] as const) {
      await page.getByTestId('new-user-email').fill(email);
      await page.getByTestId('new-user-org').selectOption(org);
      await page.getByTestId('new-user-role').selectOption('analyst');
      await page.getByTestId('new-user-password').fill('a-long-initial-password');
      await page.getByTestId('new-user-submit').click();
      await page.locator(`[data-testid="user-row"][data-email="${email}"]`).waitFor({ timeout: 10_000 });
    }
    await page.getByTestId('admin-close').click();
    await signOut();
  });

  it("an analyst of one organisation cannot find the other's restricted record; the source's analyst can", async () => {
    await signInAs('ana@fjordline.example', 'a-long-initial-password');
    expect(await searchIds(restricted.name)).not.toContain(restricted.uid);
    // straight at the API with the browser's session: as if the record did not exist
    expect((await page.request.get(`${server.baseUrl}/api/nodes/${encodeURIComponent(restricted.uid)}`)).status()).toBe(404);
    await signOut();
    await signInAs('ben@aurelwyn.example', 'a-long-initial-password');
    await page.getByTestId('search-input').fill(restricted.name);
    await page.locator(`[data-testid="search-result"][data-node-id="${restricted.uid}"]`).waitFor({ timeout: 10_000 });
    await signOut();
  });

  it("the admin sees the analysts' sign-ins and searches in the audit log, and the chain verifies", async () => {
    await signInPage(page, server.baseUrl, db, 'admin');
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('open-admin').click();
    await page.getByTestId('admin-tab-audit').click();
    await page.getByTestId('audit-filter-user').fill('ana@fjordline.example');
    await page.getByTestId('audit-filter').locator('button[type="submit"]').click();
    await expect
      .poll(async () => page.locator('[data-testid="audit-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['auth.login', 'search', 'graph.node', 'auth.logout']));
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toMatch(/intact/);
    expect((await new AuditService(new AuditRepository(db)).verify()).ok).toBe(true);
    const download = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download[0].suggestedFilename()).toBe('moneytrail-audit.csv');
  });

  it('the strict Content-Security-Policy caused no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
