import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../support/auth.js';
import { launchBrowser } from '../support/browser.js';
import { startAppServer } from '../support/e2e-server.js';
import { IMPORT_FIXTURES, fincenTransactionsPath } from '../support/import-fixtures.js';
import { TEST_PAN_KEY, openTestDatabase, seedSmall } from '../support/test-db.js';

describe('a data clerk imports partner files in Chromium', () => {
  const db = openTestDatabase();
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let page: Page;
  const count = async (cypher: string) => Number((await db.driver.executeQuery(cypher, {}, { database: db.database })).records[0]!.get(0));
  const cardTx = () => count("MATCH (t:Transaction) WHERE t.uid STARTS WITH 'tx:acq:M-QVX-' RETURN count(t)");

  beforeAll(async () => {
    process.env.MONEYTRAIL_PAN_KEY = TEST_PAN_KEY;
    await seedSmall(db);
    server = await startAppServer(db);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const user = await createTestUser(db, 'data');
    // the page's own cookie jar: signing in through the API signs the page in
    const login = await page.request.post(`${server.baseUrl}/api/auth/login`, { data: { email: user.email, password: user.password } });
    expect(login.status()).toBe(200);
    await page.goto(server.baseUrl);
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-panel').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db.close();
  });

  const importFile = async (file: string, mapping: string, source: string) => {
    await page.getByTestId('partner-import-file').setInputFiles(file);
    await page.getByTestId('import-mapping').selectOption(mapping);
    await page.getByTestId('import-source').fill(source);
    await page.getByTestId('import-start').click();
    // the progress bar shows while it runs (and stays, full, once done)
    await page.getByTestId('import-progress').waitFor({ state: 'visible', timeout: 10_000 });
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    return page.getByTestId('import-report');
  };

  it('imports the real FinCEN transactions with a progress bar and a report', async () => {
    const report = await importFile(fincenTransactionsPath(), 'fincen', 'icij');
    expect(await report.getAttribute('data-outcome')).toBe('imported');
    const rows = await count("MATCH (t:Transaction) WHERE t.uid STARTS WITH 'tx:fincen:' RETURN count(t)");
    expect(await page.getByTestId('report-rows-read').textContent()).toBe(rows.toLocaleString('en-US'));
    expect(await page.getByTestId('import-progress').getAttribute('value')).toBe('100');
  });

  it('previews a partner CSV, imports it, and a re-import adds nothing', async () => {
    const file = path.join(IMPORT_FIXTURES, 'card-acquirer.csv');
    await page.getByTestId('partner-import-file').setInputFiles(file);
    await page.getByTestId('import-mapping').selectOption('card-acquirer');
    await page.getByTestId('import-preview').click();
    const preview = page.getByTestId('import-preview-table');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('411111…1111');
    expect(await preview.textContent()).not.toContain('4111 1111 1111 1111');

    const report = await importFile(file, 'card-acquirer', 'quorvix-pay');
    expect(await report.getAttribute('data-outcome')).toBe('imported');
    expect(await page.getByTestId('report-rows-read').textContent()).toBe('5');
    expect(await cardTx()).toBe(5);

    const again = await importFile(file, 'card-acquirer', 'quorvix-pay');
    await expect.poll(() => again.getAttribute('data-outcome')).toBe('unchanged');
    expect(await cardTx()).toBe(5);
  });

  it('shows a refused file with the row, column and reason', async () => {
    await page.getByTestId('partner-import-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('payment_ref,paid_at,card_number,amount,currency,status,merchant_id,merchant_name,mcc,descriptor,card_country\nX-1,2025-03-01T10:15:00Z,4111111111111112,1.00,EUR,settled,M-Z,Z,5815,,NL\n') });
    await page.getByTestId('import-mapping').selectOption('card-acquirer');
    await page.getByTestId('import-source').fill('quorvix-pay');
    await page.getByTestId('import-start').click();
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 20_000 });
    const text = await error.textContent();
    expect(text).toContain('card_number');
    expect(text).toContain('Luhn');
    expect(text).not.toContain('4111111111111112');
  });

  it('rolls the partner import back from the history', async () => {
    page.once('dialog', (d) => void d.accept());
    const row = page.locator('[data-testid="import-history-row"]', { hasText: 'card-acquirer.csv' }).first();
    await row.getByTestId('import-rollback').click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('rolled_back');
    expect(await cardTx()).toBe(0);
  });
});
