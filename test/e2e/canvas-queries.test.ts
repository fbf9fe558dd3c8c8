import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQueryLibrary } from '../../server/features/queries/queries.library.js';
import { QueriesRepository } from '../../server/features/queries/queries.repository.js';
import { QueriesService } from '../../server/features/queries/queries.service.js';
import { settledNodePoint } from '../support/canvas.js';
import { browserSession } from '../support/browser-session.js';
import type { SeedRing } from '../support/truth.js';

interface CyLike {
  nodes(): { map<T>(f: (n: { id(): string }) => T): T[] };
  edges(): { map<T>(f: (e: { data(key: string): string }) => T): T[] };
  $id(id: string): { renderedPosition(): { x: number; y: number } };
}

const canvasEdges = (page: Page) =>
  page.evaluate(() => (window.__MONEYTRAIL_CY__ as CyLike).edges().map((e) => ({ type: e.data('type'), source: e.data('source'), target: e.data('target') })));

const canvasIds = (page: Page) => page.evaluate(() => (window.__MONEYTRAIL_CY__ as CyLike).nodes().map((n) => n.id()));

describe('running a stored query on the canvas selection from its context menu', () => {
  const session = browserSession({ consoleErrors: true, prepare: (db) => loadQueryLibrary(new QueriesService(new QueriesRepository(db))).then(() => undefined) });
  const pageErrors = session.errors;
  let ring: SeedRing;
  let page: Page;
  beforeAll(() => {
    ({ ring, page } = session);
  });

  it("right-clicking the ring operator offers the seller queries, and one brings the ring's domains onto the canvas", async () => {
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    await page.getByTestId('search-input').fill(operator.name);
    const result = page.locator(`[data-testid="search-result"][data-node-id="${operator.uid}"]`);
    await result.waitFor({ timeout: 15_000 });
    await result.click();
    await expect.poll(() => canvasIds(page), { timeout: 15_000 }).toEqual([operator.uid]);

    // right-click where the node is drawn, once it has stopped moving
    const point = await settledNodePoint(page, operator.uid);
    await page.mouse.click(point.x, point.y, { button: 'right' });

    const menu = page.getByTestId('canvas-context-menu');
    await menu.waitFor({ timeout: 10_000 });
    expect(await menu.textContent()).toContain('Run on 1 selected');
    // queries that take no Seller (e.g. buyers-of-domains takes Domains) are not offered
    const offered = await menu.getByTestId('context-query').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
    expect(offered).toContain('seller-footprint');
    expect(offered).not.toContain('buyers-of-domains');

    await menu.locator('[data-name="seller-footprint"]').click();
    const ringDomains = ring.domains.map((d) => d.uid);
    await expect.poll(async () => (await canvasIds(page)).filter((id) => ringDomains.includes(id)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('canvas-context-menu').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
  it("a table result put on the canvas comes with its relationships: each cash-out account is joined to the ring seller holding it", async () => {
    const sellers = ring.sellers.map((s) => s.uid);
    const cashOut = ring.cashOutAccounts.map((a) => a.uid);
    /** the ring's cash-out accounts on the canvas, and those of them joined by HOLDS to a seller of the ring */
    const joined = async () => {
      const ids = await canvasIds(page);
      const edges = await canvasEdges(page);
      const shown = cashOut.filter((a) => ids.includes(a));
      const held = shown.filter((a) => edges.some((e) => e.type === 'HOLDS' && e.target === a && sellers.includes(e.source)));
      return { shown: shown.length, held: held.length, edges: edges.length };
    };
    await page.getByTestId('open-queries').click();
    await page.getByTestId('queries-filter').fill('cash-out accounts held');
    await page.getByTestId('query-item-cash-out-accounts').click();
    await page.getByTestId('query-run').click();
    await page.getByTestId('query-results').waitFor({ timeout: 15_000 });

    // added to what is there: the table has no relationship column, yet the accounts arrive connected
    await page.getByTestId('query-add-to-canvas').click();
    await expect.poll(async () => (await joined()).shown, { timeout: 15_000 }).toBe(cashOut.length);
    await expect.poll(async () => (await joined()).held, { timeout: 15_000 }).toBe(cashOut.length);

    // replacing the canvas: only the result, still connected
    const beforeReplace = [...(await canvasIds(page))].sort();
    await page.getByRole('button', { name: 'Replace canvas' }).click();
    await expect.poll(async () => (await canvasIds(page)).includes(ring.domains[0]!.uid), { timeout: 15_000 }).toBe(false);
    await expect.poll(async () => (await joined()).held, { timeout: 15_000 }).toBe(cashOut.length);
    expect((await joined()).edges).toBeGreaterThan(0);
    // one Undo brings back the canvas as it was before the replace (not an empty one)
    await page.getByTestId('undo').click();
    await expect.poll(async () => [...(await canvasIds(page))].sort(), { timeout: 10_000 }).toEqual(beforeReplace);
    expect(pageErrors).toEqual([]);
  });
});
