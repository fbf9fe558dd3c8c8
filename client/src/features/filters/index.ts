export { CanvasFilters } from './components/canvas-filters';
export { canvasFilterStore, useCanvasFilterState, activeFilterCount, NO_FILTERS, type FilterState } from './lib/filter-state';
