import { useState } from 'react';
import { LabelIcon } from '../../../components/label-icon';
import { LABEL_NAMES } from '../../../lib/labels/label-style';
import { ENTITY_LABELS } from '../../../types/api';
import { useGraphSession } from '../hooks/use-graph-session';

/**
 * The labels on the canvas with their colour, glyph and count. An empty canvas shows every label instead, as
 * a key to what the search can find; listing all thirteen under a real graph would only hide part of it.
 */
export function GraphLegend() {
  const { summary } = useGraphSession();
  const [open, setOpen] = useState(true);
  const labels = summary.nodes === 0 ? ENTITY_LABELS : ENTITY_LABELS.filter((label) => (summary.byLabel[label] ?? 0) > 0);

  return (
    <section className={`legend${open ? '' : ' legend--closed'}`} data-testid="legend" aria-label="Legend">
      <button type="button" className="legend__toggle" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        Legend
      </button>
      {open && (
        <ul className="legend__list">
          {labels.map((label) => {
            const count = summary.byLabel[label] ?? 0;
            return (
              <li
                key={label}
                className={`legend__item${count === 0 ? ' legend__item--absent' : ''}`}
                data-label={label}
                data-count={count}
              >
                <LabelIcon label={label} size={16} />
                <span className="legend__name">{LABEL_NAMES[label]}</span>
                <span className="legend__count">{count}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
