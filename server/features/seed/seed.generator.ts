/**
 * Deterministic generator of the synthetic investigation graph. Pure: no clock, no I/O, no global randomness;
 * the same options give the same rows and truth byte for byte.
 *
 * It is a JS generator that yields batches in dependency order (a batch only refers to nodes already yielded),
 * buyers in blocks of `buyerBlock`, so the large scale streams without holding the graph in memory; the ground
 * truth is accumulated on the way and returned at the end.
 *   1 organisations, hosting providers and their server IPs
 *   2 rings: sellers, nominees, mules, accounts, merchant accounts, domains with hosting history
 *   3 background: ordinary shops (merchant + settlement account + domain) and sites without a shop
 *   4 buyers, block by block: people, cards and wallets, and their payments (ring income is booked per day)
 *   5 layering transfers per ring, then truth (trail, chokepoints) per ring
 *   6 hotline reports
 */
import { Rng } from '../../domain/rng.js';
import {
  BANK_KEYS,
  BUYER_COUNTRIES,
  BULLETPROOF_HOSTS,
  DOC_ASNS,
  IBAN_COUNTRIES,
  MAINSTREAM_HOSTS,
  ORGANISATIONS,
  REGISTRARS,
  RESERVED_TLDS,
  SHOP_CATEGORIES,
  SHOP_WORDS,
  ACQUIRER_KEYS,
  WALLET_PROVIDER_KEYS,
} from './seed.catalogue.js';
import {
  DAY,
  HOUR,
  MINUTE,
  PERIOD_END,
  PERIOD_START,
  SCALE_PARAMS,
  emitBankAccount,
  emitCard,
  emitContacts,
  emitDomain,
  emitMerchant,
  emitOrganisation,
  emitPersonLike,
  emitTransaction,
  emitWallet,
  org,
} from './seed.entities.js';
import type { AccountRef, Channel, HostingSegment, ProviderPlan, Scale, SeedContext } from './seed.entities.js';
import { Identities, orgByKey } from './seed.identities.js';
import { emitReports } from './seed.reports.js';
import { layerRing, liveDomainsAt, nextLiveMoment, planRing, recordRingPayment } from './seed.rings.js';
import type { RingPlan } from './seed.rings.js';
import { RowBuffer, iso, keywords } from './seed.rows.js';
import type { SeedBatch } from './seed.rows.js';
import type { RingTruth, SeedTruth } from './seed.truth.js';

export { SCALES } from './seed.entities.js';
export type { Scale } from './seed.entities.js';
export const DEFAULT_SEED = 20261129;
/** bump when the output for a given seed changes on purpose */
export const GENERATOR_VERSION = 'moneytrail-seed/1';

export interface GeneratorOptions {
  scale: Scale;
  seed: number;
  /** key for the card-number HMAC (MONEYTRAIL_PAN_KEY): card uids depend on it */
  panKey: string;
  /** id of the Import node, written into every row's importIds */
  importId: string;
}

interface Shop {
  merchant: string;
  settlement: string;
  acquirer: string;
  currency: string;
  median: number;
  domain: { uid: string; name: string };
}

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

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function* generateSeed(opts: GeneratorOptions): Generator<SeedBatch, SeedTruth, undefined> {
  const params = SCALE_PARAMS[opts.scale];
  const root = new Rng(opts.seed, GENERATOR_VERSION);
  const buf = new RowBuffer(opts.importId);
  const ctx: SeedContext = { ids: new Identities(root.fork('ids'), opts.panKey), buf, params, providers: [], domainNames: new Set(), merchantSeq: 0 };

  for (const o of ORGANISATIONS) emitOrganisation(ctx, o.key);
  infrastructure(ctx, root.fork('infrastructure'));
  yield* buf.flush();

  const rings = Array.from({ length: params.rings }, (_, i) => planRing(ctx, i, root.fork(`ring:${i}`)));
  yield* buf.flush();

  const { shops, domains: backgroundDomains } = emitBackgroundSites(ctx, root.fork('background'));
  const shopWeights = cumulative(shops.map((_, k) => 1 / (k + 1) ** 0.8));
  yield* buf.flush();

  // Buyers. Each ring's first buyer is the planted one; then the rest of the ring's buyers; then background.
  const buyerRng = root.fork('buyers');
  const background = { buyers: [] as string[], accounts: [] as string[] };
  let buyerNo = 0;
  let txNo = 0;
  const nextTxNo = () => ++txNo;
  const makeBuyer = (ring: RingPlan | null, planted: boolean) => {
    const rng = buyerRng;
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
      // A few buyers shop at two rings: the kind of overlap that links rings in an investigation.
      const other = rings.length > 1 && !planted && rng.chance(0.03) ? rng.pick(rings.filter((r) => r !== ring)) : null;
      if (other) {
        const extra = ringPayments(rng, other, false, method, rng.int(1, 2));
        if (extra.length > 0) {
          joined.push(other);
          payments.push(...extra);
        }
      }
    }
    const ordinary = ring ? (planted ? 0 : rng.chance(0.6) ? 1 + rng.poisson(1.2) : 0) : 1 + rng.poisson(2.7);
    for (let i = 0; i < ordinary; i++) {
      const shop = shops[pickCumulative(shopWeights, rng.next())]!;
      const at = PERIOD_START + MINUTE * rng.int(0, Math.floor((PERIOD_END - PERIOD_START) / MINUTE));
      const cents = Math.max(100, Math.round(rng.logNormal(shop.median, 0.6) * 100));
      const status = at > PERIOD_END - 2 * DAY ? 'pending' : rng.weighted(['settled', 'declined', 'refunded', 'charged_back'], [94, 4, 1.5, 0.5]);
      payments.push({ at, cents, currency: shop.currency, method: method(), to: shop.settlement, via: shop.merchant, acquirer: shop.acquirer, ring: null, status });
    }
    if (payments.length === 0) {
      // A ring buyer whose only visit fell after the ring went quiet: make them an ordinary shopper instead.
      const shop = shops[0]!;
      payments.push({ at: PERIOD_START + DAY * rng.int(1, 250), cents: 2_500, currency: shop.currency, method: method(), to: shop.settlement, via: shop.merchant, acquirer: shop.acquirer, ring: null, status: 'settled' });
    }
    payments.sort((a, b) => a.at - b.at);
    const first = payments[0]!.at;
    const last = payments[payments.length - 1]!.at;

    const bankKey = rng.pick(BANK_KEYS);
    const prov = { sources: [org(bankKey)], firstSeen: first, lastSeen: last };
    const uid = emitPersonLike(ctx, 'Buyer', `b${String(++buyerNo).padStart(7, '0')}`, person, { country: country.country }, prov);
    emitContacts(ctx, rng, uid, person, { phone: 0.1, ip: rng.chance(0.35) ? 'buyer' : null, ...prov });
    const card: AccountRef | null = hasCard ? emitCard(ctx, bankKey, country.country, country.currency, prov) : null;
    const wallet: AccountRef | null = hasWallet ? emitWallet(ctx, walletProvider, country.country, country.currency, prov) : null;
    for (const a of [card, wallet]) if (a) ctx.buf.rel('HOLDS', uid, a.uid, { sources: [a.keeper], firstSeen: first, lastSeen: last });

    const plantedTxs: { from: string; to: string; at: number; cents: number }[] = [];
    for (const p of payments) {
      const account = (p.method === 'wallet' ? wallet : card) ?? card ?? wallet!;
      const channel: Channel = account === wallet ? 'e_wallet' : 'card';
      const sources = [account.schemeOrg ?? account.keeper, ...(p.acquirer ? [p.acquirer] : [])];
      emitTransaction(ctx, { key: `p-${String(nextTxNo()).padStart(9, '0')}`, from: account.uid, to: p.to, via: p.via, at: p.at, cents: p.cents, currency: p.currency, status: p.status, channel, sources });
      if (p.ring) recordRingPayment(p.ring, { to: p.to, via: p.via, at: p.at, cents: p.cents, settled: p.status === 'settled' });
      if (planted) plantedTxs.push({ from: account.uid, to: p.to, at: p.at, cents: p.cents });
    }
    for (const r of joined) r.buyers.push(uid);
    if (planted && ring && card) ring.planted = { uid, cardUid: card.uid, firstPaymentAt: first, txs: plantedTxs };
    if (joined.length === 0) {
      background.buyers.push(uid);
      for (const a of [card, wallet]) if (a) background.accounts.push(a.uid);
    }
  };

  let inBlock = 0;
  const ringSizeRng = root.fork('ring-sizes');
  for (const ring of rings) {
    const count = Math.max(3, Math.round(params.ringBuyers * ringSizeRng.float(0.75, 1.25)));
    for (let j = 0; j < count; j++) {
      makeBuyer(ring, j === 0);
      if (++inBlock >= params.buyerBlock) {
        inBlock = 0;
        yield* buf.flush();
      }
    }
  }
  for (let j = 0; j < params.backgroundBuyers; j++) {
    makeBuyer(null, false);
    if (++inBlock >= params.buyerBlock) {
      inBlock = 0;
      yield* buf.flush();
    }
  }
  yield* buf.flush();

  const ringTruths: RingTruth[] = [];
  for (const ring of rings) {
    ringTruths.push(layerRing(ctx, ring, root.fork(`layering:${ring.index}`), nextTxNo));
    yield* buf.flush();
  }

  const reportRng = root.fork('reports');
  emitReports(ctx, reportRng, rings, reportRng.pick(shops).domain);
  yield* buf.flush();

  return {
    scale: opts.scale,
    seed: opts.seed,
    generatedAt: iso(Date.UTC(2025, 9, 1) + (opts.seed % 86_400) * 1000),
    rings: ringTruths,
    background: {
      buyers: background.buyers,
      merchants: shops.map((s) => s.merchant),
      domains: backgroundDomains,
      accounts: [...shops.map((s) => s.settlement), ...background.accounts],
      providers: ctx.providers.filter((p) => !p.bulletproof).map((p) => p.uid),
    },
    totals: { ...buf.totals },
  };
}

/** A ring buyer's subscription: a first visit, then renewals about monthly, following the ring across domains. */
function ringPayments(rng: Rng, ring: RingPlan, planted: boolean, method: () => 'card' | 'wallet', count?: number): PlannedPayment[] {
  const out: PlannedPayment[] = [];
  const earliest = ring.start + DAY;
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

function infrastructure(ctx: SeedContext, rng: Rng): void {
  const p = ctx.params;
  const defs = [
    ...Array.from({ length: p.mainstreamProviders }, (_, i) => ({ ...MAINSTREAM_HOSTS[i % MAINSTREAM_HOSTS.length]!, bulletproof: false })),
    ...Array.from({ length: p.bulletproofProviders }, (_, i) => ({ ...BULLETPROOF_HOSTS[i % BULLETPROOF_HOSTS.length]!, bulletproof: true })),
  ];
  if (defs.length > DOC_ASNS.length) throw new Error('more hosting providers than documentation AS numbers');
  const dns = [org('skylantern-dns')];
  const prov = { sources: dns, firstSeen: PERIOD_START, lastSeen: PERIOD_END };
  defs.forEach((def, i) => {
    const asn = DOC_ASNS[i]!;
    const uid = ctx.buf.node('HostingProvider', slug(def.name), def.name, keywords(def.name, `as${asn}`, String(asn)), { name: def.name, asn, country: def.country }, prov);
    const plan: ProviderPlan = { uid, name: def.name, bulletproof: def.bulletproof, ips: [] };
    // Big mainstream hosts get more addresses; bulletproof hosters run a handful.
    const count = def.bulletproof ? rng.int(3, 6) : Math.max(2, Math.round((p.serverIps * 2) / (p.mainstreamProviders * (1 + i * 0.25))));
    for (let k = 0; k < count; k++) {
      const address = ctx.ids.serverIp();
      const ip = ctx.buf.node('IPAddress', address, address, keywords(address), { address, version: address.includes(':') ? 6 : 4 }, prov);
      ctx.buf.rel('ANNOUNCED_BY', ip, uid, prov);
      plan.ips.push(ip);
    }
    ctx.providers.push(plan);
  });
}

function emitBackgroundSites(ctx: SeedContext, rng: Rng): { shops: Shop[]; domains: string[] } {
  const mainstream = ctx.providers.filter((p) => !p.bulletproof);
  const bulletproof = ctx.providers.filter((p) => p.bulletproof);
  const hostWeights = cumulative(mainstream.map((_, i) => 1 / (i + 1)));
  const hosting = (registeredAt: number, onBulletproof: boolean): HostingSegment[] => {
    const first = onBulletproof ? rng.pick(bulletproof) : mainstream[pickCumulative(hostWeights, rng.next())]!;
    const from = Math.max(registeredAt, PERIOD_START - 365 * DAY);
    if (onBulletproof || !rng.chance(0.15)) return [{ provider: first, from, to: null }];
    const moved = PERIOD_START + DAY * rng.int(10, 260);
    return [{ provider: first, from, to: moved }, { provider: rng.pick(mainstream.filter((m) => m !== first)), from: moved, to: null }];
  };
  const uniqueName = (stem: string) => {
    for (let n = 1; ; n++) {
      const name = `${n === 1 ? stem : `${stem}${n}`}.${rng.pick(RESERVED_TLDS)}`;
      if (!ctx.domainNames.has(name)) {
        ctx.domainNames.add(name);
        return name;
      }
    }
  };
  const registrationDate = () => Date.UTC(rng.int(2012, 2024), rng.int(0, 11), rng.int(1, 28), rng.int(0, 23), rng.int(0, 59));

  const shops: Shop[] = [];
  const domains: string[] = [];
  for (let k = 0; k < ctx.params.backgroundMerchants; k++) {
    const category = rng.pick(SHOP_CATEGORIES);
    const name = `${cap(rng.pick(SHOP_WORDS))}${rng.pick(['', 'field', 'wood', 'side', 'gate', 'way', 'brook'])} ${category.label}`;
    const country = rng.pick(IBAN_COUNTRIES);
    const currency = country === 'GB' ? 'GBP' : 'EUR';
    const bankKey = rng.pick(BANK_KEYS.filter((b) => orgByKey(b).country === country));
    const acquirerKey = rng.pick(ACQUIRER_KEYS);
    const registeredAt = registrationDate();
    const opened = { firstSeen: PERIOD_START, lastSeen: PERIOD_END };
    const settlement = emitBankAccount(ctx, bankKey, opened, currency);
    const merchant = emitMerchant(ctx, { name, mcc: category.mcc, acquirerKey, country, firstSeen: PERIOD_START });
    ctx.buf.rel('SETTLES_TO', merchant, settlement.uid, { sources: [org(acquirerKey)], ...opened });
    const domainName = uniqueName(slug(name));
    const domain = emitDomain(ctx, rng, { name: domainName, registeredAt, takenDownAt: null, registrar: rng.pick(REGISTRARS), hosting: hosting(registeredAt, false), sources: [org('nimbusridge-names')] });
    ctx.buf.rel('ACCEPTS', domain, merchant, { sources: [org(acquirerKey)], ...opened });
    domains.push(domain);
    shops.push({ merchant, settlement: settlement.uid, acquirer: org(acquirerKey), currency, median: category.median, domain: { uid: domain, name: domainName } });
  }
  for (let k = 0; k < ctx.params.extraDomains; k++) {
    const stem = `${rng.pick(SHOP_WORDS)}-${rng.pick(['journal', 'notes', 'studio', 'photos', 'recipes', 'forum', 'travels', 'garden'])}`;
    const registeredAt = registrationDate();
    const domain = emitDomain(ctx, rng, { name: uniqueName(stem), registeredAt, takenDownAt: null, registrar: rng.pick(REGISTRARS), hosting: hosting(registeredAt, rng.chance(0.05)), sources: [org('nimbusridge-names')] });
    domains.push(domain);
  }
  return { shops, domains };
}

function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

/** index drawn in proportion to the weights behind `cum`, by binary search */
function pickCumulative(cum: Float64Array, u: number): number {
  const target = u * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
