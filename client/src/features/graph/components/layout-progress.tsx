import { useGraphSession } from '../hooks/use-graph-session';

/**
 * "laying out N nodes… 42%" over the top of the canvas while a layout runs, with Cancel for worker layouts (the
 * only ones that report progress). Fixed in place with a fixed-width figure, so Cancel never moves under the
 * pointer as the percentage grows, and the toolbar does not reflow.
 */
export function LayoutProgress() {
  const { layoutBusy, layoutProgress, cancelLayout, summary } = useGraphSession();
  if (!layoutBusy) return null;
  return (
    <div className="layout-progress" data-testid="layout-busy" data-percent={layoutProgress ?? undefined} role="status">
      <span>
        laying out {summary.nodes.toLocaleString('en-GB')} nodes…
        {layoutProgress !== null && (
          <>
            {' '}
            <span className="layout-progress__percent">{layoutProgress}%</span>
          </>
        )}
      </span>
      {layoutProgress !== null && (
        <>
          <progress className="layout-progress__bar" max={100} value={layoutProgress} aria-label="Layout progress" />
          <button type="button" className="button button--quiet" onClick={cancelLayout} data-testid="layout-cancel" title="Stop the layout; nodes stay where they are">
            Cancel
          </button>
        </>
      )}
    </div>
  );
}
