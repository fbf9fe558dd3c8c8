import { useState } from 'react';
import { useGraphSession } from '../../graph';
import { errorMessage } from '../../../lib/api-client';
import { notify } from '../../../lib/notifications';
import type { MoneyTrailResponse } from '../../../types/api';
import { fetchConnections, fetchMoneyTrail, fetchPaths } from '../api/trails';
import './trails.css';

const MONEY_TYPES = ['HOLDS', 'CONTROLS', 'SENT', 'TO', 'VIA', 'SETTLES_TO', 'ACCEPTS'];
const eur = (n: number, c = 'EUR') => `${c} ${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Follow the money from one selected entity; shortest path between two; "how are these connected" for more. */
export function TrailsPanel() {
  const s = useGraphSession();
  const [direction, setDirection] = useState<'downstream' | 'upstream'>('downstream');
  const [hops, setHops] = useState(6);
  const [minAmount, setMinAmount] = useState('');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [maxLength, setMaxLength] = useState(6);
  const [moneyOnly, setMoneyOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [trail, setTrail] = useState<MoneyTrailResponse | null>(null);
  const [pathNote, setPathNote] = useState<string | null>(null);
  const nodeIds = s.selectedIds.filter((id) => s.cyRef.current?.getElementById(id).isNode());
  const one = nodeIds.length === 1 ? nodeIds[0]! : null;

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const follow = () =>
    run(async () => {
      const body = await fetchMoneyTrail({
        from: one!,
        direction,
        maxHops: hops,
        minAmount: minAmount ? Number(minAmount) : undefined,
        dateFrom: dateFrom || undefined,
        dateTo: dateTo || undefined,
      });
      setTrail(body);
      s.addTrail(body);
      notify('success', `${body.flows.length} flows, ${body.sinks.length} sinks`);
    });

  const connect = () =>
    run(async () => {
      const types = moneyOnly ? MONEY_TYPES : undefined;
      const body = nodeIds.length === 2 ? await fetchPaths(nodeIds[0]!, nodeIds[1]!, maxLength, types) : await fetchConnections(nodeIds, maxLength, types);
      s.addPaths(body);
      setPathNote(
        body.paths.length === 0
          ? `No path within ${maxLength} steps`
          : `${body.paths.length} shortest path${body.paths.length > 1 ? 's' : ''} of ${Math.min(...body.paths.map((p) => p.length))} steps${body.unconnected.length ? `; ${body.unconnected.length} pair(s) not connected` : ''}`,
      );
    });

  if (nodeIds.length === 0 && !trail) return null;
  return (
    <section className="trails-panel" data-testid="trails-panel" aria-label="Paths and money trails">
      {one && (
        <form className="trails-panel__form" onSubmit={(e) => { e.preventDefault(); void follow(); }}>
          <strong>Follow the money</strong>
          <select className="select" value={direction} onChange={(e) => setDirection(e.target.value as 'downstream' | 'upstream')} data-testid="trail-direction">
            <option value="downstream">downstream (where it went)</option>
            <option value="upstream">upstream (where it came from)</option>
          </select>
          <label>hops <input type="number" min={1} max={10} value={hops} onChange={(e) => setHops(Number(e.target.value))} className="input input--narrow" /></label>
          <label>min € <input type="number" min={0} value={minAmount} onChange={(e) => setMinAmount(e.target.value)} className="input input--narrow" /></label>
          <label>from <input type="date" value={dateFrom} onChange={(e) => setDateFrom(e.target.value)} className="input" /></label>
          <label>to <input type="date" value={dateTo} onChange={(e) => setDateTo(e.target.value)} className="input" /></label>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="follow-money">Follow the money</button>
        </form>
      )}
      {nodeIds.length >= 2 && (
        <form className="trails-panel__form" onSubmit={(e) => { e.preventDefault(); void connect(); }}>
          <strong>{nodeIds.length === 2 ? 'Shortest path' : `How are these ${nodeIds.length} connected?`}</strong>
          <label>max length <input type="number" min={1} max={8} value={maxLength} onChange={(e) => setMaxLength(Number(e.target.value))} className="input input--narrow" /></label>
          <label><input type="checkbox" checked={moneyOnly} onChange={(e) => setMoneyOnly(e.target.checked)} /> money &amp; control links only</label>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="find-path">Find</button>
          {pathNote && <span data-testid="path-result">{pathNote}</span>}
        </form>
      )}
      {trail && (
        <div className="trails-panel__result" data-testid="trail-result">
          <span>
            {trail.direction === 'downstream' ? 'Proceeds reaching sinks' : 'Money from origins'}:{' '}
            <strong data-testid="trail-total">{trail.totals.map((t) => eur(t.total, t.currency)).join(' + ') || '—'}</strong> · {trail.flows.length} flows, {trail.payments} payments
            {trail.truncated && ' · incomplete (too many payments per hop)'}
            {trail.frontier.length > 0 && ` · ${trail.frontier.length} accounts continue beyond ${trail.hops} hops`}
          </span>
          <ul>
            {trail.sinks.map((sink) => (
              <li key={sink.id} data-testid="trail-sink" data-node-id={sink.id}>
                <button type="button" className="link" onClick={() => s.select(sink.id)}>{s.getNode(sink.id)?.caption ?? sink.id}</button> {eur(sink.total, sink.currency)}
              </li>
            ))}
          </ul>
          <button type="button" className="button button--quiet" onClick={() => setTrail(null)}>Close</button>
        </div>
      )}
    </section>
  );
}
