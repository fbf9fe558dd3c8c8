/**
 * Page driven by bench/render-bench.ts (never shipped with the app: only client/bench/render.html loads it). It
 * draws a synthetic graph with the app's own stylesheet, data styling, renderer tuning and worker layout, and
 * exposes measurements on window.__renderBench.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { applyDataStyle } from '../features/graph/lib/canvas-ops';
import { registerLayouts } from '../features/graph/lib/graph-layout';
import { buildGraphStyle } from '../features/graph/lib/graph-style';
import { layoutOptions, registerExtraLayouts } from '../features/graph/lib/layouts';
import { preventInlineStylesheet } from '../features/graph/hooks/use-cytoscape';
import { BIG_GRAPH_NODES, rendererOptions, tuneForSize } from '../features/graph/lib/render-tuning';
import { WorkerLayout } from '../features/graph/lib/worker-layout';
import { ENTITY_LABELS, REL_TYPES } from '../types/api';

registerLayouts();
registerExtraLayouts();

export type BenchMode = 'canvas-untuned' | 'canvas' | 'webgl';
export type FrameStats = { frames: number; ms: number; fps: number; maxGapMs: number; renders: number };

/** Deterministic: the same graph on every run and every machine. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hubs and leaves like a real investigation: targets are picked preferentially by degree. */
export function syntheticGraph(nodeCount: number, edgeCount: number): ElementDefinition[] {
  const random = mulberry32(42);
  const side = Math.sqrt(nodeCount) * 90;
  const nodes: ElementDefinition[] = Array.from({ length: nodeCount }, (_, i) => ({
    group: 'nodes',
    data: { id: `n${i}`, label: ENTITY_LABELS[i % ENTITY_LABELS.length], caption: `entity-${i.toString(36)}-${Math.floor(random() * 1e4)}` },
    position: { x: random() * side, y: random() * side },
  }));
  const ends: number[] = [];
  const seen = new Set<string>();
  const edges: ElementDefinition[] = [];
  while (edges.length < edgeCount) {
    const s = Math.floor(random() * nodeCount);
    const t = ends.length > 0 && random() < 0.5 ? ends[Math.floor(random() * ends.length)]! : Math.floor(random() * nodeCount);
    if (s === t || seen.has(`${s}-${t}`)) continue;
    seen.add(`${s}-${t}`);
    ends.push(s, t);
    edges.push({ group: 'edges', data: { id: `e${edges.length}`, source: `n${s}`, target: `n${t}`, type: REL_TYPES[edges.length % REL_TYPES.length] } });
  }
  return [...nodes, ...edges];
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const settle = async () => {
  await nextFrame();
  await nextFrame();
};

/** Counts requestAnimationFrame callbacks (the page's heartbeat) and Cytoscape's drawn frames. */
class FrameCounter {
  private frames = 0;
  private renders = 0;
  private maxGap = 0;
  private last = performance.now();
  private readonly started = performance.now();
  private running = true;
  /** counts Cytoscape's drawn frames (the canvas renderer emits 'render'; the WebGL one does not) */
  private readonly onRender = () => {
    this.renders += 1;
  };
  constructor(private readonly cy: Core) {
    cy.on('render', this.onRender);
    const tick = (now: number) => {
      if (!this.running) return;
      this.frames += 1;
      this.maxGap = Math.max(this.maxGap, now - this.last);
      this.last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }
  stop(): FrameStats {
    this.running = false;
    this.cy.off('render', this.onRender);
    const ms = performance.now() - this.started;
    this.maxGap = Math.max(this.maxGap, performance.now() - this.last);
    return { frames: this.frames, ms, fps: (this.frames * 1000) / ms, maxGapMs: this.maxGap, renders: this.renders };
  }
}

let cy: Core | null = null;
let counter: FrameCounter | null = null;

async function mount(mode: BenchMode, nodeCount: number, edgeCount: number, extraStyle: unknown[] = []) {
  cy?.destroy();
  const elements = syntheticGraph(nodeCount, edgeCount);
  const container = document.getElementById('cy')!;
  const tuned = mode !== 'canvas-untuned' && nodeCount >= BIG_GRAPH_NODES;
  preventInlineStylesheet();
  const t0 = performance.now();
  const rendered = new Promise<void>((resolve) => {
    const instance = cytoscape({
      container,
      style: [...buildGraphStyle({ big: tuned }), ...(extraStyle as ReturnType<typeof buildGraphStyle>)],
      elements,
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 3,
      ...rendererOptions({ webgl: mode === 'webgl' }),
    });
    cy = instance;
    if (mode !== 'canvas-untuned') tuneForSize(instance, { styled: true });
    applyDataStyle(instance, 'degree');
    instance.fit(undefined, 20);
    // The WebGL path does not emit 'render'; both draw in Cytoscape's next animation frame, so the frame after
    // that one means the picture is on screen.
    resolve();
  });
  await rendered;
  await settle();
  const renderMs = performance.now() - t0;
  const webglActive = Boolean((cy as unknown as { renderer(): { webgl?: boolean } }).renderer().webgl);
  return { renderMs, webglActive, nodes: cy!.nodes().length, edges: cy!.edges().length };
}

/** fcose in the worker while the page keeps ticking: what an analyst sees on "Layout → Force-directed". */
async function workerLayout(): Promise<{ computeMs: number; workerMs: number; applyMs: number; frames: FrameStats }> {
  const instance = cy!;
  const frames = new FrameCounter(instance);
  const t0 = performance.now();
  let computed: FrameStats | null = null;
  let computedAt = 0;
  const layout = new WorkerLayout(instance, {
    name: 'fcose',
    // the page's heartbeat while the worker computes; applying 5,000 positions is measured separately
    onComputed: () => {
      computed = frames.stop();
      computedAt = performance.now();
    },
  });
  await new Promise<void>((resolve) => {
    layout.one('layoutstop', resolve);
    layout.run();
  });
  instance.fit(undefined, 20);
  await settle();
  return { computeMs: computedAt - t0, workerMs: layout.workerMs, applyMs: performance.now() - computedAt, frames: computed ?? frames.stop() };
}

/** The same layout on the page's main thread, as before the worker: for comparison only. */
async function mainThreadLayout(): Promise<{ wallMs: number; frames: FrameStats }> {
  const instance = cy!;
  const frames = new FrameCounter(instance);
  await nextFrame();
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const layout = instance.layout(layoutOptions(instance, 'fcose'));
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
  await settle();
  return { wallMs: performance.now() - t0, frames: frames.stop() };
}

/** Moves the view a little on every frame for `ms`: the worst case, every frame a full redraw. */
async function programmaticPan(ms: number): Promise<FrameStats> {
  const instance = cy!;
  const frames = new FrameCounter(instance);
  const end = performance.now() + ms;
  let step = 0;
  while (performance.now() < end) {
    step += 1;
    instance.panBy({ x: Math.sin(step / 20) * 6, y: Math.cos(step / 20) * 4 });
    await nextFrame();
  }
  return frames.stop();
}

const bench = {
  mount,
  workerLayout,
  mainThreadLayout,
  programmaticPan,
  /** around a real mouse drag driven from outside the page */
  startFrames: () => {
    counter = new FrameCounter(cy!);
  },
  stopFrames: () => counter!.stop(),
  zoom: () => cy!.zoom(),
  /** the instance, for ad-hoc probing from the console or a script */
  core: () => cy,
};
declare global {
  interface Window {
    __renderBench?: typeof bench;
  }
}
window.__renderBench = bench;
document.title = 'render bench ready';
