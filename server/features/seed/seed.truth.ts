/**
 * Planted ground truth: what an investigator should be able to find in the seeded graph, computed by the generator
 * from its own plan and transactions (never read back from Neo4j), so features can be checked against it.
 */

export interface SeedTruth {
  scale: string;
  seed: number;
  /** fixed, derived from the seed, so the file is reproducible */
  generatedAt: string;
  rings: RingTruth[];
  background: {
    /** buyers who never paid a ring */
    buyers: string[];
    merchants: string[];
    domains: string[];
    /** background buyers' accounts and background merchants' settlement accounts */
    accounts: string[];
    /** ordinary hosting providers (some also host ring domains); bulletproof hosters are not listed */
    providers: string[];
  };
  totals: { nodes: number; relationships: number; transactions: number };
}

export interface RingTruth {
  id: string;
  name: string;
  sellers: { uid: string; name: string; role: 'operator' | 'associate' }[];
  domains: { uid: string; name: string; status: 'live' | 'taken_down' }[];
  /** uids of the ring's Merchant nodes */
  merchantAccounts: string[];
  /** ring-controlled accounts: settlement/collection, mule and cash-out */
  paymentAccounts: string[];
  muleAccounts: string[];
  cashOutAccounts: { uid: string; totalIn: number }[];
  /** sum of all money reaching the cash-out accounts, 2 decimals */
  proceedsTotal: number;
  buyers: string[];
  /** a ring buyer whose first card payment precedes every layering transfer of the ring */
  plantedBuyer: {
    uid: string;
    cardUid: string;
    firstPaymentAt: string;
    /** per cash-out account reached (total > 0): see timeRespectingTrail for the exact definition */
    trail: { sinks: { uid: string; total: number }[]; total: number };
  };
  /**
   * accounts / merchants whose removal alone leaves no money path from any ring buyer to any cash-out account
   * (structural: over all payments and transfers); providers currently hosting every live ring domain
   */
  chokepoints: { accounts: string[]; merchants: string[]; providers: string[] };
}

export interface TrailTx {
  from: string;
  to: string;
  /** epoch milliseconds */
  at: number;
  cents: number;
}

/**
 * Time-respecting downstream trail from `source`, exactly as recorded in the truth file:
 * a transaction is ON the trail when there is a chain source -tx1-> a1 -tx2-> a2 ... -txk-> ak ending with it,
 * k <= maxHops (a hop is one Transaction node), every tx leaving the account the previous one paid into, and each
 * timestamp strictly later than the previous one (the first hop may be at any time). There is no minimum amount
 * and no date window. A sink's total is the sum of the amounts of the trail transactions paid into it.
 *
 * Computed as bounded earliest-arrival: after round h, arrival[a] is the earliest time money from the source
 * can be in account a using at most h hops; a tx is usable in round h iff arrival(round h-1)[from] < tx.at.
 */
export function timeRespectingTrail(txs: readonly TrailTx[], source: string, maxHops = 6): Map<string, number> {
  let arrival = new Map<string, number>([[source, Number.NEGATIVE_INFINITY]]);
  const onTrail = new Set<number>();
  for (let hop = 1; hop <= maxHops; hop++) {
    const next = new Map(arrival);
    txs.forEach((tx, i) => {
      const reached = arrival.get(tx.from);
      if (reached === undefined || !(reached < tx.at)) return;
      onTrail.add(i);
      const known = next.get(tx.to);
      if (known === undefined || tx.at < known) next.set(tx.to, tx.at);
    });
    arrival = next;
  }
  const centsInto = new Map<string, number>();
  for (const i of onTrail) {
    const tx = txs[i]!;
    centsInto.set(tx.to, (centsInto.get(tx.to) ?? 0) + tx.cents);
  }
  return centsInto;
}

/**
 * Nodes whose removal alone disconnects `source` from every sink, over a directed graph given as edges.
 * Checked the plain way (remove each candidate, search again): rings are small enough, and an obviously correct
 * computation is what ground truth needs.
 */
export function cutNodes(edges: Iterable<readonly [string, string]>, source: string, sinks: ReadonlySet<string>, candidates: readonly string[]): string[] {
  const out = new Map<string, string[]>();
  for (const [a, b] of edges) {
    const list = out.get(a);
    if (list) list.push(b);
    else out.set(a, [b]);
  }
  const reachesSink = (removed: string | null): boolean => {
    const seen = new Set<string>([source]);
    const queue = [source];
    while (queue.length > 0) {
      const node = queue.pop()!;
      if (sinks.has(node)) return true;
      for (const nextNode of out.get(node) ?? []) {
        if (nextNode === removed || seen.has(nextNode)) continue;
        seen.add(nextNode);
        queue.push(nextNode);
      }
    }
    return false;
  };
  if (!reachesSink(null)) return [];
  return candidates.filter((c) => c !== source && !reachesSink(c));
}

export function centsToAmount(cents: number): number {
  return Math.round(cents) / 100;
}
