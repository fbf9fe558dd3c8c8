import { useQueryClient } from '@tanstack/react-query';
import type { Core, NodeCollection, Position } from 'cytoscape';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { notify } from '../../../lib/notifications';
import type { EntityLabel, ExpandMeasure, Flow, GraphEdge, GraphNode, NeighboursResponse, RelType } from '../../../types/api';
import { fetchExpansion } from '../api/expand';
import { CanvasHistory } from '../lib/canvas-history';
import { applyDataStyle, type SizeMode } from '../lib/canvas-ops';
import { registerExtraLayouts } from '../lib/layouts';
import { tuneForSize } from '../lib/render-tuning';
import { WorkerLayout, workerLayoutFor, type RunningLayout } from '../lib/worker-layout';
import { newStepId, type ExpansionStep } from '../lib/expansion-steps';
import { neighbourCountsQueryOptions } from '../api/get-neighbours';
import { useCanvasActions } from '../hooks/use-canvas-actions';
import { nodeQueryOptions } from '../api/get-node';
import type { GraphEventHandlers, GraphSelection } from '../hooks/use-graph-events';
import { GraphSessionContext, type ExpandFilter, type ExpandOptions, type ExpansionStepView, type GraphSession, type GraphSummary } from '../hooks/use-graph-session';

registerExtraLayouts();
import { mergeElements } from '../lib/graph-elements';
import {
  awayFromOthers,
  COMFORTABLE_ZOOM,
  fanPositions,
  frame,
  freeSpot,
  fullLayout,
  incrementalLayout,
} from '../lib/graph-layout';

/** relationships one expansion page brings; "next" brings the following page */
const EXPAND_PAGE = 50;

const EMPTY_SUMMARY: GraphSummary = { nodes: 0, edges: 0, byLabel: {} };

function summarise(cy: Core): GraphSummary {
  const byLabel: Partial<Record<EntityLabel, number>> = {};
  cy.nodes().forEach((node) => {
    const label = node.data('label') as EntityLabel;
    byLabel[label] = (byLabel[label] ?? 0) + 1;
  });
  return { nodes: cy.nodes().length, edges: cy.edges().length, byLabel };
}

/** Steps with what each still has on the canvas; derived from element data, so undo/redo keep it right. */
function expansionStepsOn(cy: Core | null, steps: readonly ExpansionStep[]): ExpansionStepView[] {
  if (!cy) return [];
  const counts = new Map<string, { nodes: number; edges: number }>();
  cy.elements('[step]').forEach((e) => {
    const c = counts.get(String(e.data('step'))) ?? { nodes: 0, edges: 0 };
    if (e.isNode()) c.nodes += 1;
    else c.edges += 1;
    counts.set(String(e.data('step')), c);
  });
  return steps.map((s) => ({ ...s, ...(counts.get(s.id) ?? { nodes: 0, edges: 0 }) }));
}

function collect(cy: Core, ids: readonly string[]): NodeCollection {
  return ids.reduce<NodeCollection>((all, id) => all.union(cy.getElementById(id)), cy.collection());
}

function remember<T extends { id: string }>(records: Map<string, T>, items: readonly T[]): void {
  for (const item of items) records.set(item.id, item);
}

/** Identifies an expansion so the same one is not requested twice while in flight. */
function expansionKey(id: string, filter?: ExpandFilter): string {
  if (!filter) return `${id}\u0000`;
  return `${id}\u0000${filter.direction ?? 'both'}\u0000${[...(filter.types ?? [])].sort().join(',')}`;
}

function filterDescription({ types, direction }: ExpandFilter): string {
  const parts: string[] = [];
  if (types && types.length > 0) parts.push(types.join(', '));
  if (direction === 'in') parts.push('incoming');
  if (direction === 'out') parts.push('outgoing');
  return parts.join(' ');
}

function expansionMessage(
  response: Pick<NeighboursResponse, 'node' | 'total' | 'omitted'>,
  filter: ExpandFilter,
  added: { nodes: number; edges: number },
): string {
  const caption = response.node.caption || response.node.id;
  const scope = filterDescription(filter);
  const subject = scope ? `${caption} (${scope})` : caption;
  if (response.total === 0) return `${subject} has no ${scope ? `${scope} ` : ''}relationships`;
  const parts = [`${added.nodes} added`];
  if (added.nodes === 0 && added.edges > 0) parts.push(`${added.edges} new ${added.edges === 1 ? 'link' : 'links'}`);
  if (added.nodes === 0 && added.edges === 0) parts[0] = '0 added (already on the canvas)';
  if (response.omitted > 0) parts.push(`${response.omitted.toLocaleString('en-GB')} more not shown`);
  return `Expanded ${subject}: ${parts.join(', ')}`;
}

/** a layout step recorded this long before its layout started still belongs to it (applyLayout yields 30 ms first) */
const LAYOUT_STEP_WINDOW_MS = 2000;

export function GraphSessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const cyRef = useRef<Core | null>(null);
  const layoutRef = useRef<RunningLayout | null>(null);
  const layoutStartedRef = useRef(0);
  const stepsRef = useRef<ExpansionStep[]>([]);
  const nodesRef = useRef(new Map<string, GraphNode>());
  const edgesRef = useRef(new Map<string, GraphEdge>());
  const inFlightRef = useRef(new Set<string>());
  // Bumped by clear(): answers to requests made before it belong to an investigation the analyst discarded.
  const generationRef = useRef(0);

  const [selection, setSelection] = useState<GraphSelection>(null);
  const [summary, setSummary] = useState<GraphSummary>(EMPTY_SUMMARY);
  const [version, setVersion] = useState(0);
  const [expanding, setExpanding] = useState<ReadonlySet<string>>(() => new Set());
  const [placing, setPlacing] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);
  const historyRef = useRef<CanvasHistory | null>(null);
  historyRef.current ??= new CanvasHistory(() => setHistoryVersion((v) => v + 1));
  const flowsRef = useRef(new Map<string, Flow>());
  const cursorsRef = useRef(new Map<string, { cursor: string | null; remaining: number }>());
  const [selectedIds, setSelectedIds] = useState<readonly string[]>([]);
  const [sizeMode, setSizeModeState] = useState<SizeMode>('degree');
  const sizeModeRef = useRef<SizeMode>('degree');
  const [layoutBusy, setLayoutBusy] = useState(false);
  const [layoutProgress, setLayoutProgress] = useState<number | null>(null);
  const record = useCallback((label: string) => {
    const cy = cyRef.current;
    if (cy) historyRef.current!.record(cy, label);
  }, []);

  const runLayout = useCallback((cy: Core, layout: RunningLayout, onStop?: () => void) => {
    layoutRef.current?.stop();
    layoutRef.current = layout;
    layoutStartedRef.current = Date.now();
    // A worker layout of a big canvas takes seconds: say so, and keep the page usable meanwhile.
    const inWorker = layout instanceof WorkerLayout;
    if (inWorker) {
      setLayoutBusy(true);
      setLayoutProgress(0);
      layout.onProgress((percent) => layoutRef.current === layout && setLayoutProgress(percent));
    }
    layout.one('layoutstop', () => {
      if (layoutRef.current === layout) layoutRef.current = null;
      if (layoutRef.current === null) setLayoutProgress(null);
      if (inWorker && layoutRef.current === null) setLayoutBusy(false);
      if (!cy.destroyed()) onStop?.();
    });
    layout.run();
  }, []);

  const select = useCallback((id: string) => {
    const cy = cyRef.current;
    if (!cy) return;
    const element = cy.getElementById(id);
    if (element.empty()) return;
    cy.batch(() => {
      cy.elements(':selected').difference(element).unselect();
      element.select();
    });
  }, []);

  const showNode = useCallback(
    async (id: string) => {
      const cy = cyRef.current;
      if (!cy) return;
      if (cy.getElementById(id).nonempty()) {
        frame(cy, cy.getElementById(id), { onlyIfOffscreen: true });
        select(id);
        return;
      }
      setPlacing(true);
      try {
        const node = await queryClient.fetchQuery(nodeQueryOptions(id));
        // The canvas may have been remounted or cleared while the request was out.
        const current = cyRef.current;
        if (!current) return;
        remember(nodesRef.current, [node]);
        historyRef.current!.record(current, `Show ${node.caption}`);
        const first = current.nodes().empty();
        mergeElements(current, [node], [], () => (first ? { x: 0, y: 0 } : freeSpot(current)));
        const element = current.getElementById(node.id);
        if (first) {
          current.zoom(COMFORTABLE_ZOOM);
          current.center(element);
        } else {
          frame(current, element, { onlyIfOffscreen: true });
        }
        select(node.id);
      } catch (err) {
        notify('error', `Could not open ${id}: ${errorMessage(err)}`);
      } finally {
        setPlacing(false);
      }
    },
    [queryClient, select],
  );

  const expand = useCallback(
    async (id: string, filter: ExpandFilter = {}, options: ExpandOptions = {}) => {
      const measure: ExpandMeasure = options.measure ?? 'none';
      const key = expansionKey(id, filter);
      const cursorKey = `${key}\u0000${measure}`;
      if (inFlightRef.current.has(key)) return;
      inFlightRef.current.add(key);
      setExpanding((prev) => new Set(prev).add(id));
      cyRef.current?.getElementById(id).addClass('is-expanding');
      const generation = generationRef.current;
      try {
        const previous = options.next ? cursorsRef.current.get(cursorKey) : undefined;
        if (options.next && previous && previous.cursor === null) {
          notify('info', 'Nothing more to show for this expansion');
          return;
        }
        const response = await fetchExpansion({ id, ...filter, measure, limit: options.limit ?? EXPAND_PAGE, cursor: previous?.cursor ?? null });
        cursorsRef.current.set(cursorKey, { cursor: response.nextCursor, remaining: response.remaining });
        queryClient.setQueryData(neighbourCountsQueryOptions(id).queryKey, response.counts);
        const cy = cyRef.current;
        if (!cy || generation !== generationRef.current) return;
        record(`Expand ${response.node.caption}${filter.types?.length ? ` (${filter.types.join(', ')})` : ''}${options.next ? ' — next' : ''}`);
        remember(nodesRef.current, [response.node, ...response.nodes]);
        remember(edgesRef.current, response.edges);

        if (cy.getElementById(id).empty()) {
          mergeElements(cy, [response.node], [], () => freeSpot(cy));
        }
        const parent = cy.getElementById(id);
        const firstLoad = cy.nodes().length <= 1;
        const centre = { ...parent.position() };
        const away = awayFromOthers(cy, id);
        let fan: Position[] | null = null;
        const added = mergeElements(cy, response.nodes, response.edges, (_node, i, n) => (fan ??= fanPositions(centre, n, away))[i]);
        const newNodes = collect(cy, added.addedNodeIds);
        newNodes.data('expandedFrom', id);
        if (added.addedNodeIds.length + added.addedEdgeIds.length > 0) {
          // Tagged on the elements, so undo/redo (which restore element data) keep the steps list true.
          const step: ExpansionStep = { id: newStepId(), label: `${response.node.caption}${filter.types?.length ? ` · ${filter.types.join(', ')}` : ''}${options.next ? ' · next' : ''}`, originId: id };
          stepsRef.current.push(step);
          collect(cy, [...added.addedNodeIds, ...added.addedEdgeIds]).data('step', step.id);
        }
        applyDataStyle(cy, sizeModeRef.current);
        if (newNodes.nonempty()) {
          runLayout(cy, incrementalLayout(cy, newNodes, parent), () => {
            // Only the very first expansion frames the picture; later ones just make sure the news is in view.
            if (firstLoad) frame(cy, cy.nodes());
            else frame(cy, newNodes.union(parent), { onlyIfOffscreen: true });
          });
        }
        notify(
          'success',
          expansionMessage({ node: response.node, total: response.total, omitted: response.remaining }, filter, { nodes: added.addedNodeIds.length, edges: added.addedEdgeIds.length }),
        );
      } catch (err) {
        const caption = nodesRef.current.get(id)?.caption ?? id;
        notify('error', `Could not expand ${caption}: ${errorMessage(err)}`);
      } finally {
        inFlightRef.current.delete(key);
        const stillBusy = [...inFlightRef.current].some((k) => k.startsWith(expansionKey(id)));
        if (!stillBusy) {
          cyRef.current?.getElementById(id).removeClass('is-expanding');
          setExpanding((prev) => {
            const next = new Set(prev);
            next.delete(id);
            return next;
          });
        }
      }
    },
    [queryClient, runLayout, record],
  );

  /** stops a running layout; nodes stay where they were (a worker layout has not moved any yet) */
  const cancelLayout = useCallback(() => {
    if (!layoutRef.current) return;
    layoutRef.current.stop();
    // the step recorded just before this layout started ("Layout: fcose", "Re-layout") would undo nothing
    const label = historyRef.current!.nextUndo;
    if (label && /^(Layout: .+|Re-layout)$/.test(label)) historyRef.current!.discardLatest(label, layoutStartedRef.current - LAYOUT_STEP_WINDOW_MS);
  }, []);

  const fit = useCallback(() => {
    const cy = cyRef.current;
    if (!cy || cy.nodes().empty()) return;
    frame(cy, cy.nodes());
  }, []);

  const relayout = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    if (cy.nodes().length < 2) {
      fit();
      return;
    }
    record('Re-layout');
    runLayout(cy, workerLayoutFor(cy, 'fcose') ?? fullLayout(cy), () => frame(cy, cy.nodes(), { maxZoom: 1.5 }));
  }, [fit, runLayout, record]);

  const clear = useCallback((opts?: { record?: boolean | string }) => {
    const cy = cyRef.current;
    if (!cy) return;
    if (cy.elements().nonempty() && opts?.record !== false) historyRef.current!.record(cy, typeof opts?.record === 'string' ? opts.record : 'Clear canvas');
    generationRef.current += 1;
    layoutRef.current?.stop();
    layoutRef.current = null;
    cy.stop();
    cy.elements().remove();
    cy.reset();
    cursorsRef.current.clear();
  }, []);

  const getNode = useCallback((id: string) => nodesRef.current.get(id), []);
  const getEdge = useCallback((id: string) => edgesRef.current.get(id), []);
  const getFlow = useCallback((id: string) => flowsRef.current.get(id), []);


  const countOnCanvas = useCallback((nodeId: string, type: RelType, direction: 'in' | 'out') => {
    const cy = cyRef.current;
    const node = cy?.getElementById(nodeId);
    if (!node || node.empty()) return 0;
    return node
      .connectedEdges()
      .filter((edge) => edge.data('type') === type && (direction === 'out' ? edge.source() : edge.target()).id() === nodeId)
      .length;
  }, []);

  const canvasHandlers = useMemo<GraphEventHandlers>(
    () => ({
      onSelectionChange: (sel) => {
        setSelection(sel);
        const cy = cyRef.current;
        setSelectedIds(cy ? cy.$(':selected').map((e) => e.id()) : []);
      },
      onNodeDoubleTap: (id) => void expand(id),
      onElementsChange: () => {
        const cy = cyRef.current;
        if (cy) tuneForSize(cy);
        setSummary(cy ? summarise(cy) : EMPTY_SUMMARY);
        setVersion((v) => v + 1);
      },
    }),
    [expand],
  );

  const extra = useCanvasActions({ cyRef, historyRef, record, expand, runLayout, nodesRef, edgesRef, flowsRef, sizeModeRef, setLayoutBusy, generationRef, stepsRef });
  const setSizeMode = useCallback((mode: SizeMode) => {
    sizeModeRef.current = mode;
    setSizeModeState(mode);
    const cy = cyRef.current;
    if (cy) applyDataStyle(cy, mode);
  }, []);

  const session: GraphSession = {
    ...extra,
    historyVersion,
    canUndo: historyRef.current.canUndo,
    canRedo: historyRef.current.canRedo,
    historySteps: historyRef.current.steps,
    expansionSteps: expansionStepsOn(cyRef.current, stepsRef.current),
    selectedIds,
    sizeMode,
    setSizeMode,
    layoutBusy,
    layoutProgress,
    cancelLayout,
    getFlow,
    remainingFor: (id, filter, measure = 'none') => cursorsRef.current.get(`${expansionKey(id, filter)}\u0000${measure}`)?.remaining ?? null,
    selection,
    summary,
    expanding,
    placing,
    version,
    showNode,
    expand,
    select,
    fit,
    relayout,
    clear,
    getNode,
    getEdge,
    countOnCanvas,
    cyRef,
    canvasHandlers,
  };

  return <GraphSessionContext.Provider value={session}>{children}</GraphSessionContext.Provider>;
}
