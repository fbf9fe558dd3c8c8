import type { Core } from 'cytoscape';

declare global {
  interface Window {
    /**
     * The live Cytoscape instance, published for end-to-end tests to inspect (ids, positions, selection).
     * Not an API: application code must go through the graph session instead.
     */
    __MONEYTRAIL_CY__?: Core;
  }
}

export {};
