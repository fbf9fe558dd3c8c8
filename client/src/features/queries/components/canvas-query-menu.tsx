import { useEffect, useMemo, useState } from 'react';
import type { EventObject } from 'cytoscape';
import { errorMessage } from '../../../lib/api-client';
import { notify } from '../../../lib/notifications';
import { useGraphSession } from '../../graph';
import { runStoredQuery, useCatalogue } from '../api/queries-api';
import { queriesForSelection } from '../lib/selection-queries';
import { putOnCanvas } from '../lib/to-canvas';

type MenuState = { x: number; y: number; selected: { id: string; label: string }[] };

/**
 * Right-click on the canvas: run a stored query on the selected entities without opening the catalogue. A
 * right-click on an unselected node selects it alone first, as desktop tools do.
 */
export function CanvasQueryMenu() {
  const session = useGraphSession();
  const catalogue = useCatalogue();
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const cy = session.cyRef.current;
    if (!cy) return;
    const onContext = (event: EventObject) => {
      const node = event.target;
      if (!node.selected()) {
        cy.$(':selected').unselect();
        node.select();
      }
      const selected = cy.nodes(':selected').map((n) => ({ id: n.id(), label: String(n.data('label')) }));
      setMenu({ x: event.renderedPosition.x, y: event.renderedPosition.y, selected });
    };
    const close = () => setMenu(null);
    cy.on('cxttap', 'node', onContext);
    // not on pan or zoom: selecting a node may re-centre the view, which would close the menu at once
    cy.on('tap', close);
    return () => {
      cy.off('cxttap', 'node', onContext);
      cy.off('tap', close);
    };
  }, [session.cyRef]);

  useEffect(() => {
    if (!menu) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setMenu(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menu]);

  const options = useMemo(() => (menu ? queriesForSelection(catalogue.data ?? [], menu.selected) : []), [menu, catalogue.data]);
  if (!menu) return null;

  const run = async (name: string, title: string, params: Record<string, unknown>) => {
    setBusy(true);
    try {
      const result = await runStoredQuery(name, params);
      const shown = result.graph.nodes.length;
      const added = await putOnCanvas(session, result, 'add');
      notify(
        'success',
        shown > 0
          ? `${title}: ${result.rowCount} rows, ${shown} entities and ${added.edges} new relationships on the canvas`
          : `${title}: ${result.rowCount} rows (open Queries for the table)`,
      );
      setMenu(null);
    } catch (err) {
      notify('error', `${title}: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="canvas-query-menu" role="menu" data-testid="canvas-context-menu" style={{ left: menu.x, top: menu.y }}>
      <div className="canvas-query-menu__title">
        Run on {menu.selected.length} selected
      </div>
      {options.length === 0 && <div className="canvas-query-menu__empty">No published query takes these entities</div>}
      {options.map(({ query, params }) => (
        <button
          key={query.name}
          type="button"
          role="menuitem"
          className="canvas-query-menu__item"
          data-testid="context-query"
          data-name={query.name}
          disabled={busy}
          onClick={() => void run(query.name, query.title, params)}
        >
          {query.title}
        </button>
      ))}
    </div>
  );
}
