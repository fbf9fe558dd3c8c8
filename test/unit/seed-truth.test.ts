import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../server/features/seed/seed.generator.js';
import type { RelRow, TxRow } from '../../server/features/seed/seed.rows.js';
import type { RingTruth, SeedTruth } from '../../server/features/seed/seed.truth.js';
import { generateSmallRows } from '../support/seed-rows.js';

/**
 * The planted truth is recomputed here independently, straight from the generated rows, with deliberately
 * different algorithms (path search with pruning instead of bounded earliest arrival; transaction-level
 * reachability instead of the generator's collapsed flow graph).
 */
function collect(seed: number) {
  const rows = generateSmallRows(seed, 'truth-test');
  return { ...rows, truth: rows.truth as SeedTruth };
}

const cents = (amount: unknown) => Math.round((amount as number) * 100);
const at = (t: TxRow) => Date.parse(String(t.props.timestamp));

/** Sum into each account of the transactions on some time-respecting path (<= maxHops) from `source`. */
function trailByPathSearch(txs: TxRow[], source: string, maxHops: number): Map<string, number> {
  const out = new Map<string, TxRow[]>();
  for (const t of txs) out.set(t.from, [...(out.get(t.from) ?? []), t]);
  const onPath = new Set<TxRow>();
  // Reaching an account earlier with fewer hops dominates: anything reachable later is reachable from there.
  const best = new Map<string, { time: number; hops: number }[]>();
  const visit = (account: string, arrived: number, hops: number) => {
    const seen = best.get(account) ?? [];
    if (seen.some((s) => s.time <= arrived && s.hops <= hops)) return;
    best.set(account, [...seen, { time: arrived, hops }]);
    if (hops === maxHops) return;
    for (const t of out.get(account) ?? []) {
      if (at(t) <= arrived) continue;
      onPath.add(t);
      visit(t.to, at(t), hops + 1);
    }
  };
  visit(source, Number.NEGATIVE_INFINITY, 0);
  const totals = new Map<string, number>();
  for (const t of onPath) totals.set(t.to, (totals.get(t.to) ?? 0) + cents(t.props.amount));
  return totals;
}

/** Can money from the ring's buyers reach a cash-out account once `removed` (account or merchant) is gone? */
function buyersReachCashOut(ring: RingTruth, txs: TxRow[], rels: RelRow[], removed: string | null): boolean {
  const buyers = new Set(ring.buyers);
  const start = rels.filter((r) => r.type === 'HOLDS' && buyers.has(r.from)).map((r) => r.to);
  const sinks = new Set(ring.cashOutAccounts.map((c) => c.uid));
  const usable = removed === null ? txs : txs.filter((t) => t.from !== removed && t.to !== removed && t.via !== removed);
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    const account = queue.pop()!;
    if (sinks.has(account)) return true;
    for (const t of usable) {
      if (t.from === account && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return false;
}

describe.each([DEFAULT_SEED, 7, 424242])('seed truth (seed %i)', (seed) => {
  const { nodes, rels, txs, truth } = collect(seed);
  const byUid = new Map(nodes.map((n) => [n.uid, n]));

  it('lists ring and background entities that exist, with no overlap between them', () => {
    const ringBuyers = new Set(truth.rings.flatMap((r) => r.buyers));
    const ringAccounts = new Set(truth.rings.flatMap((r) => r.paymentAccounts));
    for (const uid of [...ringBuyers, ...ringAccounts, ...truth.background.accounts, ...truth.background.domains, ...truth.background.merchants]) {
      expect(byUid.has(uid), uid).toBe(true);
    }
    expect(truth.background.buyers.filter((b) => ringBuyers.has(b))).toEqual([]);
    expect(truth.background.accounts.filter((a) => ringAccounts.has(a))).toEqual([]);
    const ringDomains = new Set(truth.rings.flatMap((r) => r.domains.map((d) => d.uid)));
    expect(truth.background.domains.filter((d) => ringDomains.has(d))).toEqual([]);
    expect(truth.generatedAt).toMatch(/^2025-10-01T/);
    expect(truth.seed).toBe(seed);
  });

  it('mule accounts are held by Persons and controlled by a ring seller; cash-out accounts are held by sellers', () => {
    for (const ring of truth.rings) {
      const sellers = new Set(ring.sellers.map((s) => s.uid));
      for (const m of ring.muleAccounts) {
        expect(ring.paymentAccounts).toContain(m);
        const holder = rels.find((r) => r.type === 'HOLDS' && r.to === m)!;
        expect(byUid.get(holder.from)!.label).toBe('Person');
        expect(rels.some((r) => r.type === 'CONTROLS' && r.to === m && sellers.has(r.from))).toBe(true);
      }
      for (const c of ring.cashOutAccounts) {
        expect(ring.paymentAccounts).toContain(c.uid);
        expect(rels.some((r) => r.type === 'HOLDS' && r.to === c.uid && sellers.has(r.from))).toBe(true);
      }
    }
  });

  it('proceeds are exactly the money paid into the cash-out accounts', () => {
    for (const ring of truth.rings) {
      let sum = 0;
      for (const c of ring.cashOutAccounts) {
        const inflow = txs.filter((t) => t.to === c.uid).reduce((s, t) => s + cents(t.props.amount), 0);
        expect(cents(c.totalIn), c.uid).toBe(inflow);
        sum += inflow;
      }
      expect(cents(ring.proceedsTotal)).toBe(sum);
      expect(sum).toBeGreaterThan(0);
      // Cash-out accounts are where the money stops.
      for (const c of ring.cashOutAccounts) expect(txs.some((t) => t.from === c.uid)).toBe(false);
    }
  });

  it('layering respects time: no ring account ever sends money it has not received (settled) before', () => {
    for (const ring of truth.rings) {
      for (const account of ring.paymentAccounts) {
        const events = txs
          .filter((t) => t.to === account || t.from === account)
          .sort((a, b) => at(a) - at(b) || (a.from === account ? 1 : -1));
        let balance = 0;
        for (const t of events) {
          if (t.to === account && t.props.status === 'settled') balance += cents(t.props.amount);
          if (t.from === account) {
            const received = events.filter((e) => e.to === account && e.props.status === 'settled' && at(e) < at(t)).reduce((s, e) => s + cents(e.props.amount), 0);
            const sent = events.filter((e) => e.from === account && at(e) <= at(t)).reduce((s, e) => s + cents(e.props.amount), 0);
            expect(sent, `${account} at ${t.props.timestamp}`).toBeLessThanOrEqual(received);
            balance -= cents(t.props.amount);
          }
          expect(balance).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('the planted buyer pays by card before every layering transfer of the ring', () => {
    for (const ring of truth.rings) {
      const p = ring.plantedBuyer;
      expect(ring.buyers).toContain(p.uid);
      expect(rels.some((r) => r.type === 'HOLDS' && r.from === p.uid && r.to === p.cardUid)).toBe(true);
      expect(byUid.get(p.cardUid)!.props.kind).toBe('card');
      const cardTxs = txs.filter((t) => t.from === p.cardUid);
      const first = Math.min(...cardTxs.map(at));
      expect(new Date(first).toISOString()).toBe(p.firstPaymentAt);
      const ringAccounts = new Set(ring.paymentAccounts);
      const layering = txs.filter((t) => ringAccounts.has(t.from));
      expect(layering.length).toBeGreaterThan(0);
      expect(Math.min(...layering.map(at))).toBeGreaterThan(first);
    }
  });

  it('the planted trail totals match an independent time-respecting path search', () => {
    for (const ring of truth.rings) {
      const reached = trailByPathSearch(txs, ring.plantedBuyer.cardUid, 6);
      const expected = ring.cashOutAccounts.map((c) => c.uid).filter((uid) => (reached.get(uid) ?? 0) > 0).map((uid) => ({ uid, total: reached.get(uid)! / 100 }));
      expect(ring.plantedBuyer.trail.sinks).toEqual(expected);
      expect(ring.plantedBuyer.trail.sinks.length).toBeGreaterThan(0);
      expect(cents(ring.plantedBuyer.trail.total)).toBe(expected.reduce((s, x) => s + cents(x.total), 0));
      // With too few hops the trail cannot get past the first mule.
      const short = trailByPathSearch(txs, ring.plantedBuyer.cardUid, 1);
      expect(ring.cashOutAccounts.some((c) => short.has(c.uid))).toBe(false);
    }
  });

  it('every chokepoint cuts all buyer-to-cash-out paths, and no other ring account or merchant does', () => {
    for (const ring of truth.rings) {
      expect(buyersReachCashOut(ring, txs, rels, null)).toBe(true);
      const chokepoints = new Set([...ring.chokepoints.accounts, ...ring.chokepoints.merchants]);
      for (const c of chokepoints) expect(buyersReachCashOut(ring, txs, rels, c), `${ring.id}: removing ${c}`).toBe(false);
      for (const candidate of [...ring.paymentAccounts, ...ring.merchantAccounts].filter((c) => !chokepoints.has(c))) {
        expect(buyersReachCashOut(ring, txs, rels, candidate), `${ring.id}: removing ${candidate}`).toBe(true);
      }
      expect(ring.chokepoints.accounts.length, `${ring.id} has an account chokepoint`).toBeGreaterThan(0);
    }
    expect(truth.rings.some((r) => r.chokepoints.merchants.length > 0)).toBe(true);
  });

  it('a provider chokepoint is exactly a provider currently hosting every live ring domain', () => {
    for (const ring of truth.rings) {
      const live = ring.domains.filter((d) => d.status === 'live').map((d) => d.uid);
      expect(live.length).toBeGreaterThan(0);
      const current = live.map((d) => new Set(rels.filter((r) => r.type === 'HOSTED_BY' && r.from === d && r.props.to == null).map((r) => r.to)));
      const expected = [...current[0]!].filter((p) => current.every((s) => s.has(p)));
      expect(ring.chokepoints.providers).toEqual(expected);
      for (const p of ring.chokepoints.providers) expect(byUid.get(p)!.label).toBe('HostingProvider');
    }
    expect(truth.rings.some((r) => r.chokepoints.providers.length > 0)).toBe(true);
  });
});
