import type { Core, EdgeSingular, NodeCollection, NodeSingular } from 'cytoscape';
import type { LayoutJob, LayoutWorkerMessage, WorkerLayoutName } from '../workers/layout-protocol';

/** What the session needs from a running layout: Cytoscape's own layouts and WorkerLayout both fit. */
export type RunningLayout = { run(): unknown; stop(): unknown; one(event: 'layoutstop', handler: () => void): unknown };

/** From this many nodes fcose and dagre run in the worker; below it they finish faster than a worker starts. */
export const WORKER_LAYOUT_MIN_NODES = 300;
/** Above this many moved nodes positions are set at once; animating thousands of them is itself a freeze. */
const ANIMATE_MAX_NODES = 800;
const ANIMATION_MS = 450;

export type WorkerLayoutOptions = {
  name: WorkerLayoutName;
  /** the nodes to lay out (with the edges among them); defaults to the whole canvas */
  eles?: NodeCollection;
  /** start from current positions and keep these nodes where they are */
  incremental?: boolean;
  fixedIds?: readonly string[];
  onProgress?(message: Extract<LayoutWorkerMessage, { kind: 'progress' }>): void;
  /** the worker has answered; positions are applied right after */
  onComputed?(workerMs: number): void;
};

/**
 * fcose or dagre computed in a Web Worker (a separate built file, so it loads under `worker-src 'self'`), then
 * applied in one batch. Stopping it terminates the worker: a re-layout requested meanwhile simply wins.
 */
export class WorkerLayout implements RunningLayout {
  private worker: Worker | null = null;
  private listeners: (() => void)[] = [];
  private progressListeners: ((percent: number) => void)[] = [];
  private finished = false;
  /** how long the worker took, for the render benchmark */
  workerMs = 0;

  constructor(
    private readonly cy: Core,
    private readonly options: WorkerLayoutOptions,
  ) {}

  one(_event: 'layoutstop', handler: () => void): this {
    this.listeners.push(handler);
    return this;
  }

  /** percent done (0-100, increasing) as the worker reports it; for the page's progress indicator */
  onProgress(handler: (percent: number) => void): this {
    this.progressListeners.push(handler);
    return this;
  }

  run(): this {
    const nodes = (this.options.eles ?? this.cy.nodes()).nodes();
    const ids = new Set(nodes.map((n) => n.id()));
    const fixed = new Set(this.options.fixedIds ?? []);
    const withLabels = nodes.length <= ANIMATE_MAX_NODES;
    const job: LayoutJob = {
      name: this.options.name,
      incremental: this.options.incremental ?? false,
      nodes: nodes.map((n: NodeSingular) => {
        const box = withLabels ? n.boundingBox({ includeLabels: true }) : null;
        const p = n.position();
        return { id: n.id(), w: box?.w ?? n.outerWidth(), h: box?.h ?? n.outerHeight(), x: p.x, y: p.y, fixed: n.locked() || fixed.has(n.id()) };
      }),
      edges: nodes
        .connectedEdges()
        .filter((e: EdgeSingular) => ids.has(e.source().id()) && ids.has(e.target().id()))
        .map((e: EdgeSingular) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    };
    const worker = new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' });
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<LayoutWorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') {
        this.options.onProgress?.(message);
        for (const listener of this.progressListeners) listener(message.percent);
      }
      else if (message.kind === 'error') {
        console.error(`layout worker: ${message.message}`);
        this.finish();
      } else {
        this.workerMs = message.ms;
        this.options.onComputed?.(message.ms);
        this.apply(job, message.positions);
      }
    };
    worker.onerror = (event) => {
      console.error(`layout worker failed: ${event.message}`);
      this.finish();
    };
    worker.postMessage(job);
    return this;
  }

  stop(): this {
    this.finish();
    return this;
  }

  private apply(job: LayoutJob, positions: Float64Array): void {
    const cy = this.cy;
    if (cy.destroyed() || this.finished) return;
    const moves: [NodeSingular, { x: number; y: number }][] = [];
    job.nodes.forEach((n, i) => {
      const node = cy.getElementById(n.id) as NodeSingular;
      // Removed meanwhile, or pinned: leave it.
      if (node.empty() || node.locked() || n.fixed) return;
      moves.push([node, { x: positions[2 * i]!, y: positions[2 * i + 1]! }]);
    });
    if (moves.length <= ANIMATE_MAX_NODES && moves.length > 0) {
      let pending = moves.length;
      for (const [node, position] of moves) {
        node.animate({ position }, { duration: ANIMATION_MS, easing: 'ease-out', complete: () => --pending === 0 && this.finish() });
      }
      return;
    }
    cy.batch(() => {
      for (const [node, position] of moves) node.position(position);
    });
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.progressListeners = [];
    this.worker?.terminate();
    this.worker = null;
    for (const listener of this.listeners.splice(0)) listener();
  }
}

/** A worker layout for big canvases, null when the normal in-page layout is the better choice. */
export function workerLayoutFor(cy: Core, name: string, options: Omit<WorkerLayoutOptions, 'name'> = {}): WorkerLayout | null {
  if (name !== 'fcose' && name !== 'dagre') return null;
  const count = (options.eles ?? cy.nodes()).nodes().length;
  if (count < WORKER_LAYOUT_MIN_NODES || typeof Worker === 'undefined') return null;
  return new WorkerLayout(cy, { ...options, name });
}
