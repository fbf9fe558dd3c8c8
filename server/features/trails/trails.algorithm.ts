/**
 * Time-respecting trail by bounded earliest arrival (the same definition as the planted truth in
 * server/features/seed/seed.truth.ts): after hop h, arrival[a] is the earliest moment money from a start account
 * can be in account a using at most h payments; a payment is on the trail when it leaves an account strictly
 * after the money arrived there. Upstream is the mirror image (latest departure, strictly earlier payments).
 * Each hop is ONE query over all accounts whose arrival improved, so the cost is bounded by hops, not width.
 */
export interface TrailPayment {
  source: string;
  target: string;
  tx: string;
  amount: number;
  currency: string;
  at: number;
}

export type HopFetcher = (frontier: { uid: string; bound: number | null }[]) => Promise<TrailPayment[]>;

export interface TrailWalk {
  payments: Map<string, TrailPayment & { hop: number }>;
  /** accounts whose arrival improved at the last hop: their onward payments were not read */
  unexplored: { uid: string; bound: number | null }[];
  hops: number;
  truncated: boolean;
}

export async function walkTrail(
  starts: readonly string[],
  direction: 'downstream' | 'upstream',
  maxHops: number,
  perHopLimit: number,
  fetchHop: HopFetcher,
): Promise<TrailWalk> {
  const down = direction === 'downstream';
  // downstream: earliest arrival (smaller is better); upstream: latest departure (larger is better)
  const better = (a: number, b: number | undefined) => b === undefined || (down ? a < b : a > b);
  const reached = new Map<string, number>();
  let changed: { uid: string; bound: number | null }[] = starts.map((uid) => ({ uid, bound: null }));
  const payments = new Map<string, TrailPayment & { hop: number }>();
  let truncated = false;
  let hops = 0;
  for (let hop = 1; hop <= maxHops && changed.length > 0; hop++) {
    hops = hop;
    const rows = await fetchHop(changed);
    if (rows.length >= perHopLimit) truncated = true;
    const improved = new Map<string, number>();
    for (const row of rows) {
      if (!payments.has(row.tx)) payments.set(row.tx, { ...row, hop });
      const next = down ? row.target : row.source;
      if (starts.includes(next)) continue;
      const current = improved.get(next) ?? reached.get(next);
      if (better(row.at, current)) improved.set(next, row.at);
    }
    changed = [];
    for (const [uid, at] of improved) {
      if (better(at, reached.get(uid))) {
        reached.set(uid, at);
        changed.push({ uid, bound: at });
      }
    }
  }
  return { payments, unexplored: hops === maxHops ? changed : [], hops, truncated };
}

const cents = (amount: number) => Math.round(amount * 100);

export interface AggregatedFlow {
  source: string;
  target: string;
  currency: string;
  cents: number;
  count: number;
  first: number;
  last: number;
  hop: number;
}

/** Many payments between the same two accounts (per currency) become one weighted edge. */
export function aggregateFlows(payments: Iterable<TrailPayment & { hop: number }>): AggregatedFlow[] {
  const flows = new Map<string, AggregatedFlow>();
  for (const p of payments) {
    const key = `${p.source}\u0000${p.target}\u0000${p.currency}`;
    const f = flows.get(key);
    if (!f) flows.set(key, { source: p.source, target: p.target, currency: p.currency, cents: cents(p.amount), count: 1, first: p.at, last: p.at, hop: p.hop });
    else {
      f.cents += cents(p.amount);
      f.count += 1;
      f.first = Math.min(f.first, p.at);
      f.last = Math.max(f.last, p.at);
      f.hop = Math.min(f.hop, p.hop);
    }
  }
  return [...flows.values()].sort((a, b) => b.cents - a.cents);
}

/**
 * Sinks: accounts the money reaches and does not leave along the trail (downstream), or where it comes from
 * without having been paid in along the trail (upstream). Accounts cut off by the hop limit are not sinks.
 */
export function findSinks(
  flows: readonly AggregatedFlow[],
  direction: 'downstream' | 'upstream',
  cutOff: ReadonlySet<string>,
): { id: string; currency: string; cents: number }[] {
  const down = direction === 'downstream';
  const leaving = new Set(flows.map((f) => (down ? f.source : f.target)));
  const into = new Map<string, { id: string; currency: string; cents: number }>();
  for (const f of flows) {
    const end = down ? f.target : f.source;
    if (leaving.has(end) || cutOff.has(end)) continue;
    const key = `${end}\u0000${f.currency}`;
    const s = into.get(key) ?? { id: end, currency: f.currency, cents: 0 };
    s.cents += f.cents;
    into.set(key, s);
  }
  return [...into.values()].sort((a, b) => b.cents - a.cents);
}
