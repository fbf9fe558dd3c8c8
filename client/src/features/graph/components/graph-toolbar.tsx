import { plural } from '../../../lib/format';
import { useGraphSession } from '../hooks/use-graph-session';

export function GraphToolbar() {
  const { summary, expanding, placing, fit, relayout, clear } = useGraphSession();
  const empty = summary.nodes === 0;
  const busy = expanding.size > 0 || placing;

  return (
    <div className="graph-toolbar" role="toolbar" aria-label="Canvas">
      <button type="button" className="button" onClick={fit} disabled={empty} title="Fit everything into view">
        Fit
      </button>
      <button type="button" className="button" onClick={relayout} disabled={summary.nodes < 2} title="Lay the whole canvas out again">
        Re-layout
      </button>
      <button type="button" className="button button--quiet" onClick={() => clear()} disabled={empty} title="Remove everything from the canvas">
        Clear canvas
      </button>
      <span className="graph-status" data-testid="graph-status" role="status" data-nodes={summary.nodes} data-edges={summary.edges}>
        {plural(summary.nodes, 'node')} · {plural(summary.edges, 'edge')}
        {busy && <span className="graph-status__busy"> · loading…</span>}
      </span>
    </div>
  );
}
