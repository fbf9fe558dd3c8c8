import { useEffect, useMemo, useRef, useState } from 'react';
import { useGraphSession } from '../../graph';

const BINS = 40;
const W = 560;
const H = 44;

type Item = { id: string; t: number; amount: number };

/**
 * Histogram of the payments on the canvas (Transaction nodes and aggregated flows, by date). Dragging a window
 * (brush) shows only what falls in it; Play steps that window through time.
 */
export function Timeline() {
  const s = useGraphSession();
  const [win, setWin] = useState<[number, number] | null>(null);
  const [drag, setDrag] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);

  const items = useMemo<Item[]>(() => {
    const cy = s.cyRef.current;
    if (!cy) return [];
    const out: Item[] = [];
    cy.nodes('[label = "Transaction"]').forEach((n) => {
      const t = n.data('time') as number | undefined;
      if (t !== undefined) out.push({ id: n.id(), t, amount: Number(n.data('amount') ?? 0) });
    });
    cy.edges('[type = "FLOW"]').forEach((e) => {
      out.push({ id: e.id(), t: Date.parse(String(e.data('first'))), amount: Number(e.data('total') ?? 0) });
    });
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s.version, s.cyRef]);

  const [t0, t1] = items.length ? [Math.min(...items.map((i) => i.t)), Math.max(...items.map((i) => i.t)) + 1] : [0, 1];
  const bins = new Array<number>(BINS).fill(0);
  for (const i of items) bins[Math.min(BINS - 1, Math.floor(((i.t - t0) / (t1 - t0)) * BINS))]! += i.amount;
  const peak = Math.max(1, ...bins);
  const xOf = (t: number) => ((t - t0) / (t1 - t0)) * W;
  const tOf = (x: number) => t0 + (Math.max(0, Math.min(W, x)) / W) * (t1 - t0);

  useEffect(() => {
    const cy = s.cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.is-out-of-window').removeClass('is-out-of-window');
      if (!win) return;
      const outside = cy.collection();
      cy.nodes('[label = "Transaction"]').forEach((n) => {
        const t = n.data('time') as number | undefined;
        if (t !== undefined && (t < win[0] || t > win[1])) outside.merge(n).merge(n.connectedEdges());
      });
      cy.edges('[type = "FLOW"]').forEach((e) => {
        const first = Date.parse(String(e.data('first')));
        const last = Date.parse(String(e.data('last')));
        if (last < win[0] || first > win[1]) outside.merge(e);
      });
      outside.addClass('is-out-of-window');
    });
  }, [win, s.cyRef, s.version]);

  useEffect(() => {
    if (!playing || !win) return;
    const width = win[1] - win[0];
    const timer = setInterval(() => {
      setWin((w) => {
        if (!w || w[1] >= t1) {
          setPlaying(false);
          return w;
        }
        return [w[0] + width / 4, w[1] + width / 4];
      });
    }, 600);
    return () => clearInterval(timer);
  }, [playing, win, t1]);

  if (items.length === 0) return null;
  const xAt = (e: React.MouseEvent) => e.clientX - (svgRef.current?.getBoundingClientRect().left ?? 0);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return (
    <div className="timeline" data-testid="timeline">
      <svg
        ref={svgRef}
        width={W}
        height={H}
        data-testid="timeline-chart"
        onMouseDown={(e) => setDrag(xAt(e))}
        onMouseMove={(e) => drag !== null && setWin([tOf(Math.min(drag, xAt(e))), tOf(Math.max(drag, xAt(e)))])}
        onMouseUp={(e) => {
          if (drag !== null && Math.abs(xAt(e) - drag) < 3) setWin(null);
          setDrag(null);
        }}
      >
        {bins.map((b, i) => (
          <rect key={i} x={(i * W) / BINS + 1} width={W / BINS - 2} y={H - (b / peak) * (H - 4)} height={(b / peak) * (H - 4)} fill="#c08a3e" />
        ))}
        {win && <rect x={xOf(win[0])} width={Math.max(2, xOf(win[1]) - xOf(win[0]))} y={0} height={H} fill="rgb(37 99 235 / 20%)" stroke="#2563eb" data-testid="timeline-brush" />}
      </svg>
      <span data-testid="timeline-window">{win ? `${day(win[0])} → ${day(win[1])}` : `${day(t0)} → ${day(t1)} (drag to pick a window)`}</span>
      <button type="button" className="button button--small" disabled={!win} onClick={() => setPlaying((p) => !p)} data-testid="timeline-play">{playing ? 'Pause' : 'Play'}</button>
      {win && <button type="button" className="button button--small" onClick={() => setWin(null)}>Clear</button>}
    </div>
  );
}
