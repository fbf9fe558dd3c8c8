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
import { centsToAmount, cutNodes, roundTripCycles, timeRespectingTrail } from './seed.truth.js';
import type { RingCoreTruth, TrailTx } from './seed.truth.js';

interface Transfer extends TrailTx {
  seq: number;
}

/**
 * Layering, in time order by construction: a receiving account sweeps, every few days, only what had settled on
 * earlier days; a mule forwards a received amount (minus its cut) hours to days after it arrived. Money that would
 * move after the end of the period stays where it is. Emits the transfers and returns the ring's truth.
 */
export function layerRing(ctx: SeedContext, ring: RingPlan, rng: Rng, nextTxNo: () => number): RingCoreTruth {
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
  // Round trip: one sweep of the first collection account goes round the ring's round-trip accounts (each keeping
  // a small fee, each a few hours to two days later) and back, where a later sweep layers it as usual.
  const origin = ring.receivers[0]!;
  let roundTrip: Transfer[] | null = null;
  const goRound = (at: number, cents: number): { at: number; cents: number } => {
    roundTrip = [];
    let account = origin;
    for (const next of [...ring.roundTripVia, origin]) {
      if (account !== origin) {
        at += MINUTE * rng.int(6 * 60, 48 * 60);
        cents -= Math.round(cents * rng.float(0.005, 0.02));
      }
      send(account, next, at, cents);
      roundTrip.push(transfers[transfers.length - 1]!);
      account = next;
    }
    return { at, cents };
  };
  for (const receiver of ring.receivers) {
    const perDay = ring.inflow.get(receiver)!;
    let settledBefore = 0; // cents settled on days before `day`
    let returned = 0; // cents back from the round trip before this sweep
    let comingBack: { at: number; cents: number } | null = null;
    let swept = 0;
    let nextSweep = 1 + rng.int(0, 2);
    for (let day = 1; day <= PERIOD_DAYS; day++) {
      settledBefore += perDay[day - 1]!;
      if (day < nextSweep) continue;
      nextSweep = day + rng.int(2, 4);
      const at = PERIOD_START + day * DAY + HOUR * rng.int(8, 17) + MINUTE * rng.int(0, 59);
      if (comingBack && comingBack.at < at) {
        returned += comingBack.cents;
        comingBack = null;
      }
      const available = settledBefore + returned - swept;
      if (available < 15_000 || at > PERIOD_END) continue;
      swept += available;
      if (receiver === origin && roundTrip === null && day >= ring.roundTripDay) {
        comingBack = goRound(at, available);
        continue;
      }
      const to = rng.pick(ring.sweepTo.get(receiver)!);
      send(receiver, to, at, available);
      forward(to, available, at);
    }
  }
  if (roundTrip === null) throw new Error(`${ring.id}: no sweep to send round the round-trip accounts`);
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
  return ringTruth(ctx, ring, transfers, roundTrip);
}

function splitCents(rng: Rng, cents: number): number[] {
  const first = Math.round(cents * rng.float(0.3, 0.7));
  return [first, cents - first];
}

function ringTruth(ctx: SeedContext, ring: RingPlan, transfers: Transfer[], planted: Transfer[]): RingCoreTruth {
  const plantedBuyer = ring.planted;
  if (!plantedBuyer) throw new Error(`${ring.id} has no planted buyer`);
  const firstTransfer = transfers.reduce((min, t) => Math.min(min, t.at), Number.POSITIVE_INFINITY);
  if (!(plantedBuyer.firstPaymentAt < firstTransfer)) throw new Error(`${ring.id}: planted buyer does not pay before layering starts`);

  // Round trips are read back from all the ring's transfers, and must be exactly the planted one: layering alone
  // never sends money back upstream.
  const cycles = roundTripCycles(transfers);
  if (cycles.length !== 1 || cycles[0]!.some((t, i) => t !== planted[i])) {
    throw new Error(`${ring.id}: expected exactly the planted round trip, found ${cycles.length} cycles`);
  }
  const cashOutSet = new Set(ring.cashOuts);
  const inflow = new Map<string, number>(ring.cashOuts.map((c) => [c, 0]));
  for (const t of transfers) if (cashOutSet.has(t.to)) inflow.set(t.to, inflow.get(t.to)! + t.cents);
  const proceeds = [...inflow.values()].reduce((a, b) => a + b, 0);

  // Only ring transfers leave ring accounts, so the planted card's payments plus the ring's transfers are
  // every transaction the trail can follow.
  const reached = timeRespectingTrail([...plantedBuyer.txs, ...transfers], plantedBuyer.cardUid, 6);
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
    domains: ring.domains.map((d) => ({ uid: d.uid, name: d.name, status: d.takenDownAt === null ? 'live' : 'taken_down', accepts: ctx.accepts.get(d.uid) ?? [] })),
    merchantAccounts: ring.merchants.map((m) => m.uid),
    paymentAccounts: accounts,
    muleAccounts: ring.muleAccounts,
    cashOutAccounts: ring.cashOuts.map((uid) => ({ uid, totalIn: centsToAmount(inflow.get(uid)!) })),
    proceedsTotal: centsToAmount(proceeds),
    buyers: ring.buyers,
    plantedBuyer: {
      uid: plantedBuyer.uid,
      cardUid: plantedBuyer.cardUid,
      firstPaymentAt: iso(plantedBuyer.firstPaymentAt),
      trail: { sinks, total: centsToAmount(sinks.reduce((a, s) => a + Math.round(s.total * 100), 0)) },
    },
    chokepoints: { accounts: cutAccounts, merchants: cutMerchants, providers },
    roundTrips: cycles.map((c) => ({
      accounts: c.map((t) => t.from),
      transfers: c.length,
      amounts: c.map((t) => centsToAmount(t.cents)),
      firstTransfer: iso(c[0]!.at),
      lastTransfer: iso(c[c.length - 1]!.at),
    })),
    reportedWithoutPayments: [ring.standby.domain, ring.standby.email],
    paymentOptions: [
      ...ring.merchants.map((m) => ({ uid: m.uid, settlesTo: m.settlesTo, holder: ring.nominee, payments: ring.paidVia.get(m.uid) ?? 0 })),
      ...(ring.directWallet ? [{ uid: ring.directWallet, settlesTo: null, holder: null, payments: ring.paidIn.get(ring.directWallet)?.count ?? 0 }] : []),
    ],
    accountFlows: accountFlows(ring, accounts, transfers),
  };
}

/** What `fan-in-fan-out-accounts` sees of each ring account over the whole period. */
function accountFlows(ring: RingPlan, accounts: string[], transfers: Transfer[]): RingCoreTruth['accountFlows'] {
  return accounts
    .map((uid) => {
      const paid = ring.paidIn.get(uid);
      const inbound = transfers.filter((t) => t.to === uid);
      const outbound = transfers.filter((t) => t.from === uid);
      return {
        uid,
        senders: new Set([...(paid?.senders ?? []), ...inbound.map((t) => t.from)]).size,
        receivers: new Set(outbound.map((t) => t.to)).size,
        transfersOut: outbound.length,
        amountIn: centsToAmount((paid?.cents ?? 0) + inbound.reduce((a, t) => a + t.cents, 0)),
        amountOut: centsToAmount(outbound.reduce((a, t) => a + t.cents, 0)),
      };
    })
    .filter((f) => f.senders > 0 || f.receivers > 0);
}
