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
    /** bulletproof hosters: shared infrastructure like every provider, so background (see rings[].infrastructure) */
    bulletproofProviders: string[];
    /** every server address a provider announces (ANNOUNCED_BY), whoever's domains resolve to it */
    serverIps: string[];
    /** people holding background accounts who are not buyers (none today; kept so every kind has a place) */
    persons: { uid: string; name: string; accounts: string[] }[];
    /** e-mails, phones and IPs used by background people other than buyers (none today) */
    identifiers: IdentifierTruth;
    /** e-mails, phones and IPs used by the background buyers (their cards and wallets are in `accounts`) */
    buyerIdentifiers: IdentifierTruth;
    /** reports none of whose mentions belongs to a ring: the false lead on an ordinary shop */
    reports: string[];
  };
  /**
   * every Organisation node (the partners that shared records): listed once here, never under a ring or background.
   * Together with rings[] and background this lists every node the generator writes except Transactions; see
   * README § "The demo network and its ground truth" for which fields are membership and which are cross-references.
   */
  organisations: { uid: string; name: string; kind: string }[];
  /** every hosting period of every domain (ring, standby and background): HOSTED_BY {from, to} */
  hosting: { domain: string; provider: string; from: string; to: string | null }[];
  /** every NGO report, with the entities it MENTIONS */
  reports: { uid: string; reference: string; receivedAt: string; mentions: string[] }[];
  /**
   * every move of a reported domain to another provider after one of its reports (no time limit: the query's
   * `within` filters on movedAt - receivedAt): one entry per (domain, earlier provider, new hosting period)
   */
  movedAfterReport: {
    domain: string;
    fromProvider: string;
    toProvider: string;
    movedAt: string;
    /** earliest report received before the move */
    reportUid: string;
    /** every report received before the move */
    reports: string[];
    /** planted on purpose (seed.rings.ts planMoveAfterReport) rather than a coincidence of the plan */
    planted: boolean;
  }[];
  /** entities named in a report that no payment touches (nor their payment options, settlement accounts or users) */
  reportedWithoutPayments: string[];
  /**
   * per account paid by buyers some of whom paid a reported domain's payment option (all statuses): distinct
   * paying buyers, and how many of them are such "flagged" buyers
   */
  accountsPaidByFlaggedBuyers: { uid: string; buyers: number; flaggedBuyers: number }[];
  totals: { nodes: number; relationships: number; transactions: number };
}

export interface RingTruth {
  id: string;
  name: string;
  sellers: { uid: string; name: string; role: 'operator' | 'associate' }[];
  domains: { uid: string; name: string; status: 'live' | 'taken_down'; accepts: string[] }[];
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
  /** proceeds that leave the collection account and come back to it (see roundTripCycles; amounts in EUR) */
  roundTrips: { accounts: string[]; transfers: number; amounts: number[]; firstTransfer: string; lastTransfer: string }[];
  /** the next domain and its contact address, reported before any payment: also in reportedWithoutPayments */
  reportedWithoutPayments: string[];
  /** merchant accounts and the direct e-wallet: where each settles, its holder, payments through it (all statuses) */
  paymentOptions: { uid: string; settlesTo: string | null; holder: string | null; payments: number }[];
  /** every ring account money moved in or out of (payments and transfers, all statuses, the whole period) */
  accountFlows: { uid: string; senders: number; receivers: number; transfersOut: number; amountIn: number; amountOut: number }[];
  /** the standby domain (also in reportedWithoutPayments): registered, never sold through, so not in `domains` */
  nextDomain: { uid: string; name: string };
  /** Person nodes holding ring accounts: the nominee fronting the collection accounts, and the mules */
  persons: { uid: string; name: string; role: 'nominee' | 'mule'; accounts: string[] }[];
  /** e-mails, phones and IPs used by the ring's sellers and persons, plus the standby contact address */
  identifiers: IdentifierTruth;
  /**
   * every card and wallet held by a buyer in `buyers` (whether or not it paid the ring). A buyer is the ring's as
   * soon as they paid it, even if they also shop at ordinary merchants; a buyer who paid two rings is listed (with
   * accounts and identifiers) under both, the only entities the truth lists twice
   */
  buyerAccounts: string[];
  /** e-mails, phones and IPs used by the ring's buyers */
  buyerIdentifiers: IdentifierTruth;
  /** reports that mention the ring's domains, merchant accounts or direct wallet (each report names one ring) */
  reports: string[];
  /**
   * cross-reference, not membership: providers that ever hosted a ring domain (nextDomain included) and the server
   * addresses those domains resolved to. Providers and server IPs are shared infrastructure listed under background
   */
  infrastructure: { providers: string[]; serverIps: string[] };
}

/** the ring fields filled from the emitted rows once the whole network exists (seed.membership.ts) */
export type RingMembershipKeys = 'nextDomain' | 'persons' | 'identifiers' | 'buyerAccounts' | 'buyerIdentifiers' | 'reports' | 'infrastructure';
export type RingCoreTruth = Omit<RingTruth, RingMembershipKeys>;

export interface IdentifierTruth {
  emails: string[];
  phones: string[];
  ips: string[];
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

export interface CycleTx extends TrailTx {
  seq: number;
}

/**
 * Round trips exactly as the `round-tripping-cycles` query matches them, without its time window: chains of 2 to 4
 * transactions a -> b (-> c (-> d)) -> a, each strictly later than the previous, with the intermediate accounts
 * pairwise different (b <> c for 3; b, c, d for 4). Only transactions on some cycle of the account graph can take
 * part, which keeps the search tiny however many transfers there are.
 */
export function roundTripCycles(txs: readonly CycleTx[]): CycleTx[][] {
  const out = new Map<string, CycleTx[]>();
  for (const t of txs) out.set(t.from, [...(out.get(t.from) ?? []), t]);
  const reach = new Map<string, Set<string>>();
  const reachable = (start: string): Set<string> => {
    let seen = reach.get(start);
    if (seen) return seen;
    seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      for (const t of out.get(queue.pop()!) ?? []) {
        if (!seen.has(t.to)) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
    }
    reach.set(start, seen);
    return seen;
  };
  const onCycle = txs.filter((t) => reachable(t.to).has(t.from) || t.to === t.from);
  const next = new Map<string, CycleTx[]>();
  for (const t of onCycle) next.set(t.from, [...(next.get(t.from) ?? []), t]);
  const found: CycleTx[][] = [];
  const walk = (path: CycleTx[]) => {
    const last = path[path.length - 1]!;
    if (path.length >= 2 && last.to === path[0]!.from) {
      const inner = path.slice(1).map((t) => t.from); // b, c, d
      if (new Set(inner).size === inner.length) found.push(path);
    }
    if (path.length === 4) return;
    for (const t of next.get(last.to) ?? []) if (t.at > last.at) walk([...path, t]);
  };
  for (const t of onCycle) walk([t]);
  return found;
}

export function centsToAmount(cents: number): number {
  return Math.round(cents) / 100;
}
