/** The part of cose-base (fcose's engine, no types of its own) the layout worker hooks for progress. */
declare module 'cose-base' {
  type CoSELayoutThis = { totalIterations: number; maxIterations: number };
  const coseBase: { CoSELayout: { prototype: { tick(this: CoSELayoutThis): boolean } } };
  export default coseBase;
}
