import type { GraphEdge, GraphNode, RelType } from '../../../types/api';
import { EdgeInspector } from './edge-inspector';
import { NodeInspector } from './node-inspector';
import { FlowInspector } from './expand-controls';
import type { CountsState } from './relationship-counts';
import './inspector.css';

export type InspectorSelection =
  | {
      kind: 'node';
      node: GraphNode;
      counts: CountsState;
      expanding: boolean;
      onCanvas: (type: RelType, direction: 'in' | 'out') => number;
    }
  | { kind: 'edge'; edge: GraphEdge; source: GraphNode | undefined; target: GraphNode | undefined }
  | { kind: 'flow'; id: string }
  | { kind: 'loading'; id: string }
  | { kind: 'missing'; id: string; message: string }
  | null;

export type InspectorProps = {
  selection: InspectorSelection;
  /** expand a node: all relationships, or one type in one direction */
  onExpand: (nodeId: string, filter?: { types: RelType[]; direction: 'in' | 'out' }) => void;
  /** select an element already on the canvas */
  onSelect: (id: string) => void;
  /** put a node on the canvas (or reveal it) and select it */
  onOpenNode: (id: string) => void;
};

export function Inspector({ selection, onExpand, onSelect, onOpenNode }: InspectorProps) {
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      {selection === null && (
        <div className="inspector__placeholder">
          <h2 className="inspector__placeholder-title">Nothing selected</h2>
          <p>Click a node or a relationship on the canvas to see its properties and where they came from.</p>
          <p>
            Double-click a node (or use <strong>Expand all</strong> here) to bring in its neighbours, up to 50 at a
            time.
          </p>
        </div>
      )}
      {selection?.kind === 'flow' && <FlowInspector flowId={selection.id} />}
      {selection?.kind === 'loading' && <p className="inspector__empty-note">Loading {selection.id}…</p>}
      {selection?.kind === 'missing' && (
        <p className="inspector__empty-note inspector__empty-note--error" role="alert">
          {selection.message}
        </p>
      )}
      {selection?.kind === 'node' && (
        <NodeInspector
          node={selection.node}
          counts={selection.counts}
          expanding={selection.expanding}
          onCanvas={selection.onCanvas}
          onExpand={onExpand}
          onOpenNode={onOpenNode}
        />
      )}
      {selection?.kind === 'edge' && (
        <EdgeInspector
          edge={selection.edge}
          source={selection.source}
          target={selection.target}
          onSelect={onSelect}
          onOpenNode={onOpenNode}
        />
      )}
    </aside>
  );
}
