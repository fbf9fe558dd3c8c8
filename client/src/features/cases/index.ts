export { CasesPanel } from './components/cases-panel';
