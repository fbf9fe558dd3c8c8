import type { Core } from 'cytoscape';
import { createContext, useContext, type RefObject } from 'react';
import type { Direction, EntityLabel, ExpandMeasure, Flow, GraphEdge, GraphNode, RelType } from '../../../types/api';
import type { CanvasActions } from './use-canvas-actions';
import type { SizeMode } from '../lib/canvas-ops';
import type { GraphEventHandlers, GraphSelection } from './use-graph-events';

export type ExpandFilter = { types?: readonly RelType[]; direction?: Direction };
/** top N by a measure; next: the following N after what this expansion already brought */
export type ExpandOptions = { measure?: ExpandMeasure; limit?: number; next?: boolean };

/** an expansion step with what it still shows on the canvas (0 and 0: collapsed or undone) */
export type ExpansionStepView = { id: string; label: string; originId: string | null; nodes: number; edges: number };

export type GraphSummary = {
  nodes: number;
  edges: number;
  byLabel: Partial<Record<EntityLabel, number>>;
};

/**
 * The investigation on screen: what is selected, what is loading, and the actions every panel may take on
 * the canvas. Panels see ids and records, never Cytoscape objects.
 */
export type GraphSession = CanvasActions & {
  selection: GraphSelection;
  summary: GraphSummary;
  /** ids of nodes whose expansion is in flight */
  expanding: ReadonlySet<string>;
  /** a search result is being fetched to be put on the canvas */
  placing: boolean;
  /** increments whenever elements are added or removed, for views derived from the canvas */
  version: number;

  showNode(id: string): Promise<void>;
  expand(id: string, filter?: ExpandFilter, options?: ExpandOptions): Promise<void>;
  /** matching relationships not brought yet by this expansion (null: not expanded this way yet) */
  remainingFor(id: string, filter: ExpandFilter, measure?: ExpandMeasure): number | null;
  historyVersion: number;
  canUndo: boolean;
  canRedo: boolean;
  historySteps: readonly string[];
  /** every expansion (and merge) in order; each can be collapsed on its own */
  expansionSteps: readonly ExpansionStepView[];
  /** every selected element id (box / shift selection) */
  selectedIds: readonly string[];
  sizeMode: SizeMode;
  setSizeMode(mode: SizeMode): void;
  layoutBusy: boolean;
  /** percent done of a layout running in the worker (null: none running) */
  layoutProgress: number | null;
  cancelLayout(): void;
  getFlow(id: string): Flow | undefined;
  select(id: string): void;
  fit(): void;
  relayout(): void;
  /** empties the canvas as one undoable step (named `record`, 'Clear canvas' by default; false: the caller records) */
  clear(opts?: { record?: boolean | string }): void;

  getNode(id: string): GraphNode | undefined;
  getEdge(id: string): GraphEdge | undefined;
  /** relationships of one type and direction that the canvas already shows for a node */
  countOnCanvas(nodeId: string, type: RelType, direction: 'in' | 'out'): number;

  /** for the canvas component only */
  cyRef: RefObject<Core | null>;
  canvasHandlers: GraphEventHandlers;
};

export const GraphSessionContext = createContext<GraphSession | null>(null);

export function useGraphSession(): GraphSession {
  const session = useContext(GraphSessionContext);
  if (!session) throw new Error('useGraphSession must be used inside <GraphSessionProvider>');
  return session;
}
