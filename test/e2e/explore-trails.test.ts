import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../support/auth.js';
import { launchBrowser } from '../support/browser.js';
import { downloaded } from '../support/download.js';
import { startAppServer } from '../support/e2e-server.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing } from '../support/truth.js';

interface CyLike {
  nodes(sel?: string): { map<T>(f: (n: { id(): string }) => T): T[]; length: number };
  edges(sel?: string): { length: number };
  $id(id: string): { select(): void; unselect(): void };
  elements(): { unselect(): void };
}
const cyEval = <T>(page: Page, f: (cy: CyLike, arg: string) => T, arg = '') =>
  page.evaluate(({ src, a }) => new Function('cy', 'a', `return (${src})(cy, a)`)((window as unknown as { __MONEYTRAIL_CY__: unknown }).__MONEYTRAIL_CY__, a) as T, { src: f.toString(), a: arg });
const nodeIds = (page: Page) => cyEval(page, (cy) => cy.nodes().map((n) => n.id()));
const selectOnly = (page: Page, ids: string) => cyEval(page, (cy, a) => { cy.elements().unselect(); for (const id of a.split(',')) cy.$id(id).select(); return true; }, ids);

describe('an analyst follows the money from a seller domain to the cash-out accounts in Chromium', () => {
  const db = openTestDatabase();
  let ring: SeedRing;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ring = (await seedSmall(db)).rings[0]!;
    server = await startAppServer(db);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Signs in through the API (the page shares the cookie jar); the sign-in form is covered by the auth tests.
    const user = await createTestUser(db, 'analyst');
    const login = await page.request.post(`${server.baseUrl}/api/auth/login`, { data: { email: user.email, password: user.password } });
    expect(login.status()).toBe(200);
    await page.goto(server.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db.close();
  });

  it('domain → expand by type → seller → follow the money reaches the cash-out accounts with the proceeds', async () => {
    const domain = ring.domains[0]!;
    await page.getByTestId('search-input').fill(domain.name);
    await page.locator(`[data-testid="search-result"][data-node-id="${domain.uid}"]`).click();
    await expect.poll(() => nodeIds(page), { timeout: 10_000 }).toContain(domain.uid);
    // expand one type: who operates the domain
    await page.locator('[data-testid="expand-type"][data-type="OPERATES"][data-direction="in"]').click();
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    await expect.poll(() => nodeIds(page), { timeout: 10_000 }).toContain(operator.uid);
    await selectOnly(page, operator.uid);
    await page.getByTestId('follow-money').click();
    await page.getByTestId('trail-total').waitFor({ timeout: 20_000 });
    const sinks = await page.getByTestId('trail-sink').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
    for (const c of ring.cashOutAccounts.filter((x) => x.totalIn > 0)) expect(sinks).toContain(c.uid);
    expect(await cyEval(page, (cy) => cy.edges('[type = "FLOW"]').length)).toBeGreaterThan(0);
  });

  it('undo takes the trail back off the canvas, redo puts it back', async () => {
    const before = await cyEval(page, (cy) => cy.edges('[type = "FLOW"]').length);
    await page.getByTestId('undo').click();
    await expect.poll(() => cyEval(page, (cy) => cy.edges('[type = "FLOW"]').length)).toBe(0);
    await page.getByTestId('redo').click();
    await expect.poll(() => cyEval(page, (cy) => cy.edges('[type = "FLOW"]').length)).toBe(before);
  });

  it('the timeline brush hides flows outside the window', async () => {
    const chart = page.getByTestId('timeline-chart');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + 10, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number(await page.getByTestId('hidden-count').getAttribute('data-hidden'))).toBeGreaterThan(0);
  });

  it('filtering by label hides those nodes and counts them', async () => {
    await page.locator('[data-testid="filter-label"][data-label="Domain"]').uncheck();
    await expect.poll(() => page.getByTestId('hidden-count').textContent()).toMatch(/[1-9]\d* hidden/);
    await page.locator('[data-testid="filter-label"][data-label="Domain"]').check();
  });

  it('finds the shortest path between the domain and a cash-out account', async () => {
    const sink = ring.cashOutAccounts[0]!.uid;
    await selectOnly(page, `${ring.domains[0]!.uid},${sink}`);
    await page.getByTestId('find-path').click();
    await expect.poll(() => page.getByTestId('path-result').textContent(), { timeout: 15_000 }).toMatch(/shortest path/);
  });

  it('exports files that parse: JSON (re-importable), CSV, GraphML, SVG, PNG, HTML', async () => {
    await page.getByTestId('export-menu').locator('summary').click();
    const json = await downloaded(page, 'export-json');
    const file = JSON.parse(json.text) as { format: string; nodes: { id: string }[]; flows: unknown[] };
    expect(file.format).toBe('moneytrail-canvas');
    expect(file.nodes.length).toBe((await nodeIds(page)).length);
    const gml = await downloaded(page, 'export-graphml');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'application/xml');
      return { error: doc.getElementsByTagName('parsererror').length, nodes: doc.getElementsByTagName('node').length };
    }, gml.text);
    expect(parsed.error).toBe(0);
    expect(parsed.nodes).toBe(file.nodes.length);
    const svg = await downloaded(page, 'export-svg');
    expect(svg.text).toContain('<svg');
    const png = await downloaded(page, 'export-png');
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const csvNodes = page.waitForEvent('download');
    const csvEdges = csvNodes.then(() => page.waitForEvent('download'));
    await page.getByTestId('export-csv').click();
    const nodesText = await readFile((await (await csvNodes).path())!, 'utf8');
    expect(nodesText.split('\r\n')[0]).toMatch(/^id,label,caption/);
    expect(nodesText.trim().split('\r\n')).toHaveLength(file.nodes.length + 1);
    const edgesText = await readFile((await (await csvEdges).path())!, 'utf8');
    expect(edgesText.split('\r\n')[0]).toBe('id,source,target,type,total,count,currency,first,last,sources');
    const html = await downloaded(page, 'export-html');
    expect(html.text).toContain('cytoscape');
    // the offline file opens and draws the same nodes
    const offline = await browser.newPage();
    await offline.setContent(html.text);
    expect(await offline.evaluate(() => (window as unknown as { cy: CyLike }).cy.nodes().length)).toBe(file.nodes.length);
    // sink totals are label text in the element data, so the offline file shows them too
    const sinkLabels = await offline.evaluate(() =>
      (window as unknown as { cy: { nodes(s: string): { map<T>(f: (n: { style(p: string): string }) => T): T[] } } }).cy.nodes('.is-sink').map((n) => n.style('label')),
    );
    expect(sinkLabels.length).toBeGreaterThan(0);
    for (const label of sinkLabels) expect(label).toMatch(/SINK € [\d,.]+/);
    await offline.close();

    // re-import onto a cleared canvas
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await expect.poll(async () => (await nodeIds(page)).length).toBe(0);
    await page.getByTestId('import-file').setInputFiles({ name: 'canvas.json', mimeType: 'application/json', buffer: Buffer.from(json.text) });
    await expect.poll(async () => (await nodeIds(page)).length).toBe(file.nodes.length);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
