import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import { openTestDatabase } from '../support/test-db.js';

describe('the page is served with a per-request CSP nonce for styles, never unsafe-inline', () => {
  const db = openTestDatabase();
  afterAll(() => db.close());
  const clientDir = mkdtempSync(path.join(tmpdir(), 'mt-client-'));
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  const app = createApp({ db, logger: createLogger('silent', false), clientDir });

  const page = async (url: string) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(200);
    const csp = res.headers['content-security-policy'] as string;
    const fromHeader = /style-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    const fromPage = /<meta property="csp-nonce" nonce="([^"]+)"/.exec(res.text)?.[1];
    return { res, csp, fromHeader, fromPage };
  };

  it('the page carries the nonce its CSP header allows, a new one each time, and is not cached', async () => {
    const a = await page('/');
    expect(a.fromHeader).toBeTruthy();
    expect(a.fromPage).toBe(a.fromHeader);
    expect(a.csp).toContain("script-src 'self'");
    expect(a.csp).not.toContain('unsafe-inline');
    expect(a.res.headers['cache-control']).toContain('no-store');
    // Cytoscape's one rule ships under the nonce, so the canvas adds no <style> of its own
    expect(a.res.text).toContain(`<style id="__________cytoscape_stylesheet" nonce="${a.fromPage!}">`);
    const b = await page('/cases/some-case');
    expect(b.fromPage).toBe(b.fromHeader);
    expect(b.fromPage).not.toBe(a.fromPage);
    const direct = await page('/index.html');
    expect(direct.fromPage).toBe(direct.fromHeader);
  });
});
