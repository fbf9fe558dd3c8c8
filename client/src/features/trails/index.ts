export { TrailsPanel } from './components/trails-panel';
