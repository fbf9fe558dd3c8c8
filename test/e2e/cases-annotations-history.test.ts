import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { canvasNodeIds, placeFromSearch, untilStill } from '../support/canvas.js';
import { downloaded } from '../support/download.js';
import { browserSession } from '../support/browser-session.js';
import type { SeedRing } from '../support/truth.js';

interface CyLike {
  nodes(sel?: string): { map<T>(f: (n: { id(): string; position(): { x: number; y: number } }) => T): T[] };
  elements(): { unselect(): void };
  $id(id: string): { select(): void; position(): { x: number; y: number } };
}
const cy = <T>(page: Page, f: (cy: CyLike, arg: string) => T, arg = '') =>
  page.evaluate(([src, a]) => new Function('cy', 'arg', `return (${src})(cy, arg)`)((window as unknown as { __MONEYTRAIL_CY__: CyLike }).__MONEYTRAIL_CY__, a) as T, [f.toString(), arg] as const);

describe('text boxes and groups are undone and redone with the canvas, and travel in its exports', () => {
  const session = browserSession({ viewport: { width: 1400, height: 850 }, downloads: true });
  const errors = session.errors;
  let ring: SeedRing;
  let page: Page;
  let members: string[] = [];
  const BOX = 'Hosting paid from the same account';
  const GROUP = 'Storefront pair';
  beforeAll(() => {
    ({ ring, page } = session);
  });

  const textBox = (text: string) => page.locator('[data-testid="canvas-textbox"]', { hasText: text });
  const group = (label: string) => page.locator(`[data-testid="canvas-group"][data-label="${label}"]`);
  const boxAt = async (text: string) => ({ x: Number(await textBox(text).getAttribute('data-x')), y: Number(await textBox(text).getAttribute('data-y')) });
  /** pans the canvas so the text box sits in the middle of it, clear of the panels around the canvas */
  const centreOn = async (text: string) => {
    const at = await boxAt(text);
    await page.evaluate((p) => {
      const c = window.__MONEYTRAIL_CY__ as { zoom(): number; width(): number; height(): number; pan(p: { x: number; y: number }): void };
      const z = c.zoom();
      c.pan({ x: c.width() / 2 - p.x * z, y: c.height() / 2 - p.y * z });
    }, at);
    await expect.poll(async () => (await textBox(text).boundingBox())?.x ?? -1).toBeGreaterThan(0);
  };
  const openCaseTab = async () => {
    if (await page.getByTestId('cases-panel').isHidden()) await page.getByTestId('open-cases').click();
    await page.getByTestId('cases-tab-case').click();
  };
  const addTextBox = async (text: string) => {
    await openCaseTab();
    await page.getByTestId('case-textbox-text').fill(text);
    await page.getByTestId('case-textbox-add').click();
    await textBox(text).waitFor({ timeout: 5_000 });
  };
  const groupNodes = async (label: string, ids: string[]) => {
    await cy(page, (c, a) => { c.elements().unselect(); for (const id of a.split('|')) c.$id(id).select(); return true; }, ids.join('|'));
    await openCaseTab();
    await page.getByTestId('case-group-label').fill(label);
    await page.getByTestId('case-group-add').click();
    await group(label).waitFor({ timeout: 5_000 });
  };
  /** Ctrl+Z / Ctrl+Shift+Z with the focus on the page, not in a form field */
  const shortcut = async (key: string) => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(key);
  };

  it('undo removes a new text box and group in reverse order, redo brings them back, graph changes interleave', async () => {
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    await placeFromSearch(page, operator.name, operator.uid);
    await page.getByTestId('expand-all').click();
    await expect.poll(async () => (await canvasNodeIds(page)).length, { timeout: 30_000 }).toBeGreaterThan(3);
    await page.waitForTimeout(800);
    const entities = new Set(await canvasNodeIds(page));
    members = [operator.uid, [...entities].find((id) => id !== operator.uid)!];

    await addTextBox(BOX);
    await groupNodes(GROUP, members);
    await page.getByTestId('undo').click();
    await expect.poll(() => group(GROUP).count()).toBe(0);
    expect(await textBox(BOX).count()).toBe(1);
    await page.getByTestId('undo').click();
    await expect.poll(() => textBox(BOX).count()).toBe(0);
    // undoing them left the entities alone
    expect(new Set(await canvasNodeIds(page))).toEqual(entities);

    await page.getByTestId('redo').click();
    await textBox(BOX).waitFor({ timeout: 5_000 });
    await shortcut('Control+Shift+Z');
    await group(GROUP).waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('redo').isDisabled()).toBe(true);

    // a graph change after them is undone first, then the group, in the order they were made
    await cy(page, (c, id) => { c.elements().unselect(); c.$id(id).select(); return true; }, [...entities].find((id) => !members.includes(id))!);
    await shortcut('Delete');
    await expect.poll(async () => (await canvasNodeIds(page)).length).toBe(entities.size - 1);
    await shortcut('Control+Z');
    await expect.poll(async () => new Set(await canvasNodeIds(page))).toEqual(entities);
    expect(await group(GROUP).count()).toBe(1);
    await shortcut('Control+Z');
    await expect.poll(() => group(GROUP).count()).toBe(0);
    expect(await textBox(BOX).count()).toBe(1);
    await shortcut('Control+Shift+Z');
    await group(GROUP).waitFor({ timeout: 5_000 });
    expect(errors).toEqual([]);
  });

  it('a drag is one step: undo puts the text box back where it was; edits, renames, ungrouping and deleting undo too', async () => {
    const before = await boxAt(BOX);
    // the "Redone: …" toast sits over the middle of the canvas, where new text boxes go: out of the mouse's way
    const toast = page.getByTestId('toast');
    if (await toast.count()) await toast.getByRole('button', { name: 'Dismiss' }).click();
    await centreOn(BOX);
    // hover() waits until the text box itself is what the pointer would hit there (not a toast that just appeared)
    await textBox(BOX).hover({ position: { x: 10, y: 8 } });
    const b = (await textBox(BOX).boundingBox())!;
    await page.mouse.down();
    await page.mouse.move(b.x + 130, b.y + 90, { steps: 12 });
    await page.mouse.up();
    await expect.poll(async () => (await boxAt(BOX)).x).toBeGreaterThan(before.x + 40);
    await page.getByTestId('undo').click();
    await expect.poll(() => boxAt(BOX)).toEqual(before);
    await page.getByTestId('redo').click();
    await expect.poll(async () => (await boxAt(BOX)).x).toBeGreaterThan(before.x + 40);
    await page.getByTestId('undo').click();
    await expect.poll(() => boxAt(BOX)).toEqual(before);

    // edit the text, undo: the old text is back
    await textBox(BOX).dblclick();
    await page.getByTestId('canvas-textbox-input').fill('Rewritten note');
    await page.getByTestId('canvas-textbox-input').press('Control+Enter');
    await textBox('Rewritten note').waitFor({ timeout: 5_000 });
    await page.getByTestId('undo').click();
    await textBox(BOX).waitFor({ timeout: 5_000 });
    expect(await textBox('Rewritten note').count()).toBe(0);

    // rename the group, undo; ungroup, undo; delete the text box, undo
    await group(GROUP).getByTestId('canvas-group-rename').click();
    await page.getByTestId('canvas-group-name').fill('Renamed pair');
    await page.getByTestId('canvas-group-name').press('Enter');
    await group('Renamed pair').waitFor({ timeout: 5_000 });
    await page.getByTestId('undo').click();
    await group(GROUP).waitFor({ timeout: 5_000 });
    await group(GROUP).getByTestId('canvas-group-ungroup').click();
    await expect.poll(() => group(GROUP).count()).toBe(0);
    await page.getByTestId('undo').click();
    await group(GROUP).waitFor({ timeout: 5_000 });
    await centreOn(BOX);
    await textBox(BOX).hover();
    await textBox(BOX).getByTestId('canvas-textbox-delete').click();
    await expect.poll(() => textBox(BOX).count()).toBe(0);
    await page.getByTestId('undo').click();
    await textBox(BOX).waitFor({ timeout: 5_000 });
    expect(await boxAt(BOX)).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('the SVG, PNG and HTML exports show the text box and the group; the JSON export brings them back on import', async () => {
    const box = await boxAt(BOX);
    await page.getByTestId('export-menu').locator('summary').click();

    // SVG: the text box's text and the group's name, drawn at their graph coordinates
    const svg = await downloaded(page, 'export-svg');
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.text).toContain(GROUP);
    const memberPoints = await cy(page, (c, a) => a.split('|').map((id) => c.$id(id).position()), members.join('|'));
    const shapes = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const rect = (sel: string) => {
        const r = doc.querySelector(sel)!;
        return { x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')) };
      };
      return { parsed: !doc.querySelector('parsererror'), textBox: rect('#moneytrail-annotations .moneytrail-textbox rect'), group: rect('#moneytrail-annotations .moneytrail-group rect'), label: doc.querySelector('.moneytrail-group text')?.textContent,
        // wrapped as on screen: one tspan a line
        text: Array.from(doc.querySelectorAll('.moneytrail-textbox tspan')).map((t) => t.textContent).join(' ') };
    }, svg.text);
    expect(shapes.parsed).toBe(true);
    expect({ x: shapes.textBox.x, y: shapes.textBox.y }).toEqual(box);
    expect(shapes.label).toContain(GROUP);
    expect(shapes.text).toBe(BOX);
    for (const p of memberPoints) {
      expect(p.x).toBeGreaterThan(shapes.group.x);
      expect(p.x).toBeLessThan(shapes.group.x + shapes.group.w);
      expect(p.y).toBeGreaterThan(shapes.group.y);
      expect(p.y).toBeLessThan(shapes.group.y + shapes.group.h);
    }

    // "whole graph" off: the viewport's SVG has the text box where the analyst sees it on the canvas
    await page.getByTestId('export-full').uncheck();
    // compare with the canvas once the view and the text box drawn over it have come to rest
    const viewState = async () => JSON.stringify([await textBox(BOX).boundingBox(), await page.getByTestId('graph-canvas').boundingBox(), await page.evaluate(() => { const c = window.__MONEYTRAIL_CY__ as { pan(): unknown; zoom(): number }; return [c.pan(), c.zoom()]; })]);
    await untilStill(page, viewState);
    const viewportSvg = await downloaded(page, 'export-svg');
    await page.getByTestId('export-full').check();
    const inView = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const [a, , , d, e, f] = (doc.querySelector('#moneytrail-annotations')!.getAttribute('transform') ?? '').replace(/[^\d.\s-]/g, '').trim().split(/\s+/).map(Number);
      const r = doc.querySelector('#moneytrail-annotations .moneytrail-textbox rect')!;
      return { x: a! * Number(r.getAttribute('x')) + e!, y: d! * Number(r.getAttribute('y')) + f! };
    }, viewportSvg.text);
    const onScreen = (await textBox(BOX).boundingBox())!;
    const canvasFrame = (await page.getByTestId('graph-canvas').boundingBox())!;
    expect(Math.abs(inView.x - (onScreen.x - canvasFrame.x))).toBeLessThan(2);
    expect(Math.abs(inView.y - (onScreen.y - canvasFrame.y))).toBeLessThan(2);

    // PNG: a real picture, with the text box painted into it (its fill colour covers about its area)
    const png = await downloaded(page, 'export-png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const painted = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(img.width, img.height).getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      let noteFill = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 255 && data[i + 1] === 251 && data[i + 2] === 230) noteFill += 1;
      return { noteFill, w: img.width, h: img.height };
    }, png.bytes.toString('base64'));
    const textBoxArea = (shapes.textBox.w - 2) * (shapes.textBox.h - 2) * 4; // exported at scale 2
    expect(painted.noteFill).toBeGreaterThan(textBoxArea * 0.5);

    // the offline HTML view draws the text box as a note and the group as a box around its members
    const html = await downloaded(page, 'export-html');
    const offline = await page.context().newPage();
    await offline.setContent(html.text);
    const view = await offline.evaluate(() => {
      const c = (window as unknown as { cy: { nodes(sel: string): { length: number; map<T>(f: (n: { data(k: string): unknown; children(): { map<U>(g: (m: { id(): string }) => U): U[] } }) => T): T[] } } }).cy;
      return { notes: c.nodes('.mt-note').map((n) => n.data('note')), groups: c.nodes('.mt-group').map((n) => [n.data('groupName'), n.children().map((m) => m.id()).sort()]) };
    });
    await offline.close();
    expect(view.notes).toEqual([BOX]);
    expect(view.groups).toEqual([[GROUP, [...members].sort()]]);

    // JSON: carries them; after removing them and clearing the canvas, importing the file restores all of it
    const json = await downloaded(page, 'export-json');
    const file = JSON.parse(json.text) as { overlay: { textBoxes: { text: string; position: { x: number; y: number } }[]; groups: { label: string; members: string[] }[] } };
    expect(file.overlay.textBoxes.map((t) => [t.text, t.position])).toEqual([[BOX, box]]);
    expect(file.overlay.groups.map((g) => [g.label, [...g.members].sort()])).toEqual([[GROUP, [...members].sort()]]);
    const entities = new Set(await canvasNodeIds(page));
    await centreOn(BOX);
    await textBox(BOX).hover();
    await textBox(BOX).getByTestId('canvas-textbox-delete').click();
    await group(GROUP).getByTestId('canvas-group-ungroup').click();
    await page.getByRole('button', { name: 'Clear canvas', exact: true }).click();
    await expect.poll(async () => (await canvasNodeIds(page)).length).toBe(0);
    expect(await textBox(BOX).count()).toBe(0);
    await page.getByTestId('import-file').setInputFiles({ name: 'canvas.json', mimeType: 'application/json', buffer: Buffer.from(json.text) });
    await expect.poll(async () => new Set(await canvasNodeIds(page)), { timeout: 10_000 }).toEqual(entities);
    await textBox(BOX).waitFor({ timeout: 5_000 });
    expect(await boxAt(BOX)).toEqual(box);
    await group(GROUP).waitFor({ timeout: 5_000 });
    // the import is one step: undo takes the entities, the text box and the group away together
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await canvasNodeIds(page)).length).toBe(0);
    expect(await textBox(BOX).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
