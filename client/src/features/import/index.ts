export { ImportPanel } from './components/import-panel';
export { useSessionRole } from './api/import-api';
