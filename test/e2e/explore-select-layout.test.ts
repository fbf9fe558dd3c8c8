import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { settledNodePoint, untilStill } from '../support/canvas.js';
import { browserSession } from '../support/browser-session.js';
import type { SeedRing } from '../support/truth.js';

type Box = { x1: number; y1: number; x2: number; y2: number };
type CyNode = { id(): string; position(): { x: number; y: number }; renderedBoundingBox(o: { includeLabels: boolean; includeOverlays: boolean }): Box; visible(): boolean };
type Cy = {
  nodes(sel?: string): { map<T>(f: (n: CyNode) => T): T[]; length: number };
  elements(): { unselect(): void };
  add(els: unknown[]): unknown;
};
const cyEval = <T>(page: Page, f: (cy: Cy, arg: string) => T, arg = '') =>
  page.evaluate(({ src, a }) => new Function('cy', 'a', `return (${src})(cy, a)`)((window as unknown as { __MONEYTRAIL_CY__: unknown }).__MONEYTRAIL_CY__, a) as T, { src: f.toString(), a: arg });
const selectedNodes = (page: Page) => cyEval(page, (cy) => cy.nodes(':selected').map((n) => n.id()));

describe('selecting with a box and laying out a big canvas in Chromium', () => {
  const session = browserSession({ consoleErrors: true });
  const consoleErrors = session.errors;
  let ring: SeedRing;
  let page: Page;

  beforeAll(() => {
    ({ ring, page } = session);
  });

  it('shift+drag on the background selects exactly the nodes inside the rectangle', { timeout: 90_000 }, async () => {
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    await page.getByTestId('search-input').fill(operator.name);
    const result = page.locator(`[data-testid="search-result"][data-node-id="${operator.uid}"]`);
    await result.waitFor({ timeout: 10_000 });
    await result.click();
    await expect.poll(() => cyEval(page, (cy) => cy.nodes().length), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('expand-all').click();
    await expect.poll(() => cyEval(page, (cy) => cy.nodes().length), { timeout: 60_000 }).toBeGreaterThan(4);
    await settledNodePoint(page, operator.uid);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await settledNodePoint(page, operator.uid);
    await cyEval(page, (cy) => cy.elements().unselect());

    const frame = (await page.getByTestId('graph-canvas').boundingBox())!;
    const boxes = await cyEval(page, (cy) =>
      cy.nodes().map((n) => ({ id: n.id(), ...n.renderedBoundingBox({ includeLabels: false, includeOverlays: false }) })),
    );
    // The rectangle: around the node furthest left and its nearest neighbours, so it holds some nodes, not all.
    const sorted = [...boxes].sort((a, b) => a.x1 - b.x1);
    const seed = sorted[0]!;
    const centre = (b: Box) => ({ x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 });
    const near = [...boxes]
      .sort((a, b) => Math.hypot(centre(a).x - centre(seed).x, centre(a).y - centre(seed).y) - Math.hypot(centre(b).x - centre(seed).x, centre(b).y - centre(seed).y))
      .slice(0, Math.max(2, Math.floor(boxes.length / 3)));
    const rect = {
      x1: Math.min(...near.map((b) => b.x1)) - 6,
      y1: Math.min(...near.map((b) => b.y1)) - 6,
      x2: Math.max(...near.map((b) => b.x2)) + 6,
      y2: Math.max(...near.map((b) => b.y2)) + 6,
    };
    const inside = boxes.filter((b) => b.x1 >= rect.x1 && b.x2 <= rect.x2 && b.y1 >= rect.y1 && b.y2 <= rect.y2).map((b) => b.id);
    expect(inside.length).toBeGreaterThanOrEqual(2);
    expect(inside.length).toBeLessThan(boxes.length);

    await page.keyboard.down('Shift');
    await page.mouse.move(frame.x + rect.x1, frame.y + rect.y1);
    await page.mouse.down();
    await page.mouse.move(frame.x + rect.x2, frame.y + rect.y2, { steps: 12 });
    await page.mouse.up();
    await page.keyboard.up('Shift');

    await expect.poll(async () => new Set(await selectedNodes(page))).toEqual(new Set(inside));
    // the app saw the selection: actions on a selection are enabled
    await expect.poll(() => page.getByTestId('expand-selection').isEnabled()).toBe(true);
  });

  it('the same drag without Shift pans the view and leaves the selection alone', async () => {
    const before = new Set(await selectedNodes(page));
    const pan = () => page.evaluate(() => (window.__MONEYTRAIL_CY__ as { pan(): { x: number; y: number } }).pan());
    // the selection just made opens the inspector, which resizes the canvas and moves the view: wait for it to rest
    const view = async () => JSON.stringify({ pan: await pan(), frame: await page.getByTestId('graph-canvas').boundingBox() });
    await untilStill(page, view);
    const panBefore = await pan();
    const frame = (await page.getByTestId('graph-canvas').boundingBox())!;
    // from empty background: the bottom-right corner, inside the fit's margin, clear of the legend and Steps list
    const start = { x: frame.x + frame.width - 30, y: frame.y + frame.height - 30 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x - 120, start.y - 80, { steps: 12 });
    await page.mouse.up();
    const panAfter = await pan();
    expect(Math.round(panAfter.x - panBefore.x)).toBe(-120);
    expect(Math.round(panAfter.y - panBefore.y)).toBe(-80);
    expect(new Set(await selectedNodes(page))).toEqual(before);
  });

  it('the shortcut help explains box select', async () => {
    await page.getByTestId('help-toggle').click();
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    expect(await help.textContent()).toMatch(/Shift\+drag.*Box/i);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
  });

  it('a big force-directed layout shows its progress as rising percentages, then the indicator goes', { timeout: 120_000 }, async () => {
    // 700 extra nodes in a ring with chords: the worker path with fcose's iterated force-directed pass
    await cyEval(page, (cy) => {
      const els: unknown[] = [];
      const n = 700;
      for (let i = 0; i < n; i++) {
        els.push({ group: 'nodes', data: { id: `bulk-${i}`, label: 'Domain', caption: `bulk-${i}.example` }, position: { x: (i % 30) * 3, y: Math.floor(i / 30) * 3 } });
        if (i > 0) els.push({ group: 'edges', data: { id: `bulk-e${i}`, source: `bulk-${i - 1}`, target: `bulk-${i}`, type: 'LINKS_TO' } });
        if (i % 7 === 0 && i > 50) els.push({ group: 'edges', data: { id: `bulk-c${i}`, source: `bulk-${i}`, target: `bulk-${(i * 13) % 50}`, type: 'LINKS_TO' } });
      }
      cy.add(els);
      return true;
    });
    // every percentage the indicator shows, as the analyst would see it
    await page.evaluate(() => {
      const w = window as unknown as { __percents: number[]; __texts: string[] };
      w.__percents = [];
      w.__texts = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="layout-busy"]');
        const p = el?.getAttribute('data-percent');
        if (p != null && Number(p) !== w.__percents.at(-1)) {
          w.__percents.push(Number(p));
          w.__texts.push(el!.textContent ?? '');
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.getByTestId('layout-select').selectOption('fcose');
    const busy = page.getByTestId('layout-busy');
    await busy.waitFor({ timeout: 10_000 });
    await busy.waitFor({ state: 'detached', timeout: 90_000 });
    const { percents, texts } = await page.evaluate(() => {
      const w = window as unknown as { __percents: number[]; __texts: string[] };
      return { percents: w.__percents, texts: w.__texts };
    });
    expect(percents.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThan(percents[i - 1]!);
    // percentages from within the layout itself, not only the start and the end
    expect(percents.filter((p) => p > 15 && p < 95).length).toBeGreaterThanOrEqual(2);
    expect(texts.find((t) => / [1-9]\d?%/.test(t))).toMatch(/laying out [\d,]+ nodes… \d+%/);
    const spread = await cyEval(page, (cy) => new Set(cy.nodes('[id ^= "bulk-"]').map((n) => JSON.stringify(n.renderedBoundingBox({ includeLabels: false, includeOverlays: false }).x1 | 0))).size);
    expect(spread).toBeGreaterThan(50);
  });

  it('Cancel stops a running layout and leaves the nodes where they were', { timeout: 120_000 }, async () => {
    const positions = () => cyEval(page, (cy) => cy.nodes('[id ^= "bulk-"]').map((n) => JSON.stringify(n.position())));
    // a grid first (a step of its own, quick on the page), so the step before the cancelled one is known
    const laidOut = JSON.stringify(await positions());
    await page.getByTestId('layout-select').selectOption('grid');
    // the grid must have started moving the nodes before "still" means "finished" (a busy machine starts it late)
    await expect.poll(async () => JSON.stringify(await positions()) !== laidOut, { timeout: 20_000 }).toBe(true);
    await untilStill(page, async () => JSON.stringify(await positions()));
    const before = await positions();
    await page.getByTestId('layout-select').selectOption('fcose');
    const cancel = page.getByTestId('layout-cancel');
    await cancel.waitFor({ timeout: 10_000 });
    await cancel.click();
    await page.getByTestId('layout-busy').waitFor({ state: 'detached', timeout: 5_000 });
    await page.waitForTimeout(500);
    expect(await positions()).toEqual(before);
    // the cancelled layout left nothing to undo: Undo goes back past it, to the step before
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toMatch(/^Undone: Layout: grid/);
  });

  it('raised no page errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
