import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../server/api-types.js';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import { signInAgent, signInPage, type TestUser } from '../support/auth.js';
import { launchBrowser } from '../support/browser.js';
import { placeFromSearch as place } from '../support/canvas.js';
import { startAppServer } from '../support/e2e-server.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedRing } from '../support/truth.js';

interface CyLike {
  nodes(): { map<T>(f: (n: { id(): string; data(k: string): unknown }) => T): T[] };
  elements(): { unselect(): void };
  $id(id: string): { select(): void };
}
const TEAM = 'org:aurelwyn-bank';
const cy = <T>(page: Page, f: (cy: CyLike, arg: string) => T, arg = '') =>
  page.evaluate(([src, a]) => new Function('cy', 'arg', `return (${src})(cy, arg)`)((window as unknown as { __MONEYTRAIL_CY__: CyLike }).__MONEYTRAIL_CY__, a) as T, [f.toString(), arg] as const);
const canvasIds = (page: Page) => cy(page, (c) => c.nodes().map((n) => n.id()));
const caseIdOf = (page: Page) => /\/cases\/(case-[0-9a-f]+)$/.exec(page.url())?.[1] ?? '';
/** the case as the server holds it, read with the page's own session */
const serverCase = (page: Page, id: string) => page.evaluate(async (caseId) => (await (await fetch(`/api/cases/${caseId}`)).json()) as CaseDetail, id);

describe('cases in Chromium: concurrent saves, autosave recovery, and what a version keeps besides entities', () => {
  const db = openTestDatabase();
  let ring: SeedRing;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let ownerCtx: BrowserContext;
  let owner: Page;
  let colleague: Page;
  let caseId = '';
  let ownerUser: TestUser;
  const errors: string[] = [];

  beforeAll(async () => {
    ring = (await seedSmall(db)).rings[0]!;
    server = await startAppServer(db);
    browser = await launchBrowser();
    ownerCtx = await browser.newContext({ viewport: { width: 1400, height: 850 } });
    owner = await ownerCtx.newPage();
    colleague = await (await browser.newContext({ viewport: { width: 1400, height: 850 } })).newPage();
    for (const p of [owner, colleague]) p.on('pageerror', (e) => errors.push(e.message));
    ownerUser = await signInPage(owner, server.baseUrl, db, 'analyst', { organisationId: TEAM });
    // the team supervisor may edit every case of the team
    await signInPage(colleague, server.baseUrl, db, 'supervisor', { organisationId: TEAM });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db.close();
  });

  const openCasesPanel = async (page: Page) => {
    if (await page.getByTestId('cases-panel').isHidden()) await page.getByTestId('open-cases').click();
  };
  const addTextBox = async (page: Page, text: string) => {
    await openCasesPanel(page);
    await page.getByTestId('cases-tab-case').click();
    await page.getByTestId('case-textbox-text').fill(text);
    await page.getByTestId('case-textbox-add').click();
    await page.locator('[data-testid="canvas-textbox"]', { hasText: text }).waitFor({ timeout: 5_000 });
  };
  const saveVersion = async (page: Page, message: string) => {
    await openCasesPanel(page);
    await page.getByTestId('cases-tab-case').click();
    await page.getByTestId('case-save-message').fill(message);
    await page.getByTestId('case-save').click();
  };
  const versionText = (page: Page) => page.getByTestId('case-version').textContent();

  it('two people edit the same version: the second save gets the conflict dialog, and "save as branch" keeps both', async () => {
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    await place(owner, operator.name, operator.uid);
    await owner.getByTestId('open-cases').click();
    await owner.getByTestId('case-new-title').fill('Shared storefront');
    await owner.getByTestId('case-create').click();
    await owner.getByTestId('case-title').waitFor({ timeout: 10_000 });
    caseId = caseIdOf(owner);
    expect(caseId).not.toBe('');

    await colleague.goto(`${server.baseUrl}/cases/${caseId}`);
    await colleague.getByTestId('case-title').waitFor({ timeout: 15_000 });
    await expect.poll(() => versionText(colleague), { timeout: 10_000 }).toContain('Version 1 of 1');

    // the owner adds a domain and saves first
    const domain = ring.domains[0]!;
    await place(owner, domain.name, domain.uid);
    await saveVersion(owner, 'Added the storefront domain');
    await expect.poll(() => versionText(owner), { timeout: 10_000 }).toContain('Version 2 of 2');

    // the colleague, still on version 1, adds another domain and a text box, then saves
    const other = ring.domains[1]!;
    await place(colleague, other.name, other.uid);
    await addTextBox(colleague, 'Second storefront, same registrar');
    await saveVersion(colleague, 'My take');
    const dialog = colleague.getByTestId('case-conflict');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.textContent()).toMatch(/saved version 2 of this case after you opened version 1/);

    await colleague.getByTestId('conflict-branch').click();
    await expect.poll(() => caseIdOf(colleague), { timeout: 10_000 }).not.toBe(caseId);
    await expect.poll(() => colleague.getByTestId('case-title').textContent(), { timeout: 10_000 }).toContain('branch of v1');
    const branchId = caseIdOf(colleague);
    // the branch holds the colleague's work, the original holds the owner's: nothing was lost
    const branch = await serverCase(colleague, branchId);
    expect(branch.version.content.nodes.map((n) => n.uid)).toEqual(expect.arrayContaining([operator.uid, other.uid]));
    expect(branch.version.content.annotations.textBoxes.map((b) => b.text)).toEqual(['Second storefront, same registrar']);
    expect(branch.case.branchOf).toEqual({ caseId, version: 1 });
    const original = await serverCase(colleague, caseId);
    expect(original.case.head).toBe(2);
    expect(original.version.content.nodes.map((n) => n.uid)).toEqual(expect.arrayContaining([operator.uid, domain.uid]));
    expect(original.version.content.nodes.map((n) => n.uid)).not.toContain(other.uid);
    expect(new Set(await canvasIds(colleague))).toEqual(new Set(branch.version.content.nodes.map((n) => n.uid)));
  });

  it('"reload" after a conflict shows the newer version exactly as its author saved it', async () => {
    await colleague.goto(`${server.baseUrl}/cases/${caseId}`);
    await expect.poll(() => versionText(colleague), { timeout: 15_000 }).toContain('Version 2 of 2');
    // the owner saves version 3 with a text box while the colleague works on version 2
    await addTextBox(owner, 'Owner: check the hosting first');
    await saveVersion(owner, 'Hosting note');
    await expect.poll(() => versionText(owner), { timeout: 10_000 }).toContain('Version 3 of 3');

    const extra = ring.domains[2] ?? ring.domains[1]!;
    await place(colleague, extra.name, extra.uid);
    await saveVersion(colleague, 'Colleague change');
    await colleague.getByTestId('case-conflict').waitFor({ timeout: 10_000 });
    await colleague.getByTestId('conflict-reload').click();
    await expect.poll(() => versionText(colleague), { timeout: 10_000 }).toContain('Version 3 of 3');
    const v3 = await serverCase(colleague, caseId);
    await expect.poll(async () => new Set(await canvasIds(colleague)), { timeout: 10_000 }).toEqual(new Set(v3.version.content.nodes.map((n) => n.uid)));
    await colleague.locator('[data-testid="canvas-textbox"]', { hasText: 'Owner: check the hosting first' }).waitFor({ timeout: 5_000 });
    expect(await colleague.getByTestId('case-conflict').count()).toBe(0);
  });

  it('a change left unsaved in a closed tab comes back: the recovery banner offers it, recovering restores it', async () => {
    const owner2 = await ownerCtx.newPage();
    owner2.on('pageerror', (e) => errors.push(e.message));
    await owner2.goto(`${server.baseUrl}/cases/${caseId}`);
    await expect.poll(() => versionText(owner2), { timeout: 15_000 }).toContain('Version 3 of 3');
    await owner.close();
    const account = ring.merchantAccounts[0]!;
    const accountName = await owner2.evaluate(async (uid) => ((await (await fetch(`/api/nodes/${encodeURIComponent(uid)}`)).json()) as { caption: string }).caption, account);
    await place(owner2, accountName, account);
    await addTextBox(owner2, 'Unsaved: settles to the cash-out account');
    // wait until the autosaved draft on the server holds the change (written every few seconds)
    const draftBoxes = () => owner2.evaluate(async (id) => ((await (await fetch(`/api/cases/${id}/draft`)).json()) as { draft: { content: { annotations: { textBoxes: { text: string }[] } } } | null }).draft?.content.annotations.textBoxes.map((b) => b.text) ?? [], caseId);
    await expect.poll(draftBoxes, { timeout: 15_000, interval: 500 }).toContain('Unsaved: settles to the cash-out account');
    expect(await owner2.getByTestId('case-autosave').textContent()).toContain('Draft autosaved');
    const before = new Set(await canvasIds(owner2));
    await owner2.close(); // closed without saving

    const again = await ownerCtx.newPage();
    again.on('pageerror', (e) => errors.push(e.message));
    owner = again;
    await again.goto(`${server.baseUrl}/cases/${caseId}`);
    await again.getByTestId('case-recovery').waitFor({ timeout: 15_000 });
    expect(await again.getByTestId('case-recovery').textContent()).toContain(`${before.size} entities`);
    expect(await canvasIds(again)).not.toContain(account); // the saved version, until recovered
    await again.getByTestId('case-recover').click();
    await expect.poll(async () => new Set(await canvasIds(again)), { timeout: 10_000 }).toEqual(before);
    await again.locator('[data-testid="canvas-textbox"]', { hasText: 'Unsaved: settles to the cash-out account' }).waitFor({ timeout: 5_000 });
    // and it can be saved as the next version
    await saveVersion(again, 'Recovered work');
    await expect.poll(() => versionText(again), { timeout: 10_000 }).toContain('Version 4 of 4');
    const v4 = await serverCase(again, caseId);
    expect(v4.version.content.nodes.map((n) => n.uid)).toContain(account);
  });

  it('a case saved with filters, a moved text box and a named group reopens with all three; groups can be ungrouped', async () => {
    const page = owner;
    // a fresh canvas: the operator and what it connects to
    await openCasesPanel(page);
    await page.getByTestId('cases-tab-case').click();
    const closeCase = page.getByRole('button', { name: 'Close case', exact: true });
    if (await closeCase.count()) await closeCase.click();
    await page.getByTestId('open-cases').click(); // the inspector needs the side of the screen
    const operator = ring.sellers.find((s) => s.role === 'operator')!;
    const clear = page.getByRole('button', { name: 'Clear canvas', exact: true });
    if (await clear.isEnabled()) await clear.click();
    await place(page, operator.name, operator.uid);
    await page.getByTestId('expand-all').click();
    await expect.poll(async () => (await canvasIds(page)).length, { timeout: 15_000 }).toBeGreaterThan(3);
    await page.waitForTimeout(800);

    // filter out one kind of entity (not the operator's)
    const labels = await cy(page, (c) => c.nodes().map((n) => String(n.data('label'))));
    const operatorLabel = await cy(page, (c, id) => c.nodes().map((n) => (n.id() === id ? String(n.data('label')) : '')).find(Boolean) ?? '', operator.uid);
    const off = labels.find((l) => l !== operatorLabel)!;
    await page.locator(`[data-testid="filter-label"][data-label="${off}"]`).uncheck();
    await page.getByTestId('filter-currency').fill('EUR');
    await expect.poll(async () => Number(await page.getByTestId('hidden-count').getAttribute('data-hidden'))).toBeGreaterThan(0);
    const hidden = Number(await page.getByTestId('hidden-count').getAttribute('data-hidden'));

    // a group of the operator and one visible neighbour
    const neighbour = (await cy(page, (c, a) => c.nodes().map((n) => (String(n.data('label')) !== a.split('|')[0] && n.id() !== a.split('|')[1] ? n.id() : '')).filter(Boolean), `${off}|${operator.uid}`))[0]!;
    await cy(page, (c, a) => { c.elements().unselect(); for (const id of a.split('|')) c.$id(id).select(); return true; }, `${operator.uid}|${neighbour}`);
    await openCasesPanel(page);
    await page.getByTestId('cases-tab-case').click();
    await page.getByTestId('case-group-label').fill('Operator and helper');
    await page.getByTestId('case-group-add').click();
    await page.locator('[data-testid="canvas-group"][data-label="Operator and helper"]').waitFor({ timeout: 5_000 });
    await page.getByTestId('case-group-label').fill('Throwaway');
    await page.getByTestId('case-group-add').click();
    const throwaway = page.locator('[data-testid="canvas-group"][data-label="Throwaway"]');
    await throwaway.waitFor({ timeout: 5_000 });
    await throwaway.getByTestId('canvas-group-ungroup').click();
    await expect.poll(() => throwaway.count()).toBe(0);

    // a text box, dragged somewhere else
    await addTextBox(page, 'Operator pays the hosting');
    const box = page.locator('[data-testid="canvas-textbox"]', { hasText: 'Operator pays the hosting' });
    const startX = Number(await box.getAttribute('data-x'));
    const b = (await box.boundingBox())!;
    await page.mouse.move(b.x + 10, b.y + 8);
    await page.mouse.down();
    await page.mouse.move(b.x + 90, b.y + 68, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => Number(await box.getAttribute('data-x'))).toBeGreaterThan(startX + 20);
    const dragged = Number(await box.getAttribute('data-x'));
    // and nudged with the keyboard
    const onCanvas = (await canvasIds(page)).length;
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await box.getAttribute('data-x'))).toBe(dragged + 10);
    expect((await canvasIds(page)).length).toBe(onCanvas);
    const moved = { x: Number(await box.getAttribute('data-x')), y: Number(await box.getAttribute('data-y')) };

    // a text box deleted again is gone for good
    await addTextBox(page, 'Temporary thought');
    const temp = page.locator('[data-testid="canvas-textbox"]', { hasText: 'Temporary thought' });
    await temp.hover();
    await temp.getByTestId('canvas-textbox-delete').click();
    await expect.poll(() => temp.count()).toBe(0);

    await page.getByTestId('case-new-title').fill('Filtered operator');
    await page.getByTestId('case-create').click();
    await page.getByTestId('case-title').waitFor({ timeout: 10_000 });
    const id = caseIdOf(page);

    // another tab opens the case: filters, the hidden count, the text box where it was put, the group
    const reader = await ownerCtx.newPage();
    reader.on('pageerror', (e) => errors.push(e.message));
    await reader.goto(`${server.baseUrl}/cases/${id}`);
    await reader.getByTestId('case-title').waitFor({ timeout: 15_000 });
    await expect.poll(() => reader.locator(`[data-testid="filter-label"][data-label="${off}"]`).isChecked(), { timeout: 10_000 }).toBe(false);
    expect(await reader.getByTestId('filter-currency').inputValue()).toBe('EUR');
    await expect.poll(async () => Number(await reader.getByTestId('hidden-count').getAttribute('data-hidden')), { timeout: 10_000 }).toBe(hidden);
    const reBox = reader.locator('[data-testid="canvas-textbox"]', { hasText: 'Operator pays the hosting' });
    await reBox.waitFor({ timeout: 5_000 });
    expect({ x: Number(await reBox.getAttribute('data-x')), y: Number(await reBox.getAttribute('data-y')) }).toEqual(moved);
    const group = reader.locator('[data-testid="canvas-group"][data-label="Operator and helper"]');
    await group.waitFor({ timeout: 5_000 });
    expect(await reader.locator('[data-testid="canvas-group"][data-label="Throwaway"]').count()).toBe(0);
    // text boxes and groups are not entities: the canvas holds exactly the case's entities
    const saved = await serverCase(reader, id);
    expect(new Set(await canvasIds(reader))).toEqual(new Set(saved.version.content.nodes.map((n) => n.uid)));
    expect(saved.version.content.groupings.map((g) => [g.label, [...g.members].sort()])).toEqual([['Operator and helper', [operator.uid, neighbour].sort()]]);

    // ungroup, delete the text box, save: the next version has neither
    await group.getByTestId('canvas-group-ungroup').click();
    // Delete on a focused text box removes the box, never the entities selected on the canvas
    await cy(reader, (c, a) => { c.elements().unselect(); c.$id(a).select(); return true; }, operator.uid);
    const entities = (await canvasIds(reader)).length;
    await reBox.focus();
    await reader.keyboard.press('Delete');
    await expect.poll(() => reBox.count()).toBe(0);
    expect((await canvasIds(reader)).length).toBe(entities);
    await saveVersion(reader, 'Dropped the annotations');
    await expect.poll(() => versionText(reader), { timeout: 10_000 }).toContain('Version 2 of 2');
    const v2 = await serverCase(reader, id);
    expect(v2.version.content.groupings).toEqual([]);
    expect(v2.version.content.annotations.textBoxes).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the case list shows a page at a time; "Load more" brings the rest, each case once', async () => {
    // many cases for the owner, made through the API
    const agent = await signInAgent(createApp({ db, logger: createLogger('silent', false), clientDir: null }), ownerUser);
    const domain = ring.domains[0]!.uid;
    for (let i = 0; i < 52; i++) await agent.post('/api/cases').send({ title: `Bulk case ${i}`, content: { nodes: [{ uid: domain, position: { x: 0, y: 0 } }] } }).expect(201);
    const total = ((await agent.get('/api/cases').query({ limit: 200 }).expect(200)).body.cases as unknown[]).length;
    expect(total).toBeGreaterThan(50);

    const page = owner;
    await openCasesPanel(page);
    await page.getByTestId('cases-tab-list').click();
    const items = page.getByTestId('cases-list-item');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(50);
    await page.getByTestId('cases-load-more').click();
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(total);
    expect(await page.getByTestId('cases-load-more').count()).toBe(0);
    const titles = await items.locator('b').allTextContents();
    expect(new Set(titles.filter((t) => t.startsWith('Bulk case '))).size).toBe(52);
    expect(errors).toEqual([]);
  });
});
