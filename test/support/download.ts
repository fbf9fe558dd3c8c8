import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';

/** clicks the element with this test id and returns the file the page downloads because of it */
export async function downloaded(page: Page, testId: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [d] = (await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.getByTestId(testId).click()])) as [Download, unknown];
  const bytes = await readFile((await d.path())!);
  return { name: d.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}
