import type { NodeSingular } from 'cytoscape';
import { useEffect, useMemo, useState } from 'react';
import { useGraphSession } from '../../graph';
import { ENTITY_LABELS, type EntityLabel } from '../../../types/api';
import { canvasFilterStore, useCanvasFilterState } from '../lib/filter-state';

/**
 * Filters on what is on the canvas (not a new query): label, amount range, currency, country, date window.
 * Filtered elements get a class that hides them; the count of hidden elements is always shown. The filter
 * values live in a store (lib/filter-state.ts) so a case saves them and puts them back when opened.
 * Only entity nodes are filtered: annotations (text boxes, groups) are not drawn as graph elements.
 */
export function CanvasFilters() {
  const s = useGraphSession();
  const f = useCanvasFilterState();
  const { minAmount, maxAmount, currency, country, dateFrom, dateTo } = f;
  const labels = useMemo(() => new Set(f.hiddenLabels), [f.hiddenLabels]);
  const set = canvasFilterStore.set;
  const [hidden, setHidden] = useState(0);

  useEffect(() => {
    const cy = s.cyRef.current;
    if (!cy) return;
    const min = minAmount === '' ? null : Number(minAmount);
    const max = maxAmount === '' ? null : Number(maxAmount);
    const from = dateFrom ? Date.parse(dateFrom) : null;
    const to = dateTo ? Date.parse(dateTo) + 86_400_000 : null;
    cy.batch(() => {
      cy.elements().removeClass('is-filtered');
      const out = cy.nodes().filter((n: NodeSingular) => {
        const rec = s.getNode(n.id());
        if (labels.has(n.data('label') as EntityLabel)) return true;
        const amount = rec?.properties.amount;
        if (typeof amount === 'number' && ((min !== null && amount < min) || (max !== null && amount > max))) return true;
        if (currency && typeof rec?.properties.currency === 'string' && rec.properties.currency !== currency) return true;
        if (country && typeof rec?.properties.country === 'string' && rec.properties.country !== country.toUpperCase()) return true;
        const t = n.data('time') as number | undefined;
        if (t !== undefined && ((from !== null && t < from) || (to !== null && t >= to))) return true;
        return false;
      });
      const flows = cy.edges('[type = "FLOW"]').filter((e) => {
        const total = Number(e.data('total'));
        if ((min !== null && total < min) || (max !== null && total > max)) return true;
        if (currency && e.data('currency') !== currency) return true;
        if (from !== null && Date.parse(String(e.data('last'))) < from) return true;
        if (to !== null && Date.parse(String(e.data('first'))) >= to) return true;
        return false;
      });
      out.union(out.connectedEdges()).union(flows).addClass('is-filtered');
    });
    setHidden(cy.elements('.is-hidden, .is-filtered, .is-out-of-window').length);
  }, [s, s.version, labels, minAmount, maxAmount, currency, country, dateFrom, dateTo]);

  // Hiding, the timeline window and undo change classes elsewhere: keep the hidden count true to the canvas.
  useEffect(() => {
    const cy = s.cyRef.current;
    if (!cy) return;
    let queued = false;
    const recount = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (!cy.destroyed()) setHidden(cy.elements('.is-hidden, .is-filtered, .is-out-of-window').length);
      });
    };
    cy.on('class add remove', recount);
    return () => {
      if (!cy.destroyed()) cy.off('class add remove', recount);
    };
  }, [s.cyRef, s.summary.nodes]);

  const present = ENTITY_LABELS.filter((l) => (s.summary.byLabel[l] ?? 0) > 0);
  if (s.summary.nodes === 0) return null;
  return (
    <div className="filters-panel" data-testid="filters" aria-label="Filters">
      <strong>Filter</strong>
      {present.map((l) => (
        <label key={l}>
          <input
            type="checkbox"
            data-testid="filter-label"
            data-label={l}
            checked={!labels.has(l)}
            onChange={(e) => {
              const next = new Set(labels);
              if (e.target.checked) next.delete(l);
              else next.add(l);
              set({ hiddenLabels: [...next] });
            }}
          />
          {l}
        </label>
      ))}
      <label>€ <input className="input input--narrow" type="number" placeholder="min" value={minAmount} onChange={(e) => set({ minAmount: e.target.value })} data-testid="filter-min-amount" /></label>
      <label>– <input className="input input--narrow" type="number" placeholder="max" value={maxAmount} onChange={(e) => set({ maxAmount: e.target.value })} data-testid="filter-max-amount" /></label>
      <input className="input input--narrow" placeholder="currency" value={currency} onChange={(e) => set({ currency: e.target.value.toUpperCase() })} data-testid="filter-currency" />
      <input className="input input--narrow" placeholder="country" value={country} onChange={(e) => set({ country: e.target.value })} data-testid="filter-country" />
      <label>from <input className="input" type="date" value={dateFrom} onChange={(e) => set({ dateFrom: e.target.value })} data-testid="filter-date-from" /></label>
      <label>to <input className="input" type="date" value={dateTo} onChange={(e) => set({ dateTo: e.target.value })} data-testid="filter-date-to" /></label>
      <span data-testid="hidden-count" data-hidden={hidden}>{hidden} hidden</span>
    </div>
  );
}
