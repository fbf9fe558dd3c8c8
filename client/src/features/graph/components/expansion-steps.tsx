import { useState } from 'react';
import { useGraphSession } from '../hooks/use-graph-session';

/**
 * Every expansion (and query merge) as a step the analyst can take back on its own, long after: collapsing one
 * removes only what it brought, unlike undo which unwinds everything done since.
 */
export function ExpansionSteps() {
  const s = useGraphSession();
  const [open, setOpen] = useState(false);
  const steps = s.expansionSteps;
  if (steps.length === 0) return null;
  const showing = steps.filter((step) => step.nodes + step.edges > 0).length;

  return (
    <section className={`steps${open ? '' : ' steps--closed'}`} data-testid="expansion-steps" aria-label="Expansion steps">
      <button type="button" className="legend__toggle" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="steps-toggle">
        Steps ({showing}/{steps.length})
      </button>
      {open && (
        <ol className="steps__list">
          {steps.map((step) => {
            const empty = step.nodes + step.edges === 0;
            return (
              <li key={step.id} className={`steps__item${empty ? ' steps__item--collapsed' : ''}`} data-testid="expansion-step" data-step-id={step.id} data-nodes={step.nodes}>
                <span className="steps__label" title={step.label}>{step.label}</span>
                <span className="steps__count">{empty ? 'collapsed' : `${step.nodes} n · ${step.edges} e`}</span>
                <button
                  type="button"
                  className="button button--quiet steps__collapse"
                  disabled={empty}
                  onClick={() => s.collapseStep(step.id)}
                  data-testid="collapse-step"
                  title="Remove what this step brought (undo brings it back)"
                >
                  Collapse
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
