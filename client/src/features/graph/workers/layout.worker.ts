/// <reference lib="webworker" />
import coseBase from 'cose-base';
import cytoscape, { type ElementDefinition } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { workerLayoutOptions } from '../lib/worker-layout-options';
import type { LayoutJob, LayoutWorkerMessage } from './layout-protocol';

/**
 * Runs fcose / dagre on a headless Cytoscape off the main thread, so a layout of thousands of nodes never
 * freezes the page. Positions go back as one transferable Float64Array; progress as a percentage on the way.
 */
cytoscape.use(fcose);
cytoscape.use(dagre);

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: LayoutWorkerMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

/** Share of the bar each phase gets: building the graph, the layout itself, reading positions back. */
const BUILD_END = 15;
const LAYOUT_END = 95;
const CHUNK = 1000;
/** at most this often, so a fast layout does not flood the page with messages */
const PROGRESS_EVERY_MS = 80;

let report: (phase: 'building' | 'laying out' | 'sending', percent: number) => void = () => {};

// fcose's force-directed pass (quality 'default' / 'proof') runs cose-base's tick() until it converges or
// reaches maxIterations. The worker is a thread of its own, so posting from inside that synchronous loop
// reaches the page while the loop goes on.
const tick = coseBase.CoSELayout.prototype.tick;
coseBase.CoSELayout.prototype.tick = function progressTick() {
  const ended = tick.call(this);
  if (this.totalIterations % 10 === 0) report('laying out', BUILD_END + ((LAYOUT_END - BUILD_END) * this.totalIterations) / Math.max(1, this.maxIterations));
  return ended;
};

scope.onmessage = (event: MessageEvent<LayoutJob>) => {
  const job = event.data;
  const nodes = job.nodes.length;
  let sent = -1;
  let sentAt = 0;
  report = (phase, percent) => {
    const rounded = Math.min(100, Math.floor(percent));
    const now = performance.now();
    if (rounded <= sent || (rounded < 100 && now - sentAt < PROGRESS_EVERY_MS && phase === 'laying out')) return;
    sent = rounded;
    sentAt = now;
    post({ kind: 'progress', phase, nodes, percent: rounded });
  };
  try {
    const t0 = performance.now();
    report('building', 0);
    const cy = cytoscape({
      headless: true,
      // Styles on, so fcose and dagre see each node's real size (the page measured it, labels included).
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', label: '' } }],
    });
    const elements: ElementDefinition[] = [
      ...job.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h }, position: { x: n.x, y: n.y } })),
      ...job.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ];
    // In chunks (nodes come first, so every edge finds its ends), to say how far building has got.
    for (let i = 0; i < elements.length; i += CHUNK) {
      cy.add(elements.slice(i, i + CHUNK));
      report('building', (BUILD_END * Math.min(elements.length, i + CHUNK)) / elements.length);
    }
    cy.layout(workerLayoutOptions(job)).run();
    report('sending', LAYOUT_END);
    const positions = new Float64Array(nodes * 2);
    job.nodes.forEach((n, i) => {
      const p = cy.getElementById(n.id).position();
      positions[2 * i] = p.x;
      positions[2 * i + 1] = p.y;
    });
    cy.destroy();
    report('sending', 100);
    post({ kind: 'done', positions, ms: performance.now() - t0 }, [positions.buffer]);
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
