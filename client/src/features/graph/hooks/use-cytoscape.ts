import cytoscape, { type Core } from 'cytoscape';
import { useEffect, type RefObject } from 'react';
import { registerLayouts } from '../lib/graph-layout';
import { buildGraphStyle } from '../lib/graph-style';
import { rendererOptions } from '../lib/render-tuning';

registerLayouts();

// Cytoscape prepends an inline <style> unless an element with this id exists. A strict CSP (no
// 'unsafe-inline' styles) blocks it anyway and logs a violation; the rule it carries (position: relative on the
// container) is in graph.css, so a placeholder is enough to keep the console clean.
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
export function preventInlineStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = CYTOSCAPE_STYLESHEET_ID;
  placeholder.name = 'cytoscape-stylesheet-placeholder';
  document.head.append(placeholder);
}

/**
 * Creates the Cytoscape instance once for the container and destroys it on unmount. The instance lives in
 * `cyRef`, which the graph session owns, because actions outside the canvas (search, inspector, toolbar) use it
 * too; React state never holds it.
 */
export function useCytoscape(containerRef: RefObject<HTMLElement | null>, cyRef: RefObject<Core | null>): void {
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    preventInlineStylesheet();
    const cy = cytoscape({
      container,
      style: buildGraphStyle(),
      minZoom: 0.08,
      maxZoom: 3,
      // shift/ctrl + drag draws a selection box; shift/ctrl + click adds to the selection
      boxSelectionEnabled: true,
      selectionType: 'single',
      // Size-dependent renderer settings switch later, as the canvas grows (tuneForSize, render-tuning.ts).
      ...rendererOptions(),
    });
    cyRef.current = cy;
    window.__MONEYTRAIL_CY__ = cy;
    return () => {
      if (window.__MONEYTRAIL_CY__ === cy) delete window.__MONEYTRAIL_CY__;
      if (cyRef.current === cy) cyRef.current = null;
      cy.destroy();
    };
  }, [containerRef, cyRef]);
}
