import type { Core } from 'cytoscape';
import { createContext, useContext, type RefObject } from 'react';
import type { Direction, EntityLabel, GraphEdge, GraphNode, RelType } from '../../../types/api';
import type { GraphEventHandlers, GraphSelection } from './use-graph-events';

export type ExpandFilter = { types?: readonly RelType[]; direction?: Direction };

export type GraphSummary = {
  nodes: number;
  edges: number;
  byLabel: Partial<Record<EntityLabel, number>>;
};

/**
 * The investigation on screen: what is selected, what is loading, and the actions every panel may take on
 * the canvas. Panels see ids and records, never Cytoscape objects.
 */
export type GraphSession = {
  selection: GraphSelection;
  summary: GraphSummary;
  /** ids of nodes whose expansion is in flight */
  expanding: ReadonlySet<string>;
  /** a search result is being fetched to be put on the canvas */
  placing: boolean;
  /** increments whenever elements are added or removed, for views derived from the canvas */
  version: number;

  showNode(id: string): Promise<void>;
  expand(id: string, filter?: ExpandFilter): Promise<void>;
  select(id: string): void;
  fit(): void;
  relayout(): void;
  clear(): void;

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
