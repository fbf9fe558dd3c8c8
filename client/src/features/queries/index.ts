export { QueriesPanel } from './components/queries-panel';
export { CanvasQueryMenu } from './components/canvas-query-menu';
