/// <reference lib="webworker" />
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { workerLayoutOptions } from '../lib/worker-layout-options';
import type { LayoutJob, LayoutWorkerMessage } from './layout-protocol';

/**
 * Runs fcose / dagre on a headless Cytoscape off the main thread, so a layout of thousands of nodes never
 * freezes the page. Positions go back as one transferable Float64Array.
 */
cytoscape.use(fcose);
cytoscape.use(dagre);

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: LayoutWorkerMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.onmessage = (event: MessageEvent<LayoutJob>) => {
  const job = event.data;
  try {
    const t0 = performance.now();
    post({ kind: 'progress', phase: 'building', nodes: job.nodes.length });
    const cy = cytoscape({
      headless: true,
      // Styles on, so fcose and dagre see each node's real size (the page measured it, labels included).
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', label: '' } }],
      elements: [
        ...job.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h }, position: { x: n.x, y: n.y } })),
        ...job.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
      ],
    });
    post({ kind: 'progress', phase: 'laying out', nodes: job.nodes.length });
    cy.layout(workerLayoutOptions(job)).run();
    post({ kind: 'progress', phase: 'sending', nodes: job.nodes.length });
    const positions = new Float64Array(job.nodes.length * 2);
    job.nodes.forEach((n, i) => {
      const p = cy.getElementById(n.id).position();
      positions[2 * i] = p.x;
      positions[2 * i + 1] = p.y;
    });
    cy.destroy();
    post({ kind: 'done', positions, ms: performance.now() - t0 }, [positions.buffer]);
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
