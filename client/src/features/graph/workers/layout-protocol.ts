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
  | { kind: 'progress'; phase: 'building' | 'laying out' | 'sending'; nodes: number }
  /** x, y pairs in the order of `LayoutJob.nodes` */
  | { kind: 'done'; positions: Float64Array; ms: number }
  | { kind: 'error'; message: string };
