import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../server/db/database.js';
import type { Role } from '../../server/domain/roles.js';
import { signInPage } from './auth.js';
import { launchBrowser } from './browser.js';
import { startAppServer } from './e2e-server.js';
import { openTestDatabase, seedSmall } from './test-db.js';
import type { SeedRing, SeedTruth } from './truth.js';

export interface BrowserSession {
  db: Database;
  truth: SeedTruth;
  /** the first planted ring of the demo network */
  ring: SeedRing;
  server: Awaited<ReturnType<typeof startAppServer>>;
  browser: Browser;
  page: Page;
  /** page errors, and console errors when asked for */
  errors: string[];
}

/**
 * The set-up most browser tests share, as hooks of the calling describe(): the small demo network seeded (then
 * `prepare` for data of the test's own), the real app server, Chromium, and one page signed in through the
 * sign-in form. The fields are filled in beforeAll; read them inside tests (or copy them in a later beforeAll).
 */
export function browserSession(opts: {
  role?: Role;
  viewport?: { width: number; height: number };
  downloads?: boolean;
  consoleErrors?: boolean;
  prepare?: (db: Database, truth: SeedTruth) => Promise<void>;
} = {}): BrowserSession {
  const s = { db: openTestDatabase(), errors: [] as string[] } as BrowserSession;
  beforeAll(async () => {
    s.truth = await seedSmall(s.db);
    s.ring = s.truth.rings[0]!;
    await opts.prepare?.(s.db, s.truth);
    s.server = await startAppServer(s.db);
    s.browser = await launchBrowser();
    const context = await s.browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 }, acceptDownloads: opts.downloads ?? false });
    s.page = await context.newPage();
    if (opts.consoleErrors) s.page.on('console', (m) => m.type() === 'error' && s.errors.push(m.text()));
    s.page.on('pageerror', (e) => s.errors.push(e.message));
    await signInPage(s.page, s.server.baseUrl, s.db, opts.role ?? 'analyst');
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.server?.close();
    await s.db.close();
  });
  return s;
}
