import { useRef } from 'react';
import { useCytoscape } from '../hooks/use-cytoscape';
import { useGraphEvents } from '../hooks/use-graph-events';
import { useGraphSession } from '../hooks/use-graph-session';
import { LayoutProgress } from './layout-progress';
import './graph.css';

export function GraphCanvas() {
  const containerRef = useRef<HTMLDivElement>(null);
  const { cyRef, canvasHandlers, summary, placing } = useGraphSession();
  useCytoscape(containerRef, cyRef);
  useGraphEvents(cyRef, canvasHandlers);

  return (
    <div className="graph-canvas-frame">
      <div
        ref={containerRef}
        className="graph-canvas"
        data-testid="graph-canvas"
        role="application"
        aria-label="Investigation graph. Double-click a node to expand it."
      />
      <LayoutProgress />
      {summary.nodes === 0 && (
        <div className="graph-empty" aria-hidden={placing}>
          <p className="graph-empty__title">{placing ? 'Opening…' : 'The canvas is empty'}</p>
          {!placing && (
            <p className="graph-empty__hint">
              Search for a domain, account, e-mail, person or report above (press <kbd>/</kbd>), pick a result to
              place it here, then double-click it to follow its connections.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
