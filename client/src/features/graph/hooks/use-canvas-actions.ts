import type { Core, NodeSingular } from 'cytoscape';
import { useCallback, useMemo, useRef, type RefObject } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { notify } from '../../../lib/notifications';
import type { EntityLabel, Flow, GraphEdge, GraphNode, MoneyTrailResponse, PathsResponse } from '../../../types/api';
import { fetchFlowTransactions } from '../../trails/api/trails';
import type { CanvasHistory } from '../lib/canvas-history';
import { mergeOverlay, parseOverlay, type CanvasOverlay, type CanvasOverlayState } from '../lib/canvas-overlay';
import { applyDataStyle, flowElement, type SizeMode } from '../lib/canvas-ops';
import { edgeElement, mergeElements, nodeElement } from '../lib/graph-elements';
import { collapsibleOf, newStepId, type ExpansionStep } from '../lib/expansion-steps';
import { frame, freeSpot, incrementalLayout } from '../lib/graph-layout';
import { workerLayoutFor, type RunningLayout } from '../lib/worker-layout';
import { layoutOptions, type LayoutId } from '../lib/layouts';
import type { ExpandFilter, ExpandOptions } from './use-graph-session';

/** What the JSON export writes and the JSON import reads back onto the canvas. */
export type CanvasFile = {
  format: 'moneytrail-canvas';
  version: 1;
  nodes: (GraphNode & { position?: { x: number; y: number }; pinned?: boolean })[];
  edges: GraphEdge[];
  flows: Flow[];
  /** text boxes and groups drawn over the canvas (files exported before they existed have none) */
  overlay?: CanvasOverlayState;
};

/** what a cash-out (sink) node says on the canvas and in exports */
export const sinkLabel = (caption: string, total: number) => `${caption}\nSINK € ${total.toLocaleString('en-GB')}`;

export type CanvasActions = {
  undo(): void;
  redo(): void;
  removeSelected(): void;
  hideSelected(): void;
  hideLabel(label: EntityLabel): void;
  showAll(): void;
  togglePin(): void;
  selectNeighbours(): void;
  expandSelection(): Promise<void>;
  /** removes what expanding this node brought in (leaves only, pinned nodes stay) */
  collapse(id: string): void;
  /** removes what one expansion step brought (see ExpansionStepView), as one undoable step */
  collapseStep(stepId: string): void;
  /**
   * Merges records onto the canvas as one undoable step named `label`: nothing already there is added twice,
   * existing nodes keep their positions, new ones are laid out around them. Returns what was new. `record: false`
   * when the caller has recorded the step already (replacing the canvas: clear and add are one step).
   */
  addElements(label: string, nodes: readonly GraphNode[], edges: readonly GraphEdge[], opts?: { record?: boolean }): { nodes: number; edges: number };
  applyLayout(id: LayoutId): void;
  addTrail(trail: MoneyTrailResponse): void;
  addPaths(paths: PathsResponse): void;
  /** replaces an aggregated flow edge by the individual payments behind it */
  openFlow(flowId: string): Promise<void>;
  canvasFile(): CanvasFile;
  importCanvas(file: unknown): void;
  /** lets text boxes and groups take part in undo/redo and the exports; returns the detach function */
  attachOverlay(overlay: CanvasOverlay): () => void;
  /** call BEFORE changing only the overlay: one undoable step named `label` */
  recordOverlayStep(label: string): void;
  /** the text boxes and groups now, for the picture exports (null: nothing attached) */
  canvasOverlay(): CanvasOverlayState | null;
};

type Deps = {
  cyRef: RefObject<Core | null>;
  historyRef: RefObject<CanvasHistory | null>;
  record(label: string): void;
  expand(id: string, filter?: ExpandFilter, options?: ExpandOptions): Promise<void>;
  runLayout(cy: Core, layout: RunningLayout, onStop?: () => void): void;
  stepsRef: RefObject<ExpansionStep[]>;
  nodesRef: RefObject<Map<string, GraphNode>>;
  edgesRef: RefObject<Map<string, GraphEdge>>;
  flowsRef: RefObject<Map<string, Flow>>;
  sizeModeRef: RefObject<SizeMode>;
  setLayoutBusy(busy: boolean): void;
  generationRef: RefObject<number>;
};

export function useCanvasActions(d: Deps): CanvasActions {
  const { cyRef, record, expand, runLayout, nodesRef, edgesRef, flowsRef, sizeModeRef, setLayoutBusy, historyRef, stepsRef } = d;
  const overlayRef = useRef<CanvasOverlay | null>(null);
  const withCy = useCallback((f: (cy: Core) => void) => {
    const cy = cyRef.current;
    if (cy) f(cy);
  }, [cyRef]);

  const addRecords = useCallback(
    (cy: Core, nodes: readonly GraphNode[], edges: readonly GraphEdge[], flows: readonly Flow[] = []) => {
      for (const n of nodes) nodesRef.current.set(n.id, n);
      for (const e of edges) edgesRef.current.set(e.id, e);
      for (const f of flows) flowsRef.current.set(f.id, f);
      const origin = freeSpot(cy);
      const added = mergeElements(cy, nodes, edges, (_n, i) => ({ x: origin.x + 60 * (i % 8), y: origin.y + 60 * Math.floor(i / 8) }));
      const flowEls = flows.filter((f) => cy.getElementById(f.id).empty() && cy.getElementById(f.source).nonempty() && cy.getElementById(f.target).nonempty());
      cy.add(flowEls.map(flowElement));
      for (const n of nodes) {
        const amount = n.properties.amount;
        if (typeof amount === 'number') cy.getElementById(n.id).data('amount', amount);
        const ts = n.properties.timestamp;
        if (typeof ts === 'string') cy.getElementById(n.id).data('time', Date.parse(ts));
      }
      applyDataStyle(cy, sizeModeRef.current);
      return added;
    },
    [nodesRef, edgesRef, flowsRef, sizeModeRef],
  );

  const applyLayout = useCallback(
    (id: LayoutId) =>
      withCy((cy) => {
        if (cy.nodes().length === 0) return;
        record(`Layout: ${id}`);
        setLayoutBusy(true);
        // Yield once so the "laying out" indicator paints before a big synchronous layout starts.
        setTimeout(() => {
          if (cy.destroyed()) return;
          // fcose and dagre on a big canvas run in a Web Worker; the page stays usable while they compute.
          const worker = workerLayoutFor(cy, id);
          runLayout(cy, worker ?? cy.layout(layoutOptions(cy, id)), () => {
            setLayoutBusy(false);
            if (worker) frame(cy, cy.nodes(), { maxZoom: 1.5 });
          });
        }, 30);
      }),
    [withCy, record, runLayout, setLayoutBusy],
  );

  return useMemo<CanvasActions>(
    () => ({
      undo: () => withCy((cy) => {
        const label = historyRef.current?.undo(cy);
        if (label) notify('info', `Undone: ${label}`);
      }),
      redo: () => withCy((cy) => {
        const label = historyRef.current?.redo(cy);
        if (label) notify('info', `Redone: ${label}`);
      }),
      removeSelected: () => withCy((cy) => {
        const sel = cy.$(':selected');
        if (sel.empty()) return;
        record(`Remove ${sel.length}`);
        sel.remove();
      }),
      hideSelected: () => withCy((cy) => {
        const sel = cy.$(':selected');
        if (sel.empty()) return;
        record(`Hide ${sel.length}`);
        sel.union(sel.connectedEdges()).addClass('is-hidden');
        sel.unselect();
      }),
      hideLabel: (label) => withCy((cy) => {
        const nodes = cy.nodes(`[label = "${label}"]`);
        if (nodes.empty()) return;
        record(`Hide ${label}`);
        nodes.union(nodes.connectedEdges()).addClass('is-hidden');
      }),
      showAll: () => withCy((cy) => {
        if (cy.$('.is-hidden').empty()) return;
        record('Show hidden');
        cy.$('.is-hidden').removeClass('is-hidden');
      }),
      togglePin: () => withCy((cy) => {
        const sel = cy.nodes(':selected');
        if (sel.empty()) return;
        const pin = sel.filter((n: NodeSingular) => !n.locked()).nonempty();
        record(pin ? 'Pin' : 'Unpin');
        if (pin) sel.lock().addClass('is-pinned');
        else sel.unlock().removeClass('is-pinned');
      }),
      selectNeighbours: () => withCy((cy) => {
        const sel = cy.nodes(':selected');
        sel.neighborhood().select();
      }),
      expandSelection: async () => {
        const cy = cyRef.current;
        if (!cy) return;
        const ids = cy.nodes(':selected').map((n) => n.id());
        for (const id of ids) await expand(id);
      },
      collapse: (id) => withCy((cy) => {
        const node = cy.getElementById(id);
        const leaves = cy.nodes().filter((n: NodeSingular) => n.data('expandedFrom') === id && !n.locked() && n.degree(false) <= 1 && n.id() !== id);
        if (node.empty() || leaves.empty()) {
          notify('info', 'Nothing to collapse: what this expansion brought is connected elsewhere or pinned');
          return;
        }
        record(`Collapse ${String(node.data('caption'))}`);
        leaves.remove();
      }),
      collapseStep: (stepId) => withCy((cy) => {
        const step = stepsRef.current.find((s) => s.id === stepId);
        const removable = collapsibleOf(cy, stepId);
        if (!step || removable.empty()) {
          notify('info', 'Nothing to collapse: this step shows nothing now, or only pinned or further-expanded nodes');
          return;
        }
        record(`Collapse step: ${step.label}`);
        removable.remove();
      }),
      addElements: (label, nodes, edges, opts) => {
        const cy = cyRef.current;
        if (!cy) return { nodes: 0, edges: 0 };
        if (opts?.record !== false) record(label);
        const before = cy.nodes();
        const added = addRecords(cy, nodes, edges);
        const newEls = cy.collection().union([...added.addedNodeIds, ...added.addedEdgeIds].map((id) => cy.getElementById(id)));
        if (newEls.nonempty()) {
          const step: ExpansionStep = { id: newStepId(), label, originId: null };
          stepsRef.current.push(step);
          newEls.data('step', step.id);
        }
        const newNodes = newEls.nodes();
        if (newNodes.nonempty()) {
          const layout = before.empty() ? (workerLayoutFor(cy, 'fcose') ?? cy.layout(layoutOptions(cy, 'fcose'))) : incrementalLayout(cy, newNodes);
          runLayout(cy, layout, () => frame(cy, before.empty() ? cy.nodes() : newNodes, { onlyIfOffscreen: !before.empty() }));
        }
        return { nodes: added.addedNodeIds.length, edges: added.addedEdgeIds.length };
      },
      applyLayout,
      addTrail: (trail) => withCy((cy) => {
        record(`Follow the money (${trail.direction}) from ${trail.origin}`);
        addRecords(cy, trail.nodes, [], trail.flows);
        cy.$('.is-sink, .is-trail-start').removeClass('is-sink is-trail-start');
        for (const s of trail.sinks) {
          const node = cy.getElementById(s.id);
          node.addClass('is-sink').data({ sinkTotal: s.total, sinkLabel: sinkLabel(String(node.data('caption')), s.total) });
        }
        for (const a of trail.startAccounts) cy.getElementById(a).addClass('is-trail-start');
        cy.elements().unselect();
        const elements = cy.collection().union(trail.nodes.map((n) => cy.getElementById(n.id)));
        runLayout(cy, cy.layout({ ...layoutOptions(cy, 'dagre'), fit: false, eles: elements } as never), () => frame(cy, elements.nodes()));
      }),
      addPaths: (paths) => withCy((cy) => {
        if (paths.paths.length === 0) return;
        record(`Path${paths.paths.length > 1 ? 's' : ''} (${paths.paths.length})`);
        addRecords(cy, paths.nodes, paths.edges);
        cy.$('.is-path').removeClass('is-path');
        const ids = new Set(paths.paths.flatMap((p) => [...p.nodeIds, ...p.edgeIds]));
        const els = cy.collection().union([...ids].map((id) => cy.getElementById(id)));
        els.addClass('is-path');
        runLayout(cy, cy.layout({ ...layoutOptions(cy, 'fcose'), randomize: false, fit: false } as never), () => frame(cy, els.nodes()));
      }),
      openFlow: async (flowId) => {
        const flow = flowsRef.current.get(flowId);
        if (!flow) return;
        try {
          const body = await fetchFlowTransactions(flow.source, flow.target);
          const cy = cyRef.current;
          if (!cy) return;
          record(`Open flow ${flow.count} payments`);
          cy.getElementById(flowId).remove();
          addRecords(cy, body.nodes, body.edges);
          const txs = cy.collection().union(body.nodes.map((n) => cy.getElementById(n.id)));
          runLayout(cy, cy.layout({ ...layoutOptions(cy, 'dagre'), fit: false } as never), () => frame(cy, txs.nodes()));
          notify('success', `${body.nodes.length - 2} payments${body.more ? ' (more not shown)' : ''}`);
        } catch (err) {
          notify('error', `Could not open the flow: ${errorMessage(err)}`);
        }
      },
      canvasFile: () => {
        const cy = cyRef.current;
        const nodes = cy
          ? cy.nodes().map((n) => ({ ...(nodesRef.current.get(n.id()) ?? { id: n.id(), label: n.data('label') as EntityLabel, labels: [], caption: String(n.data('caption')), properties: {}, provenance: { sources: [], importIds: [], firstSeen: null, lastSeen: null } }), position: { ...n.position() }, pinned: n.locked() }))
          : [];
        const edges = cy ? cy.edges('[type != "FLOW"]').map((e) => edgesRef.current.get(e.id())).filter((e): e is GraphEdge => !!e) : [];
        const flows = cy ? cy.edges('[type = "FLOW"]').map((e) => flowsRef.current.get(e.id())).filter((f): f is Flow => !!f) : [];
        const overlay = overlayRef.current?.read();
        return { format: 'moneytrail-canvas', version: 1, nodes, edges, flows, ...(overlay ? { overlay } : {}) };
      },
      importCanvas: (raw) => withCy((cy) => {
        const file = raw as Partial<CanvasFile>;
        if (file?.format !== 'moneytrail-canvas' || !Array.isArray(file.nodes) || !Array.isArray(file.edges)) {
          notify('error', 'This file is not a MoneyTrail canvas export (JSON)');
          return;
        }
        record('Import canvas');
        for (const n of file.nodes) nodesRef.current.set(n.id, n);
        for (const e of file.edges) edgesRef.current.set(e.id, e);
        for (const f of file.flows ?? []) flowsRef.current.set(f.id, f);
        cy.batch(() => {
          cy.add(file.nodes!.filter((n) => cy.getElementById(n.id).empty()).map((n) => nodeElement(n, n.position)));
          cy.add(file.edges!.filter((e) => cy.getElementById(e.id).empty()).map(edgeElement));
          cy.add((file.flows ?? []).filter((f) => cy.getElementById(f.id).empty()).map(flowElement));
          for (const n of file.nodes!) if (n.pinned) cy.getElementById(n.id).lock().addClass('is-pinned');
        });
        // text boxes and groups come back too (added to what is there; the import is one undoable step)
        const overlay = overlayRef.current;
        const extra = overlay && file.overlay ? parseOverlay(file.overlay) : null;
        if (overlay && extra) overlay.restore(mergeOverlay(overlay.read(), extra));
        applyDataStyle(cy, sizeModeRef.current);
        frame(cy, cy.nodes());
        const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
        const annotations = extra && extra.textBoxes.length + extra.groups.length > 0 ? `, ${count(extra.textBoxes.length, 'text box', 'text boxes')} and ${count(extra.groups.length, 'group', 'groups')}` : '';
        notify('success', `Imported ${file.nodes.length} nodes and ${file.edges.length + (file.flows?.length ?? 0)} edges${annotations}`);
      }),
      attachOverlay: (overlay) => {
        overlayRef.current = overlay;
        const detach = historyRef.current?.attach(overlay);
        return () => {
          detach?.();
          if (overlayRef.current === overlay) overlayRef.current = null;
        };
      },
      recordOverlayStep: (label) => historyRef.current?.recordOverlay(label),
      canvasOverlay: () => overlayRef.current?.read() ?? null,
    }),
    [withCy, historyRef, record, expand, applyLayout, addRecords, runLayout, cyRef, flowsRef, nodesRef, edgesRef, sizeModeRef, stepsRef],
  );
}
