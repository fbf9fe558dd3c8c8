/**
 * Render benchmark: the app's graph modules (stylesheet, data styling, renderer tuning, worker layout) drawing a
 * synthetic 5,000-node / 10,000-edge graph in headless Chromium, with the canvas renderer and with Cytoscape's
 * WebGL renderer. The page (client/bench/render.html) is built by Vite like the app and served under the app's
 * Content-Security-Policy, so the layout worker is proven to load as a separate same-origin file.
 *
 *   tsx bench/render-bench.ts [--nodes 5000 --edges 10000]   or   npm run bench -- --only render
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath } from '../test/support/browser.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(REPO, 'bench', 'results', 'render-page');

/** Same policy as server/app.ts (helmet): no inline script, no blob: workers. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

type FrameStats = { frames: number; ms: number; fps: number; maxGapMs: number; renders: number };
type Mode = 'canvas-untuned' | 'canvas' | 'webgl';
type Bench = {
  mount(mode: Mode, n: number, m: number): Promise<{ renderMs: number; webglActive: boolean; nodes: number; edges: number }>;
  workerLayout(): Promise<{ computeMs: number; workerMs: number; applyMs: number; frames: FrameStats }>;
  mainThreadLayout(): Promise<{ wallMs: number; frames: FrameStats }>;
  programmaticPan(ms: number): Promise<FrameStats>;
  startFrames(): void;
  stopFrames(): FrameStats;
};
declare global {
  interface Window {
    __renderBench?: Bench;
  }
}

async function buildPage(): Promise<void> {
  await rm(OUT, { recursive: true, force: true });
  await build({
    configFile: path.join(REPO, 'client', 'vite.config.ts'),
    logLevel: 'warn',
    mode: 'production',
    build: { outDir: OUT, emptyOutDir: true, rollupOptions: { input: path.join(REPO, 'client', 'bench', 'render.html') } },
  });
}

function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(OUT, rel);
    if (!file.startsWith(OUT) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** A user's drag across the canvas: the path where hideEdgesOnViewport / textureOnViewport apply. */
async function dragPan(page: Page): Promise<FrameStats> {
  await page.evaluate(() => window.__renderBench!.startFrames());
  // Start on empty background in the corner so the drag pans instead of moving a node.
  await page.mouse.move(8, 8);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(8 + i * 6, 8 + i * 4);
  await page.mouse.up();
  return page.evaluate(() => window.__renderBench!.stopFrames());
}

export type RenderBenchRow = [string, string];

const ALL_MODES: Mode[] = ['canvas-untuned', 'canvas', 'webgl'];

export async function runRenderBench({ nodes = 5000, edges = 10000, modes = ALL_MODES }: { nodes?: number; edges?: number; modes?: Mode[] } = {}): Promise<RenderBenchRow[]> {
  const rows: RenderBenchRow[] = [];
  const record = (what: string, figure: string) => {
    rows.push([what, figure]);
    process.stdout.write(`${what}: ${figure}\n`);
  };
  await buildPage();
  const { server, url } = await serve();
  // No GPU here, so both browsers stand for a machine without one, as Chromium treats it: the 2D canvas is drawn by
  // Skia on the CPU (--disable-gpu), and WebGL can only run on SwiftShader (software GL). Forcing the 2D canvas
  // through SwiftShader as well (as earlier runs did) measured an emulated GPU no real browser would pick.
  const common = ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run'];
  const launch = (webgl: boolean) =>
    chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: webgl ? [...common, '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] : [...common, '--disable-gpu'],
    });
  let browser = await launch(false);
  let browserWebgl = false;
  const f = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 0 });
  const fps = (s: FrameStats) => `${s.fps.toFixed(0)} fps (rAF)${s.renders > 0 ? `, ${s.renders} frames drawn` : ''} in ${(s.ms / 1000).toFixed(1)} s, longest frame ${f(s.maxGapMs)} ms`;
  const size = `${f(nodes)} nodes / ${f(edges)} edges`;
  try {
    for (const mode of modes) {
      if ((mode === 'webgl') !== browserWebgl) {
        await browser.close();
        browserWebgl = mode === 'webgl';
        browser = await launch(browserWebgl);
      }
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${url}/bench/render.html`);
      await page.waitForFunction(() => Boolean(window.__renderBench));
      const mounted = await page.evaluate(([n, m, md]) => window.__renderBench!.mount(md as Mode, n as number, m as number), [nodes, edges, mode] as const);
      if (mode === 'webgl' && !mounted.webglActive) throw new Error('the WebGL renderer did not start');
      const label = mode === 'canvas-untuned' ? 'canvas, no tuning' : mode === 'canvas' ? 'canvas + tuning' : 'WebGL + tuning';
      record(`${label}: first render of ${size}`, `${f(mounted.renderMs)} ms`);
      if (mode === 'canvas') {
        const layout = await page.evaluate(() => window.__renderBench!.workerLayout());
        record(`fcose layout of ${size} in the Web Worker`, `${(layout.workerMs / 1000).toFixed(1)} s in the worker (${(layout.computeMs / 1000).toFixed(1)} s with start-up); page meanwhile ${fps(layout.frames)}`);
        record(`applying the layout: positions in one batch, fit, redraw`, `${f(layout.applyMs)} ms`);
        const main = await page.evaluate(() => window.__renderBench!.mainThreadLayout());
        record(`same fcose layout on the main thread (before the worker)`, `${(main.wallMs / 1000).toFixed(1)} s; page frozen: longest frame ${f(main.frames.maxGapMs)} ms`);
      }
      record(`${label}: programmatic pan, redraw every frame`, fps(await page.evaluate((ms) => window.__renderBench!.programmaticPan(ms), mode === 'canvas-untuned' ? 1000 : 3000)));
      // Untuned, each drag step waits seconds for a frame: the programmatic figure already tells that story.
      if (mode !== 'canvas-untuned') record(`${label}: mouse-drag pan`, fps(await dragPan(page)));
      await mkdir(path.join(REPO, 'bench', 'results'), { recursive: true });
      await writeFile(path.join(REPO, 'bench', 'results', `render-${mode}.png`), await page.screenshot());
      if (problems.length > 0) throw new Error(`${mode}: page errors: ${problems.join(' | ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const only = process.argv.indexOf('--modes');
  runRenderBench(only > 0 ? { modes: (process.argv[only + 1] ?? '').split(',') as Mode[] } : {}).catch((err: unknown) => {
    process.stderr.write(`render bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
