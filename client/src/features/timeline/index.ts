export { Timeline } from './components/timeline';
