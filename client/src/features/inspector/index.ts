export { Inspector, type InspectorProps, type InspectorSelection } from './components/inspector';
export type { CountsState } from './components/relationship-counts';
export { ExpandControls, FlowInspector } from './components/expand-controls';
