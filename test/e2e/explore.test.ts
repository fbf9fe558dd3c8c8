import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { settledNodePoint } from '../support/canvas.js';
import { browserSession } from '../support/browser-session.js';
import type { SeedRing } from '../support/truth.js';

interface CyLike {
  nodes(): { map<T>(f: (n: { id(): string }) => T): T[] };
  $id(id: string): { renderedPosition(): { x: number; y: number }; length: number };
}
declare global {
  interface Window {
    __MONEYTRAIL_CY__?: unknown;
  }
}

const canvasIds = (page: Page) =>
  page.evaluate(() => (window.__MONEYTRAIL_CY__ as CyLike).nodes().map((n) => n.id()));

describe('an analyst searches, expands and inspects the demo network in Chromium', () => {
  const session = browserSession({ viewport: { width: 1280, height: 800 }, consoleErrors: true });
  const consoleErrors = session.errors;
  let ring: SeedRing;
  let page: Page;

  beforeAll(() => {
    ({ ring, page } = session);
  });

  it('finds a planted seller by name and puts it on the canvas with its properties and provenance', async () => {
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    await page.getByTestId('search-input').fill(operator.name);
    const result = page.locator(`[data-testid="search-result"][data-node-id="${operator.uid}"]`);
    await result.waitFor({ timeout: 10_000 });
    await result.click();

    await expect.poll(() => canvasIds(page), { timeout: 10_000 }).toContain(operator.uid);
    await expect.poll(() => page.getByTestId('inspector-title').textContent()).toBe(operator.name);
    const provenance = await page.getByTestId('inspector-provenance').textContent();
    expect(provenance).toMatch(/org:/);
    expect(await page.getByTestId('legend').textContent()).toContain('Seller');
  });

  it('expanding the seller shows its domains and accounts on the canvas', async () => {
    await page.getByTestId('expand-all').click();
    const ringDomains = ring.domains.map((d) => d.uid);
    await expect.poll(async () => (await canvasIds(page)).filter((id) => ringDomains.includes(id)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const ids = await canvasIds(page);
    const ringAccounts = [...ring.paymentAccounts, ...ring.merchantAccounts];
    expect(ids.some((id) => ringAccounts.includes(id))).toBe(true);
    expect(await page.getByTestId('legend').textContent()).toContain('Domain');
    expect(await page.getByTestId('graph-status').textContent()).toMatch(/\d+ nodes?/);
  });

  it('double-clicking a domain on the canvas expands it and selecting it shows its facts', async () => {
    const ids = await canvasIds(page);
    const domain = ring.domains.find((d) => ids.includes(d.uid))!;
    // wait until the layout has settled (the domain stops moving), then double-click where it is drawn
    const point = await settledNodePoint(page, domain.uid);
    const before = ids.length;
    await page.mouse.dblclick(point.x, point.y);
    await expect.poll(async () => (await canvasIds(page)).length, { timeout: 15_000 }).toBeGreaterThan(before);
    await expect.poll(() => page.getByTestId('inspector-title').textContent(), { timeout: 5_000 }).toBe(domain.name);
    expect(await page.getByTestId('inspector').textContent()).toContain('registeredAt');
  });

  it('logged no errors in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
