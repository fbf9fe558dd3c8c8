import type { Page } from 'playwright-core';
import { expect } from 'vitest';

interface CyLike {
  $id(id: string): { renderedPosition(): { x: number; y: number } };
}

/**
 * Where a node is drawn on the page, once the layout has stopped moving it (a fixed wait is too short on a busy
 * machine and too long on an idle one). Page coordinates, ready for page.mouse.
 */
export async function settledNodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const where = () => page.evaluate((nodeId) => (window.__MONEYTRAIL_CY__ as CyLike).$id(nodeId).renderedPosition(), id);
  // still = the same to half a pixel
  await untilStill(page, async () => {
    const p = await where();
    return `${Math.round(p.x * 2)},${Math.round(p.y * 2)}`;
  });
  const pos = await where();
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  return { x: box.x + pos.x, y: box.y + pos.y };
}

/** ids of the nodes on the canvas */
export const canvasNodeIds = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window.__MONEYTRAIL_CY__ as unknown as { nodes(): { map<T>(f: (n: { id(): string }) => T): T[] } }).nodes().map((n) => n.id()));

/** puts an entity on the canvas as an analyst does: types its name in the search box and clicks the hit */
export async function placeFromSearch(page: Page, name: string, uid: string): Promise<void> {
  await page.getByTestId('search-input').fill(name);
  const hit = page.locator(`[data-testid="search-result"][data-node-id="${uid}"]`);
  await hit.waitFor({ timeout: 10_000 });
  await hit.click();
  await expect.poll(() => canvasNodeIds(page), { timeout: 10_000 }).toContain(uid);
}

/**
 * Waits until `state` reads the same twice in a row, 250 ms apart (at most 10 s): for checks that need the view
 * at rest, after a selection has opened a panel that resizes the canvas or an animation is still running. A view
 * that never settles fails the test rather than letting it go on with a moving picture.
 */
export async function untilStill(page: Page, state: () => Promise<string>): Promise<void> {
  let last = await state();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const now = await state();
    if (now === last) return;
    last = now;
  }
  throw new Error(`the view was still changing after 10 s (last state: ${last.slice(0, 200)})`);
}
