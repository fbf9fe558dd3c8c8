export { QueriesPanel } from './components/queries-panel';
