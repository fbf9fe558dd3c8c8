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
  const { summary, sizeMode, cyRef } = useGraphSession();
  const flows = summary.edges > 0 ? (cyRef.current?.edges('[type = "FLOW"]').length ?? 0) : 0;
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
      {open && summary.nodes > 0 && (sizeMode !== 'none' || flows > 0) && (
        <dl className="legend__encodings" data-testid="legend-encodings">
          {sizeMode !== 'none' && (
            <div data-testid="legend-size">
              <dt><span className="legend__size-dots" aria-hidden="true"><i /><i /></span> Node size</dt>
              <dd>{sizeMode === 'degree' ? 'relationships on the canvas (bigger = more connected)' : 'money: payment amount plus flows in and out (bigger = more)'}</dd>
            </div>
          )}
          {flows > 0 && (
            <div data-testid="legend-width">
              <dt><span className="legend__width-lines" aria-hidden="true"><i /><i /></span> Flow width</dt>
              <dd>total paid between the two accounts (thicker = more money); label: total · number of payments</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
