import type { Core, CytoscapeOptions } from 'cytoscape';
import { buildGraphStyle } from './graph-style';

/** From this many nodes (or twice as many edges) the canvas draws cheaply while the view moves. */
export const BIG_GRAPH_NODES = 1500;

/** Renderer options set when Cytoscape starts; `tuneForSize` adapts the size-dependent ones afterwards. */
export function rendererOptions({ webgl = false }: { webgl?: boolean } = {}): Partial<CytoscapeOptions> {
  return {
    hideEdgesOnViewport: false,
    textureOnViewport: false,
    // Motion blur redraws extra frames after every pan: pleasant on 50 nodes, a cost on 5,000.
    motionBlur: false,
    pixelRatio: 'auto',
    // Cytoscape ≥ 3.31 merges this into the renderer options: renderer { name: 'canvas', webgl: true }.
    ...(webgl ? { webgl: true } : {}),
  };
}

/**
 * Cytoscape reads these renderer fields on every frame but only takes them as start-up options. The canvas
 * starts empty, so they are switched when it grows past BIG_GRAPH_NODES: edges hidden and the picture moved as
 * a texture while the analyst pans or zooms, no retina over-sampling (4x the pixels to fill), and the cheap
 * stylesheet of buildGraphStyle({ big: true }).
 */
type RendererFields = {
  hideEdgesOnViewport?: boolean;
  textureOnViewport?: boolean;
  forcedPixelRatio?: number | null;
  webgl?: boolean;
};

export function isBigGraph(cy: Core): boolean {
  return cy.nodes().length >= BIG_GRAPH_NODES || cy.edges().length >= 2 * BIG_GRAPH_NODES;
}

/** `styled`: the instance was created with the stylesheet matching its size already (saves a restyle). */
export function tuneForSize(cy: Core, { styled = false }: { styled?: boolean } = {}): boolean {
  const renderer = (cy as unknown as { renderer(): RendererFields | undefined }).renderer();
  if (!renderer) return false;
  const big = isBigGraph(cy);
  if (renderer.hideEdgesOnViewport === big) return big;
  renderer.hideEdgesOnViewport = big;
  // The WebGL renderer draws from its own texture atlas; the canvas texture trick would only blur it.
  renderer.textureOnViewport = big && !renderer.webgl;
  renderer.forcedPixelRatio = big ? 1 : null;
  if (!styled) cy.style(buildGraphStyle({ big }));
  cy.resize();
  return big;
}
