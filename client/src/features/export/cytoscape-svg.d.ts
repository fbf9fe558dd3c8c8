declare module 'cytoscape-svg' {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module '*.js?raw' {
  const source: string;
  export default source;
}
