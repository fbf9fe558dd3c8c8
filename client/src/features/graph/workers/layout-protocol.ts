/**
 * Messages between the page and the layout worker. Only plain data crosses: the worker builds its own headless
 * Cytoscape from it, so nothing here may hold functions (layout options with callbacks stay on the page).
 */
export type WorkerLayoutName = 'fcose' | 'dagre';

export type LayoutJob = {
  name: WorkerLayoutName;
  /** id, width, height, current position; `fixed` nodes keep their position (pinned, or the node expanded) */
  nodes: { id: string; w: number; h: number; x: number; y: number; fixed: boolean }[];
  edges: { id: string; source: string; target: string }[];
  /** fcose: start from the current positions instead of a random spread */
  incremental: boolean;
};

export type LayoutWorkerMessage =
  /**
   * `percent` (0-100) only ever grows. Building and sending advance in chunks; fcose's force-directed passes
   * advance per iteration (of at most `maxIterations`, so a layout that converges early jumps to the end);
   * fcose's spectral "draft" step and dagre are single steps that report only when they finish.
   */
  | { kind: 'progress'; phase: 'building' | 'laying out' | 'sending'; nodes: number; percent: number }
  /** x, y pairs in the order of `LayoutJob.nodes` */
  | { kind: 'done'; positions: Float64Array; ms: number }
  | { kind: 'error'; message: string };
