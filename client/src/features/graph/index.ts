export { GraphCanvas } from './components/graph-canvas';
export { GraphLegend } from './components/graph-legend';
export { GraphSessionProvider } from './components/graph-session-provider';
export { GraphToolbar } from './components/graph-toolbar';
export { useGraphSession, type ExpandFilter, type GraphSession } from './hooks/use-graph-session';
export type { GraphSelection } from './hooks/use-graph-events';
export { useNeighbourCounts, EXPAND_LIMIT } from './api/get-neighbours';
export { useNode } from './api/get-node';
