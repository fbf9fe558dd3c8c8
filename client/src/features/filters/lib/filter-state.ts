import { useSyncExternalStore } from 'react';
import type { EntityLabel } from '../../../types/api';

/**
 * The canvas filters as the filter panel edits them (inputs keep their text: '' = no bound). Kept outside the
 * panel so a case can save them with the canvas and put them back when it is opened: the panel and the case
 * editor share this one store (one canvas per page).
 */
export type FilterState = {
  hiddenLabels: readonly EntityLabel[];
  minAmount: string;
  maxAmount: string;
  currency: string;
  country: string;
  dateFrom: string;
  dateTo: string;
};

export const NO_FILTERS: FilterState = { hiddenLabels: [], minAmount: '', maxAmount: '', currency: '', country: '', dateFrom: '', dateTo: '' };

let state: FilterState = NO_FILTERS;
const listeners = new Set<() => void>();

export const canvasFilterStore = {
  get: (): FilterState => state,
  /** replaces the whole state (opening a case) or changes some fields (the panel) */
  set(next: Partial<FilterState>): void {
    state = { ...state, ...next };
    for (const l of listeners) l();
  },
  reset(): void {
    state = NO_FILTERS;
    for (const l of listeners) l();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useCanvasFilterState(): FilterState {
  return useSyncExternalStore(canvasFilterStore.subscribe, canvasFilterStore.get);
}

/** how many filter fields are set (for "filters on" hints) */
export const activeFilterCount = (f: FilterState): number =>
  f.hiddenLabels.length + [f.minAmount, f.maxAmount, f.currency, f.country, f.dateFrom, f.dateTo].filter((v) => v !== '').length;
