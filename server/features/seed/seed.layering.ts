/**
 * Layering: how a ring's income moves from its collecting accounts through mules to the cash-out accounts, and the
 * ring's ground truth computed from exactly those transfers (proceeds, the planted buyer's trail, chokepoints).
 */
import type { Rng } from '../../domain/rng.js';
import type { SeedContext } from './seed.entities.js';
import { DAY, HOUR, MINUTE, PERIOD_DAYS, PERIOD_END, PERIOD_START, emitTransaction } from './seed.entities.js';
import { BUYERS_NODE } from './seed.rings.js';
import type { RingPlan } from './seed.rings.js';
import { iso } from './seed.rows.js';
import { centsToAmount, cutNodes, timeRespectingTrail } from './seed.truth.js';
import type { RingTruth, TrailTx } from './seed.truth.js';

interface Transfer extends TrailTx {
  seq: number;
}

/**
 * Layering, in time order by construction: a receiving account sweeps, every few days, only what had settled on
 * earlier days; a mule forwards a received amount (minus its cut) hours to days after it arrived. Money that would
 * move after the end of the period stays where it is. Emits the transfers and returns the ring's truth.
 */
export function layerRing(ctx: SeedContext, ring: RingPlan, rng: Rng, nextTxNo: () => number): RingTruth {
  const transfers: Transfer[] = [];
  const send = (from: string, to: string, at: number, cents: number) => {
    transfers.push({ from, to, at, cents, seq: transfers.length });
    ring.edges.add(`${from}\u0000${to}`);
  };
  const forward = (account: string, cents: number, arrivedAt: number) => {
    const flow = ring.flows.get(account);
    if (!flow) return; // a cash-out account: the money has arrived
    const onward = cents - Math.round(cents * flow.cut);
    const parts = onward > 40_000 && rng.chance(0.5) ? splitCents(rng, onward) : [onward];
    for (const part of parts) {
      const at = arrivedAt + MINUTE * rng.int(flow.delay[0], flow.delay[1]);
      if (at > PERIOD_END) continue;
      const to = rng.pick(flow.next);
      send(account, to, at, part);
      forward(to, part, at);
    }
  };
  for (const receiver of ring.receivers) {
    const perDay = ring.inflow.get(receiver)!;
    let settledBefore = 0; // cents settled on days before `day`
    let swept = 0;
    let nextSweep = 1 + rng.int(0, 2);
    for (let day = 1; day <= PERIOD_DAYS; day++) {
      settledBefore += perDay[day - 1]!;
      if (day < nextSweep) continue;
      nextSweep = day + rng.int(2, 4);
      const available = settledBefore - swept;
      const at = PERIOD_START + day * DAY + HOUR * rng.int(8, 17) + MINUTE * rng.int(0, 59);
      if (available < 15_000 || at > PERIOD_END) continue;
      swept += available;
      const to = rng.pick(ring.sweepTo.get(receiver)!);
      send(receiver, to, at, available);
      forward(to, available, at);
    }
  }
  transfers.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const t of transfers) {
    const wallet = ring.walletAccounts.has(t.from);
    emitTransaction(ctx, {
      key: `t-${String(nextTxNo()).padStart(9, '0')}`,
      from: t.from,
      to: t.to,
      via: null,
      at: t.at,
      cents: t.cents,
      currency: 'EUR',
      status: 'settled',
      channel: wallet ? 'e_wallet_transfer' : 'bank_transfer',
      sources: [ring.accountKeeper.get(t.from)!, ring.accountKeeper.get(t.to)!],
    });
  }
  return ringTruth(ring, transfers);
}

function splitCents(rng: Rng, cents: number): number[] {
  const first = Math.round(cents * rng.float(0.3, 0.7));
  return [first, cents - first];
}

function ringTruth(ring: RingPlan, transfers: Transfer[]): RingTruth {
  const planted = ring.planted;
  if (!planted) throw new Error(`${ring.id} has no planted buyer`);
  const firstTransfer = transfers.reduce((min, t) => Math.min(min, t.at), Number.POSITIVE_INFINITY);
  if (!(planted.firstPaymentAt < firstTransfer)) throw new Error(`${ring.id}: planted buyer does not pay before layering starts`);

  const cashOutSet = new Set(ring.cashOuts);
  const inflow = new Map<string, number>(ring.cashOuts.map((c) => [c, 0]));
  for (const t of transfers) if (cashOutSet.has(t.to)) inflow.set(t.to, inflow.get(t.to)! + t.cents);
  const proceeds = [...inflow.values()].reduce((a, b) => a + b, 0);

  // Only ring transfers leave ring accounts, so the planted card's payments plus the ring's transfers are
  // every transaction the trail can follow.
  const reached = timeRespectingTrail([...planted.txs, ...transfers], planted.cardUid, 6);
  const sinks = ring.cashOuts.filter((c) => (reached.get(c) ?? 0) > 0).map((uid) => ({ uid, total: centsToAmount(reached.get(uid)!) }));

  // Chokepoints, structurally (every payment and transfer ever made, whatever its time or status): all the
  // ring's buyers are one source node; a payment acquired by merchant m to account a is the path buyers → m → a,
  // a direct payment buyers → a, a transfer x → y. An account or merchant is a chokepoint when removing it leaves
  // no path to any cash-out account. A provider is one when it currently hosts every live ring domain.
  const edges = [...ring.edges].map((e) => e.split('\u0000') as [string, string]);
  const accounts = [...ring.receivers, ...ring.muleAccounts, ...ring.cashOuts];
  const cutAccounts = cutNodes(edges, BUYERS_NODE, cashOutSet, accounts);
  const cutMerchants = cutNodes(edges, BUYERS_NODE, cashOutSet, ring.merchants.map((m) => m.uid));
  const live = ring.domains.filter((d) => d.takenDownAt === null);
  const currentHosts = live.map((d) => new Set(d.hosting.filter((h) => h.to === null).map((h) => h.provider.uid)));
  const providers = live.length === 0 ? [] : [...currentHosts[0]!].filter((p) => currentHosts.every((s) => s.has(p)));

  return {
    id: ring.id,
    name: ring.name,
    sellers: ring.sellers,
    domains: ring.domains.map((d) => ({ uid: d.uid, name: d.name, status: d.takenDownAt === null ? 'live' : 'taken_down' })),
    merchantAccounts: ring.merchants.map((m) => m.uid),
    paymentAccounts: accounts,
    muleAccounts: ring.muleAccounts,
    cashOutAccounts: ring.cashOuts.map((uid) => ({ uid, totalIn: centsToAmount(inflow.get(uid)!) })),
    proceedsTotal: centsToAmount(proceeds),
    buyers: ring.buyers,
    plantedBuyer: {
      uid: planted.uid,
      cardUid: planted.cardUid,
      firstPaymentAt: iso(planted.firstPaymentAt),
      trail: { sinks, total: centsToAmount(sinks.reduce((a, s) => a + Math.round(s.total * 100), 0)) },
    },
    chokepoints: { accounts: cutAccounts, merchants: cutMerchants, providers },
  };
}
