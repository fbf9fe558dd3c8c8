import { Toast } from '../components/toast';
import { errorMessage } from '../lib/api-client';
import {
  GraphCanvas,
  GraphLegend,
  GraphToolbar,
  useGraphSession,
  useNeighbourCounts,
  useNode,
  type GraphSession,
} from '../features/graph';
import { CanvasActionsBar, ExpansionSteps } from '../features/graph';
import { ExportMenu } from '../features/export';
import { CanvasFilters } from '../features/filters';
import { Timeline } from '../features/timeline';
import { TrailsPanel } from '../features/trails';
import { HealthIndicator } from '../features/health';
import { Inspector, type CountsState, type InspectorSelection } from '../features/inspector';
import { SearchBox } from '../features/search';
import { CanvasQueryMenu, QueriesPanel } from '../features/queries';
import { useState, type ReactNode } from 'react';
import { ImportPanel, useSessionRole } from '../features/import';
import { CasesPanel } from '../features/cases';

/** Joins the features: search feeds the canvas, the canvas selection feeds the inspector. */
export function Workbench({ userMenu }: { userMenu?: ReactNode } = {}) {
  const session = useGraphSession();
  const selection = useInspectorSelection(session);
  const [showQueries, setShowQueries] = useState(false);
  const [showImport, setShowImport] = useState(false);
  const [showCases, setShowCases] = useState(false);
  const role = useSessionRole().data;

  return (
    <div className="workbench">
      <header className="topbar">
        <div className="brand">
          <img className="brand__mark" src="/favicon.svg" alt="" width={20} height={20} />
          <span className="brand__name">MoneyTrail</span>
        </div>
        <SearchBox onSelect={(hit) => void session.showNode(hit.id)} />
        <button type="button" className="topbar__queries" aria-pressed={showQueries} onClick={() => setShowQueries((v) => !v)} data-testid="open-queries">
          Queries
        </button>
        <button type="button" className="topbar__queries" aria-pressed={showCases} onClick={() => setShowCases((v) => !v)} data-testid="open-cases">
          Cases
        </button>
        {(role === 'data' || role === 'admin') && (
          <button type="button" className="topbar__queries" aria-pressed={showImport} onClick={() => setShowImport((v) => !v)} data-testid="open-import">
            Import
          </button>
        )}
        <HealthIndicator />
        {userMenu}
      </header>
      <main className="workspace">
        <section className="canvas-pane" aria-label="Canvas">
          <GraphToolbar />
          <div className="actions-row">
            <CanvasActionsBar />
            <ExportMenu />
          </div>
          <TrailsPanel />
          <CanvasFilters />
          <div className="canvas-area">
            <GraphCanvas />
            <GraphLegend />
            <ExpansionSteps />
            <CanvasQueryMenu />
            <Toast />
          </div>
          <Timeline />
        </section>
        {showQueries && <QueriesPanel onClose={() => setShowQueries(false)} />}
        {showImport && <ImportPanel onClose={() => setShowImport(false)} />}
        <CasesPanel open={showCases} onOpen={() => setShowCases(true)} onClose={() => setShowCases(false)} />
        <Inspector
          selection={selection}
          onExpand={(id, filter) => void session.expand(id, filter)}
          onSelect={session.select}
          onOpenNode={(id) => void session.showNode(id)}
        />
      </main>
    </div>
  );
}

function useInspectorSelection(session: GraphSession): InspectorSelection {
  const { selection } = session;
  const nodeId = selection?.kind === 'node' ? selection.id : null;
  const known = nodeId ? session.getNode(nodeId) : undefined;
  // Records arrive with the elements; this fetch only runs if the session lost one (e.g. after a hot reload).
  const nodeQuery = useNode(nodeId && !known ? nodeId : null);
  const countsQuery = useNeighbourCounts(nodeId);

  if (!selection) return null;
  if (selection.kind === 'edge' && session.getFlow(selection.id)) return { kind: 'flow', id: selection.id };
  if (selection.kind === 'edge') {
    const edge = session.getEdge(selection.id);
    if (!edge) return { kind: 'missing', id: selection.id, message: 'This relationship is no longer loaded.' };
    return { kind: 'edge', edge, source: session.getNode(edge.source), target: session.getNode(edge.target) };
  }
  const node = known ?? nodeQuery.data;
  if (!node) {
    return nodeQuery.isError
      ? { kind: 'missing', id: selection.id, message: errorMessage(nodeQuery.error) }
      : { kind: 'loading', id: selection.id };
  }
  const counts: CountsState = countsQuery.data
    ? { status: 'success', counts: countsQuery.data }
    : countsQuery.isError
      ? { status: 'error', message: `Relationship counts unavailable: ${errorMessage(countsQuery.error)}` }
      : { status: 'pending' };
  return {
    kind: 'node',
    node,
    counts,
    expanding: session.expanding.has(node.id),
    onCanvas: (type, direction) => session.countOnCanvas(node.id, type, direction),
  };
}
