/**
 * Buyers and their payments. Most are ordinary shoppers; ring buyers subscribe to a ring (a first payment, then
 * about monthly renewals, following the ring to its next domain after a take-down) and often shop normally too.
 * Each ring's first buyer is the planted one: card only, paying on the ring's first day, before any layering.
 */
import type { Rng } from '../../domain/rng.js';
import type { Shop } from './seed.background.js';
import { BANK_KEYS, BUYER_COUNTRIES, WALLET_PROVIDER_KEYS } from './seed.catalogue.js';
import {
  DAY,
  MINUTE,
  PERIOD_END,
  PERIOD_START,
  cumulative,
  emitCard,
  emitContacts,
  emitPersonLike,
  emitTransaction,
  emitWallet,
  org,
  pickCumulative,
} from './seed.entities.js';
import type { AccountRef, Channel, SeedContext } from './seed.entities.js';
import { liveDomainsAt, nextLiveMoment, recordRingPayment } from './seed.rings.js';
import type { RingPlan } from './seed.rings.js';

interface PlannedPayment {
  at: number;
  cents: number;
  currency: string;
  method: 'card' | 'wallet';
  to: string;
  via: string | null;
  acquirer: string | null;
  ring: RingPlan | null;
  status: string;
}

export class BuyerFactory {
  /** buyers who never paid a ring, and their accounts: the background of the truth file */
  readonly background = { buyers: [] as string[], accounts: [] as string[] };
  /**
   * Distinct paying buyers (by number) per account paid (TO) and per payment target (VIA merchant or TO account),
   * all statuses: what `accounts-paid-by-flagged-buyers` counts, turned into truth once the reports are known.
   */
  readonly payers = { byAccount: new Map<string, Set<number>>(), byTarget: new Map<string, Set<number>>() };
  private buyerNo = 0;
  private readonly shopWeights: Float64Array;

  constructor(
    private readonly ctx: SeedContext,
    private readonly rng: Rng,
    private readonly rings: readonly RingPlan[],
    private readonly shops: readonly Shop[],
    private readonly nextTxNo: () => number,
  ) {
    // Popularity falls off with rank: a few big shops, a long tail of small ones.
    this.shopWeights = cumulative(shops.map((_, k) => 1 / (k + 1) ** 0.8));
  }

  /** Emits one buyer (person, contacts, card and/or wallet) and all their payments; books ring income. */
  emit(ring: RingPlan | null, planted: boolean): void {
    const { ctx, rng } = this;
    const country = rng.weighted(BUYER_COUNTRIES, BUYER_COUNTRIES.map((c) => c.weight));
    const person = ctx.ids.person(country.country);
    const hasCard = planted || rng.chance(0.9);
    const hasWallet = !planted && (!hasCard || rng.chance(0.22));
    const walletProvider = rng.pick(WALLET_PROVIDER_KEYS);
    const method = (): 'card' | 'wallet' => (hasWallet && (!hasCard || rng.chance(0.35)) ? 'wallet' : 'card');

    const payments: PlannedPayment[] = [];
    const joined: RingPlan[] = [];
    if (ring) {
      payments.push(...ringPayments(rng, ring, planted, planted ? () => 'card' : method));
      if (payments.length > 0) joined.push(ring);
      // A few buyers pay two rings: the kind of overlap that links rings in an investigation.
      const other = this.rings.length > 1 && !planted && rng.chance(0.03) ? rng.pick(this.rings.filter((r) => r !== ring)) : null;
      if (other) {
        const extra = ringPayments(rng, other, false, method, rng.int(1, 2));
        if (extra.length > 0) {
          joined.push(other);
          payments.push(...extra);
        }
      }
    }
    const ordinary = ring ? (planted ? 0 : rng.chance(0.6) ? 1 + rng.poisson(1.2) : 0) : 1 + rng.poisson(2.7);
    for (let i = 0; i < ordinary; i++) payments.push(this.shopPayment(method));
    if (payments.length === 0) {
      // A ring buyer whose visit fell after the ring went quiet: an ordinary shopper after all.
      const shop = this.shops[0]!;
      payments.push({ at: PERIOD_START + DAY * rng.int(1, 250), cents: 2_500, currency: shop.currency, method: method(), to: shop.settlement, via: shop.merchant, acquirer: shop.acquirer, ring: null, status: 'settled' });
    }
    payments.sort((a, b) => a.at - b.at);
    const first = payments[0]!.at;
    const last = payments[payments.length - 1]!.at;

    const bankKey = rng.pick(BANK_KEYS);
    const prov = { sources: [org(bankKey)], firstSeen: first, lastSeen: last };
    const uid = emitPersonLike(ctx, 'Buyer', `b${String(++this.buyerNo).padStart(7, '0')}`, person, { country: country.country }, prov);
    emitContacts(ctx, rng, uid, person, { phone: 0.1, ip: rng.chance(0.35) ? 'buyer' : null, ...prov });
    const card: AccountRef | null = hasCard ? emitCard(ctx, bankKey, country.country, country.currency, prov) : null;
    const wallet: AccountRef | null = hasWallet ? emitWallet(ctx, walletProvider, country.country, country.currency, prov) : null;
    for (const a of [card, wallet]) if (a) ctx.buf.rel('HOLDS', uid, a.uid, { sources: [a.keeper], firstSeen: first, lastSeen: last });

    const plantedTxs: { from: string; to: string; at: number; cents: number }[] = [];
    for (const p of payments) {
      const account = (p.method === 'wallet' ? wallet : card) ?? card ?? wallet!;
      const channel: Channel = account === wallet ? 'e_wallet' : 'card';
      const sources = [account.schemeOrg ?? account.keeper, ...(p.acquirer ? [p.acquirer] : [])];
      emitTransaction(ctx, { key: `p-${String(this.nextTxNo()).padStart(9, '0')}`, from: account.uid, to: p.to, via: p.via, at: p.at, cents: p.cents, currency: p.currency, status: p.status, channel, sources });
      if (p.ring) recordRingPayment(p.ring, { from: account.uid, to: p.to, via: p.via, at: p.at, cents: p.cents, settled: p.status === 'settled' });
      if (planted) plantedTxs.push({ from: account.uid, to: p.to, at: p.at, cents: p.cents });
      addTo(this.payers.byAccount, p.to, this.buyerNo);
      addTo(this.payers.byTarget, p.to, this.buyerNo);
      if (p.via) addTo(this.payers.byTarget, p.via, this.buyerNo);
    }
    for (const r of joined) r.buyers.push(uid);
    if (planted && ring && card) ring.planted = { uid, cardUid: card.uid, firstPaymentAt: first, txs: plantedTxs };
    if (joined.length === 0) {
      this.background.buyers.push(uid);
      for (const a of [card, wallet]) if (a) this.background.accounts.push(a.uid);
    }
  }

  private shopPayment(method: () => 'card' | 'wallet'): PlannedPayment {
    const rng = this.rng;
    const shop = this.shops[pickCumulative(this.shopWeights, rng.next())]!;
    const at = PERIOD_START + MINUTE * rng.int(0, Math.floor((PERIOD_END - PERIOD_START) / MINUTE));
    const cents = Math.max(100, Math.round(rng.logNormal(shop.median, 0.6) * 100));
    const status = at > PERIOD_END - 2 * DAY ? 'pending' : rng.weighted(['settled', 'declined', 'refunded', 'charged_back'], [94, 4, 1.5, 0.5]);
    return { at, cents, currency: shop.currency, method: method(), to: shop.settlement, via: shop.merchant, acquirer: shop.acquirer, ring: null, status };
  }
}

function addTo(map: Map<string, Set<number>>, key: string, value: number): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** A ring buyer's subscription: a first visit, then renewals about monthly, following the ring across domains. */
function ringPayments(rng: Rng, ring: RingPlan, planted: boolean, method: () => 'card' | 'wallet', count?: number): PlannedPayment[] {
  const out: PlannedPayment[] = [];
  const earliest = ring.start + DAY; // only the planted buyer pays on the ring's first day
  let at = planted ? ring.start + MINUTE * rng.int(0, 240) : earliest + MINUTE * rng.int(0, Math.max(0, Math.floor((PERIOD_END - 3 * DAY - earliest) / MINUTE)));
  let n = count ?? (planted ? 3 : 1);
  if (count === undefined && !planted) while (n < 6 && rng.chance(0.55)) n++;
  for (let k = 0; k < n; k++) {
    let t = nextLiveMoment(ring, at);
    if (t === null) break;
    if (t > at) t += MINUTE * rng.int(30, 72 * 60); // returning customers find the new domain after a while
    let live = liveDomainsAt(ring, t);
    if (live.length === 0) {
      t = nextLiveMoment(ring, t);
      if (t === null) break;
      live = liveDomainsAt(ring, t);
    }
    const domain = rng.pick(live);
    const how = method();
    const direct = how === 'wallet' && domain.acceptsWallet && ring.directWallet !== null && rng.chance(0.6);
    const merchantUid = direct ? null : rng.pick(domain.merchants);
    const merchant = merchantUid === null ? null : ring.merchants.find((m) => m.uid === merchantUid)!;
    const status = planted ? 'settled' : t > PERIOD_END - 2 * DAY ? 'pending' : rng.weighted(['settled', 'declined', 'charged_back', 'refunded'], [88, 8, 2.5, 1.5]);
    out.push({
      at: t,
      cents: rng.pick(ring.prices),
      currency: 'EUR',
      method: how,
      to: merchant ? merchant.settlesTo : ring.directWallet!,
      via: merchant ? merchant.uid : null,
      acquirer: merchant ? merchant.acquirer : null,
      ring,
      status,
    });
    at = t + DAY * rng.int(27, 33) + MINUTE * rng.int(0, 600);
    if (at > PERIOD_END) break;
  }
  return out;
}
