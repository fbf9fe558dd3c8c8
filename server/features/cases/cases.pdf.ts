import { existsSync } from 'node:fs';
import { AppError } from '../../errors.js';

/**
 * Renders the report HTML to PDF with the machine's Chromium (playwright-core drives it; no browser download).
 * One render at a time: Chromium is heavy and reports are rare. Without Chromium the caller gets a clear 503.
 */
let queue: Promise<unknown> = Promise.resolve();

export function chromiumExecutable(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export function htmlToPdf(html: string): Promise<Buffer> {
  const run = queue.then(() => render(html));
  queue = run.catch(() => undefined);
  return run;
}

async function render(html: string): Promise<Buffer> {
  const executablePath = chromiumExecutable();
  if (!executablePath) throw new AppError('pdf_unavailable', 503, 'PDF reports need Chromium on the server (apt-get install chromium or set CHROMIUM_PATH); the HTML report works without it');
  // playwright-core is a devDependency today: a production install without it answers 503, not a crash
  const { chromium } = await import('playwright-core').catch(() => {
    throw new AppError('pdf_unavailable', 503, 'PDF reports need the playwright-core package on the server; the HTML report works without it');
  });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
  } finally {
    await browser.close();
  }
}
