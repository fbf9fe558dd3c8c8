export { CanvasFilters } from './components/canvas-filters';
