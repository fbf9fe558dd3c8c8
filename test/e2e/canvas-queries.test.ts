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
  $id(id: string): { renderedPosition(): { x: number; y: number } };
}

const canvasIds = (page: Page) => page.evaluate(() => (window.__MONEYTRAIL_CY__ as CyLike).nodes().map((n) => n.id()));

describe('running a stored query on the canvas selection from its context menu', () => {
  const session = browserSession({ prepare: (db) => loadQueryLibrary(new QueriesService(new QueriesRepository(db))).then(() => undefined) });
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
});
