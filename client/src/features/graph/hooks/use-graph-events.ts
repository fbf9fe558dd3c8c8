import type { Core, EventObject } from 'cytoscape';
import { useEffect, useEffectEvent, type RefObject } from 'react';

export type GraphSelection = { kind: 'node' | 'edge'; id: string } | null;

export type GraphEventHandlers = {
  /** the selection changed (null: nothing selected) */
  onSelectionChange: (selection: GraphSelection) => void;
  /** a node was double-clicked / double-tapped */
  onNodeDoubleTap: (id: string) => void;
  /** elements were added or removed; called at most once per task however many changed */
  onElementsChange: () => void;
};

function currentSelection(cy: Core): GraphSelection {
  const selected = cy.$(':selected');
  const last = selected.last();
  if (last.empty()) return null;
  return { kind: last.isNode() ? 'node' : 'edge', id: last.id() };
}

/**
 * Subscribes to the canvas. Must be called after useCytoscape in the same component: effects run in
 * declaration order, so the instance exists by the time this one subscribes.
 */
export function useGraphEvents(cyRef: RefObject<Core | null>, handlers: GraphEventHandlers): void {
  const onSelectionChange = useEffectEvent(handlers.onSelectionChange);
  const onNodeDoubleTap = useEffectEvent(handlers.onNodeDoubleTap);
  const onElementsChange = useEffectEvent(handlers.onElementsChange);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;

    // A batch add of 50 nodes fires 50 'add' events; the summary only needs recomputing once.
    let changeQueued = false;
    const queueChange = () => {
      if (changeQueued) return;
      changeQueued = true;
      queueMicrotask(() => {
        changeQueued = false;
        if (!cy.destroyed()) onElementsChange();
      });
    };
    let selectionQueued = false;
    const queueSelection = () => {
      if (selectionQueued) return;
      selectionQueued = true;
      queueMicrotask(() => {
        selectionQueued = false;
        if (!cy.destroyed()) onSelectionChange(currentSelection(cy));
      });
    };
    const onDblTap = (event: EventObject) => onNodeDoubleTap(event.target.id());

    cy.on('select unselect', queueSelection);
    // Removing a selected element does not always emit 'unselect'; re-derive the selection on removal too.
    cy.on('remove', queueSelection);
    cy.on('add remove', queueChange);
    cy.on('dbltap', 'node', onDblTap);
    // Sync once: the instance may be new (remount, hot reload) while the session still remembers an old one.
    queueChange();
    queueSelection();

    return () => {
      if (cy.destroyed()) return;
      cy.off('select unselect', queueSelection);
      cy.off('remove', queueSelection);
      cy.off('add remove', queueChange);
      cy.off('dbltap', 'node', onDblTap);
    };
  }, [cyRef]);
}
