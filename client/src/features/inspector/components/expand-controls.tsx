import { useState } from 'react';
import { useGraphSession, useNodeSummary } from '../../graph';
import type { ExpandMeasure } from '../../../types/api';

/**
 * Top N by a measure, then "next N" (keyset: never re-sends what came before) with the count not shown yet;
 * collapse takes back what expanding this node brought in. Below: money in/out and linked reports.
 */
export function ExpandControls({ nodeId }: { nodeId: string }) {
  const s = useGraphSession();
  const [measure, setMeasure] = useState<ExpandMeasure>('amount');
  const [limit, setLimit] = useState(25);
  const remaining = s.remainingFor(nodeId, {}, measure);
  const summary = useNodeSummary(nodeId);
  const money = summary.data?.money ?? [];
  return (
    <section className="inspector__section" aria-label="Controlled expansion">
      <div className="inspector__section-head" style={{ flexWrap: 'wrap', gap: 4 }}>
        <label>
          Top{' '}
          <input className="input input--narrow" type="number" min={1} max={500} value={limit} onChange={(e) => setLimit(Number(e.target.value))} data-testid="expand-limit" />
        </label>
        <select className="select" value={measure} onChange={(e) => setMeasure(e.target.value as ExpandMeasure)} data-testid="expand-measure" aria-label="rank by">
          <option value="amount">by amount</option>
          <option value="recency">most recent</option>
          <option value="degree">by degree</option>
          <option value="none">any</option>
        </select>
        <button type="button" className="button button--small" data-testid="expand-top" onClick={() => void s.expand(nodeId, {}, { measure, limit })}>
          Expand top {limit}
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="expand-next"
          disabled={remaining === null || remaining === 0}
          onClick={() => void s.expand(nodeId, {}, { measure, limit, next: true })}
        >
          Next {limit}
        </button>
        <button type="button" className="button button--small button--quiet" data-testid="collapse" onClick={() => s.collapse(nodeId)}>
          Collapse
        </button>
      </div>
      {remaining !== null && (
        <p className="inspector__empty-note" data-testid="not-shown" data-remaining={remaining}>
          {remaining.toLocaleString('en-GB')} more not shown
        </p>
      )}
      {money.length > 0 && (
        <table className="props" data-testid="money-totals">
          <tbody>
            {money.map((m) => (
              <tr key={`${m.direction}-${m.currency}`}>
                <th>{m.direction === 'in' ? 'Money in' : m.direction === 'out' ? 'Money out' : 'Acquired'}</th>
                <td>
                  {m.currency} {m.total.toLocaleString('en-GB', { minimumFractionDigits: 2 })} · {m.count} payments · {m.first?.slice(0, 10)} → {m.last?.slice(0, 10)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.data && summary.data.reportCount > 0 && (
        <div data-testid="linked-reports">
          <strong>Reports ({summary.data.reportCount})</strong>
          <ul>
            {summary.data.reports.map((r) => (
              <li key={r.id}>
                <button type="button" className="link" onClick={() => void s.showNode(r.id)}>{r.caption}</button> {r.receivedAt?.slice(0, 10)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** An aggregated money flow: its totals, and the button that opens it into the individual payments. */
export function FlowInspector({ flowId }: { flowId: string }) {
  const s = useGraphSession();
  const flow = s.getFlow(flowId);
  if (!flow) return <p className="inspector__empty-note">This flow is no longer loaded.</p>;
  return (
    <div className="inspector__body" data-kind="flow" data-testid="flow-inspector">
      <h2 className="inspector__title" data-testid="inspector-title">Money flow</h2>
      <table className="props">
        <tbody>
          <tr><th>From</th><td>{s.getNode(flow.source)?.caption ?? flow.source}</td></tr>
          <tr><th>To</th><td>{s.getNode(flow.target)?.caption ?? flow.target}</td></tr>
          <tr><th>Total</th><td data-testid="flow-total">{flow.currency} {flow.total.toLocaleString('en-GB', { minimumFractionDigits: 2 })}</td></tr>
          <tr><th>Payments</th><td>{flow.count}</td></tr>
          <tr><th>First</th><td>{flow.first}</td></tr>
          <tr><th>Last</th><td>{flow.last}</td></tr>
        </tbody>
      </table>
      <button type="button" className="button button--primary" data-testid="open-flow" onClick={() => void s.openFlow(flowId)}>
        Show the {flow.count} payments
      </button>
    </div>
  );
}
