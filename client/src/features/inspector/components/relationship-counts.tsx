import { REL_TYPES, type NeighbourCount, type RelType } from '../../../types/api';

export type CountsState =
  | { status: 'pending' }
  | { status: 'error'; message: string }
  | { status: 'success'; counts: readonly NeighbourCount[] };

type RelationshipCountsProps = {
  state: CountsState;
  busy: boolean;
  onCanvas: (type: RelType, direction: 'in' | 'out') => number;
  onExpand: (type: RelType, direction: 'in' | 'out') => void;
};

function byModelOrder(a: NeighbourCount, b: NeighbourCount): number {
  return REL_TYPES.indexOf(a.type) - REL_TYPES.indexOf(b.type) || (a.direction === 'out' ? -1 : 1);
}

export function RelationshipCounts({ state, busy, onCanvas, onExpand }: RelationshipCountsProps) {
  if (state.status === 'pending') return <p className="inspector__empty-note">Counting relationships…</p>;
  if (state.status === 'error') {
    return (
      <p className="inspector__empty-note inspector__empty-note--error" role="alert">
        {state.message}
      </p>
    );
  }
  if (state.counts.length === 0) return <p className="inspector__empty-note">No relationships.</p>;

  return (
    <ul className="rel-counts" data-testid="neighbour-counts">
      {[...state.counts].sort(byModelOrder).map(({ type, direction, count }) => {
        const shown = Math.min(onCanvas(type, direction), count);
        const complete = shown >= count;
        const description = direction === 'out' ? `outgoing ${type}` : `incoming ${type}`;
        return (
          <li className={`rel-counts__row${complete ? ' rel-counts__row--complete' : ''}`} key={`${type}-${direction}`}>
            <span className="rel-counts__type" title={description}>
              {direction === 'in' && <span className="rel-counts__dir">←</span>}
              {type}
              {direction === 'out' && <span className="rel-counts__dir">→</span>}
            </span>
            <span className="rel-counts__count" title={`${shown} of ${count} on the canvas`}>
              {shown > 0 && <span className="rel-counts__shown">{shown}/</span>}
              {count.toLocaleString('en-GB')}
            </span>
            <button
              type="button"
              className="button button--small"
              data-testid="expand-type"
              data-type={type}
              data-direction={direction}
              disabled={busy}
              onClick={() => onExpand(type, direction)}
              title={`Expand ${description} relationships`}
            >
              Expand
            </button>
          </li>
        );
      })}
    </ul>
  );
}
