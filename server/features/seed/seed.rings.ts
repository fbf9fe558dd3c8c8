/**
 * Seller rings: who runs them, which domains and merchant accounts they use, and how the proceeds are layered
 * through mule accounts to cash-out accounts. Three structures rotate so each ring hides its money differently:
 *   single-acquirer  one merchant account settling to one collection account, domains on a bulletproof hoster
 *   split-acquirers  two merchants at two acquirers, both sweeping into one hub mule; mirrors on mainstream hosts
 *   direct-wallet    one merchant plus a direct e-wallet option, both sweeping into a hub; bulletproof hoster
 * Ring income is recorded per day while buyers are generated; layering (seed.layering.ts) runs once all buyers
 * are known. Every ring also round-trips one sweep through 1-3 accounts of its own (2-4 transfers, within days),
 * registers a next domain shortly before the end of the period that an NGO reports with its contact e-mail
 * before any payment touches it, and, where another provider of the same kind exists, moves its current main
 * domain to it days after a report names it.
 */
import type { Rng } from '../../domain/rng.js';
import { ACQUIRER_KEYS, CRYPTO_EXCHANGE_KEY, NGO_KEYS, POLICE_KEY, REGISTRARS, RESERVED_TLDS, RING_DOMAIN_WORDS, RING_MCCS, SHELL_COMPANY_SUFFIXES, SHELL_COMPANY_WORDS } from './seed.catalogue.js';
import type { HostingSegment, ProviderPlan, SeedContext } from './seed.entities.js';
import {
  DAY,
  HOUR,
  MINUTE,
  PERIOD_DAYS,
  PERIOD_END,
  PERIOD_START,
  emitBankAccount,
  emitContacts,
  emitAccepts,
  emitDomain,
  emitMerchant,
  emitPersonLike,
  emitWallet,
  emitCryptoWallet,
  org,
  registrarFor,
} from './seed.entities.js';
import type { AccountRef } from './seed.entities.js';
import { keywords } from './seed.rows.js';
import type { TrailTx } from './seed.truth.js';

export type RingTemplate = 'single-acquirer' | 'split-acquirers' | 'direct-wallet';
const TEMPLATES: readonly RingTemplate[] = ['single-acquirer', 'split-acquirers', 'direct-wallet'];

const RING_BANKS = ['fjordline-bank', 'aurelwyn-bank', 'kestrelmoor-savings', 'calderholt-bank'] as const;
const RING_COUNTRIES = ['NL', 'DE', 'GB', 'IE', 'PL', 'ES', 'FR'] as const;
const HANDLE_WORDS = [
  ['grey', 'north', 'night', 'cold', 'iron', 'blue', 'swift', 'still'],
  ['fox', 'owl', 'pine', 'river', 'stone', 'wolf', 'crow', 'hawk'],
] as const;
/** sentinel standing for "all of the ring's buyers" in the structural graph */
export const BUYERS_NODE = '<ring buyers>';

export interface RingDomain {
  uid: string;
  name: string;
  liveFrom: number;
  /** end of sales on this domain: take-down, or the end of the period */
  liveTo: number;
  takenDownAt: number | null;
  merchants: string[];
  acceptsWallet: boolean;
  hosting: HostingSegment[];
  /** set when an NGO report names the domain at this moment and the ring then moves it to another provider */
  plantedReportAt: number | null;
}

interface Flow {
  next: string[];
  /** share a mule keeps */
  cut: number;
  /** minutes between money arriving and being sent on */
  delay: readonly [number, number];
}

export interface RingPlan {
  index: number;
  id: string;
  name: string;
  template: RingTemplate;
  /** the first sale: the planted buyer's first payment is on this day */
  start: number;
  sellers: { uid: string; name: string; role: 'operator' | 'associate' }[];
  merchants: { uid: string; name: string; acquirer: string; settlesTo: string }[];
  directWallet: string | null;
  receivers: string[];
  muleAccounts: string[];
  cashOuts: string[];
  accountKeeper: Map<string, string>;
  walletAccounts: Set<string>;
  sweepTo: Map<string, string[]>;
  flows: Map<string, Flow>;
  domains: RingDomain[];
  prices: number[];
  /** settled buyer money per receiving account per day (cents), filled while buyers are generated */
  inflow: Map<string, Float64Array>;
  /** distinct money-flow edges, for the chokepoint computation */
  edges: Set<string>;
  buyers: string[];
  planted: { uid: string; cardUid: string; firstPaymentAt: number; txs: TrailTx[] } | null;
  /** nominee holding the settlement / direct-wallet accounts */
  nominee: string;
  /** accounts (besides the first collection account) a swept amount cycles through before coming back */
  roundTripVia: string[];
  /** the day from which the round trip starts, at the first sweep with enough money */
  roundTripDay: number;
  /** the next domain, registered and advertised but not selling yet: reported before any payment touches it */
  standby: { domain: string; name: string; email: string; address: string; reportAt: number; ngo: (typeof NGO_KEYS)[number] };
  /** buyer payments (all statuses) per receiving account: distinct paying accounts, sum, count */
  paidIn: Map<string, { senders: Set<string>; cents: number; count: number }>;
  /** buyer payments (all statuses) acquired through each merchant account */
  paidVia: Map<string, number>;
}

function uniqueDomain(ctx: SeedContext, rng: Rng, candidates: string[]): string {
  for (const stem of candidates) {
    const name = `${stem}.${rng.pick(RESERVED_TLDS)}`;
    if (!ctx.domainNames.has(name)) {
      ctx.domainNames.add(name);
      return name;
    }
  }
  for (let n = 2; ; n++) {
    const name = `${candidates[0]}-${n}.${rng.pick(RESERVED_TLDS)}`;
    if (!ctx.domainNames.has(name)) {
      ctx.domainNames.add(name);
      return name;
    }
  }
}

/** Plans one ring and emits its people, accounts, merchants and domains. */
export function planRing(ctx: SeedContext, index: number, rng: Rng): RingPlan {
  const template = TEMPLATES[index % TEMPLATES.length]!;
  const start = PERIOD_START + DAY * rng.int(1, 50) + HOUR * rng.int(9, 13);
  const opened = { firstSeen: start - DAY * rng.int(10, 60), lastSeen: PERIOD_END };
  const police = [org(POLICE_KEY)];
  const ngoKey = rng.pick(NGO_KEYS);
  const ngo = org(ngoKey);
  const ringNo = index + 1;
  const accountKeeper = new Map<string, string>();
  const walletAccounts = new Set<string>();
  const keep = (a: AccountRef, wallet = false) => {
    accountKeeper.set(a.uid, a.keeper);
    if (wallet) walletAccounts.add(a.uid);
    return a.uid;
  };
  const bank = () => rng.pick(RING_BANKS);

  // People: the operator and associates, a nominee who fronts the merchant accounts, and mules.
  const sellers: RingPlan['sellers'] = [];
  const nSellers = rng.int(1, 3);
  for (let s = 0; s < nSellers; s++) {
    const country = rng.pick(RING_COUNTRIES);
    const p = ctx.ids.person(country);
    const alias = `${rng.pick(HANDLE_WORDS[0])}${rng.pick(HANDLE_WORDS[1])}${rng.int(10, 99)}`;
    const prov = { sources: police, firstSeen: opened.firstSeen, lastSeen: PERIOD_END };
    const uid = emitPersonLike(ctx, 'Seller', `s${ringNo}-${s + 1}`, p, { alias, country }, prov);
    emitContacts(ctx, rng, uid, { ...p, handle: alias }, { phone: 0.8, ip: 'user', ...prov });
    sellers.push({ uid, name: p.name, role: s === 0 ? 'operator' : 'associate' });
  }
  const operator = sellers[0]!.uid;
  const associate = () => rng.pick(sellers).uid;
  let personNo = 0;
  const person = (): string => {
    const country = rng.pick(RING_COUNTRIES);
    const p = ctx.ids.person(country);
    const prov = { sources: police, firstSeen: opened.firstSeen, lastSeen: PERIOD_END };
    const uid = emitPersonLike(ctx, 'Person', `p${ringNo}-${++personNo}`, p, { country }, prov);
    emitContacts(ctx, rng, uid, p, { phone: 0.5, ip: rng.chance(0.5) ? 'user' : null, ...prov });
    return uid;
  };
  const holds = (holder: string, account: string) =>
    ctx.buf.rel('HOLDS', holder, account, { sources: [accountKeeper.get(account)!], ...opened });
  const controls = (seller: string, target: string) => ctx.buf.rel('CONTROLS', seller, target, { sources: police, ...opened });

  // Merchant accounts and where they settle.
  const nominee = person();
  const acquirers = rng.sample(ACQUIRER_KEYS, template === 'split-acquirers' ? 2 : 1);
  const company = `${rng.pick(SHELL_COMPANY_WORDS)} ${rng.pick(SHELL_COMPANY_SUFFIXES)}`;
  const merchants: RingPlan['merchants'] = [];
  const receivers: string[] = [];
  for (const [k, acquirerKey] of acquirers.entries()) {
    const settlement = keep(emitBankAccount(ctx, bank(), opened));
    holds(nominee, settlement);
    controls(operator, settlement);
    receivers.push(settlement);
    const name = k === 0 ? company : `${rng.pick(SHELL_COMPANY_WORDS)} ${rng.pick(SHELL_COMPANY_SUFFIXES)}`;
    const uid = emitMerchant(ctx, { name, mcc: rng.pick(RING_MCCS), acquirerKey, country: rng.pick(['NL', 'IE'] as const), firstSeen: opened.firstSeen });
    ctx.buf.rel('SETTLES_TO', uid, settlement, { sources: [org(acquirerKey)], ...opened });
    controls(operator, uid);
    merchants.push({ uid, name, acquirer: org(acquirerKey), settlesTo: settlement });
  }
  let directWallet: string | null = null;
  if (template === 'direct-wallet') {
    directWallet = keep(emitWallet(ctx, 'zentrowallet', 'NL', 'EUR', opened), true);
    holds(nominee, directWallet);
    controls(operator, directWallet);
    receivers.push(directWallet);
  }

  // Layering: optional hub, first- and second-level mules, cash-out accounts held by the sellers.
  const muleAccount = (level: string): string => {
    const holder = person();
    const wallet = level !== 'hub' && rng.chance(0.25);
    const uid = keep(wallet ? emitWallet(ctx, 'lumenkite-payments', 'GB', 'EUR', opened) : emitBankAccount(ctx, bank(), opened), wallet);
    holds(holder, uid);
    controls(level === 'hub' ? operator : associate(), uid);
    return uid;
  };
  const cashOuts: string[] = [];
  for (let c = 0; c < Math.max(2, nSellers); c++) {
    const holder = sellers[c % nSellers]!.uid;
    const wallet = c === 1 && rng.chance(0.4);
    // every third ring's last cash-out is a deposit wallet at a crypto exchange (the coalition's crypto partner)
    const crypto = ringNo % 3 === 0 && c === Math.max(2, nSellers) - 1;
    const account = crypto
      ? emitCryptoWallet(ctx, CRYPTO_EXCHANGE_KEY, `${ringNo}:${c}`, opened)
      : wallet
        ? emitWallet(ctx, 'lumenkite-payments', 'GB', 'EUR', opened)
        : emitBankAccount(ctx, bank(), opened);
    const uid = keep(account, wallet && !crypto);
    holds(holder, uid);
    cashOuts.push(uid);
  }
  const hub = template === 'single-acquirer' ? null : muleAccount('hub');
  const level1 = Array.from({ length: template === 'single-acquirer' ? rng.int(2, 4) : rng.int(1, 3) }, () => muleAccount('1'));
  const level2 = template === 'split-acquirers' ? Array.from({ length: rng.int(0, 2) }, () => muleAccount('2')) : [];
  const mule = (next: string[]): Flow => ({ next, cut: rng.float(0.04, 0.1), delay: [4 * 60, 48 * 60] });
  const flows = new Map<string, Flow>();
  const sweepTo = new Map<string, string[]>();
  for (const r of receivers) sweepTo.set(r, hub ? [hub] : level1);
  if (hub) flows.set(hub, { next: template === 'direct-wallet' ? [...cashOuts, ...level1] : level1, cut: 0.02, delay: [2 * 60, 24 * 60] });
  for (const m of level1) flows.set(m, mule([...cashOuts, ...level2]));
  for (const m of level2) flows.set(m, mule(cashOuts));

  // Round-tripping: a swept amount goes through one to three further accounts (a front company, mules) and comes
  // back to the collection account as if it were business income; ring-1 uses 2 transfers, ring-2 3, ring-3 4, ...
  const roundTripVia = Array.from({ length: 1 + (index % 3) }, () => muleAccount('round-trip'));
  const roundTripDay = rng.int(60, 150);

  const domains = planDomains(ctx, rng, template, start, merchants.map((m) => m.uid), directWallet !== null);
  planMoveAfterReport(ctx, rng, template, domains);
  let previous: RingDomain | null = null;
  for (const d of domains) {
    const isMirror = previous !== null && previous.takenDownAt === null;
    d.uid = emitDomain(ctx, rng, {
      name: d.name,
      registeredAt: d.hosting[0]!.from,
      takenDownAt: d.takenDownAt,
      registrar: registrarFor(rng, true, REGISTRARS),
      hosting: d.hosting,
      sources: [org('nimbusridge-names'), ngo],
    });
    const seen = { sources: [ngo], firstSeen: d.liveFrom, lastSeen: d.liveTo };
    for (const m of d.merchants) emitAccepts(ctx, d.uid, m, seen);
    if (d.acceptsWallet && directWallet) emitAccepts(ctx, d.uid, directWallet, seen);
    ctx.buf.rel('OPERATES', operator, d.uid, { ...seen, sources: police });
    for (const s of sellers.slice(1)) if (rng.chance(0.5)) ctx.buf.rel('OPERATES', s.uid, d.uid, { ...seen, sources: police });
    if (previous && !isMirror) ctx.buf.rel('REPLACED', d.uid, previous.uid, { sources: [ngo], firstSeen: d.liveFrom });
    if (!isMirror) previous = d;
  }

  // The next domain, registered shortly before the end of the period on the ring's current hoster and advertised
  // with a fresh contact address: a report names both before any payment data exists.
  const stem = domains[0]!.name.replace(/\.[^.]+$/, '');
  const standbyName = uniqueDomain(ctx, rng, [`${stem}-vip`, `${stem}-access`, `${stem}-members`]);
  const standbyAt = PERIOD_END - DAY * rng.int(8, 16) - HOUR * rng.int(0, 23);
  const current = domains[domains.length - 1]!.hosting.at(-1)!.provider;
  const standbyDomain = emitDomain(ctx, rng, {
    name: standbyName,
    registeredAt: standbyAt,
    takenDownAt: null,
    registrar: registrarFor(rng, true, REGISTRARS),
    hosting: [{ provider: current, from: standbyAt, to: null }],
    sources: [org('nimbusridge-names')],
  });
  const reportAt = standbyAt + DAY * rng.int(2, 5) + HOUR * rng.int(0, 23);
  const address = ctx.ids.handleEmail(stem.replace(/-/g, '.'), rng);
  const [local = '', mailDomain = ''] = address.split('@');
  const email = ctx.buf.node('Email', address, address, keywords(address, local, local.replace(/[._]/g, ' '), mailDomain), { address }, { sources: [ngo], firstSeen: reportAt });

  const base = rng.pick([1990, 2490, 2990, 3990]);
  return {
    index,
    id: `ring-${ringNo}`,
    name: `Ring ${ringNo} (${domains[0]!.name.replace(/\.[^.]+$/, '')})`,
    template,
    start,
    sellers,
    merchants,
    directWallet,
    receivers,
    muleAccounts: [...(hub ? [hub] : []), ...level1, ...level2, ...roundTripVia],
    cashOuts,
    accountKeeper,
    walletAccounts,
    sweepTo,
    flows,
    domains,
    prices: [base, base * 2, base * 3 + 900, 14_900],
    inflow: new Map(receivers.map((r) => [r, new Float64Array(PERIOD_DAYS + 1)])),
    edges: new Set(),
    buyers: [],
    planted: null,
    nominee,
    roundTripVia,
    roundTripDay,
    standby: { domain: standbyDomain, name: standbyName, email, address, reportAt, ngo: ngoKey },
    paidIn: new Map(),
    paidVia: new Map(),
  };
}

/**
 * The ring's current main domain is reported while live and, days later, moved to another provider of the same
 * kind (a mainstream host to another mainstream host, a bulletproof hoster to another one) when there is one.
 */
function planMoveAfterReport(ctx: SeedContext, rng: Rng, template: RingTemplate, domains: RingDomain[]): void {
  const d = domains[domains.length - (template === 'split-acquirers' ? 2 : 1)]!;
  const last = d.hosting[d.hosting.length - 1]!;
  const others = ctx.providers.filter((p) => p.bulletproof === last.provider.bulletproof && !d.hosting.some((h) => h.provider === p));
  if (d.takenDownAt !== null || others.length === 0) return;
  const latest = PERIOD_END - DAY;
  const toMinute = (t: number) => Math.round(t / MINUTE) * MINUTE;
  const reportAt = toMinute(d.liveFrom + (latest - d.liveFrom) * rng.float(0.15, 0.5));
  const movedAt = reportAt + Math.min(DAY * rng.int(5, 20) + HOUR * rng.int(0, 23), toMinute((latest - reportAt) * 0.8));
  last.to = movedAt;
  d.hosting.push({ provider: rng.pick(others), from: movedAt, to: null });
  d.plantedReportAt = reportAt;
}

/**
 * A chain of domains, each live until taken down and then REPLACED by the next one (same merchant accounts);
 * split-acquirer rings also run a mirror at the end. Bulletproof-hosted rings start on a mainstream host, are
 * evicted after a few weeks and move to their bulletproof hoster for good.
 */
function planDomains(ctx: SeedContext, rng: Rng, template: RingTemplate, start: number, merchants: string[], wallet: boolean): RingDomain[] {
  const first = rng.pick(RING_DOMAIN_WORDS.first);
  const second = rng.pick(RING_DOMAIN_WORDS.second);
  const brand = `${first}-${second}`;
  const mainstream = ctx.providers.filter((p) => !p.bulletproof);
  const bulletproof = ctx.providers.filter((p) => p.bulletproof);
  const hoster = template === 'split-acquirers' ? null : rng.pick(bulletproof);
  const out: RingDomain[] = [];
  let liveFrom = start;
  let registeredAt = start - DAY * rng.int(7, 30);
  let lastHost: ProviderPlan | null = null;
  const hostingFor = (from: number, to: number | null, k: number): HostingSegment[] => {
    if (hoster) {
      const evicted = from + DAY * rng.int(10, 30);
      if (k === 0 && (to === null || evicted < to)) {
        return [{ provider: rng.pick(mainstream), from, to: evicted }, { provider: hoster, from: evicted, to }];
      }
      return [{ provider: hoster, from, to }];
    }
    const provider: ProviderPlan = rng.pick(mainstream.filter((p) => p !== lastHost));
    lastHost = provider;
    return [{ provider, from, to }];
  };
  for (let k = 0; ; k++) {
    const remaining = PERIOD_END - liveFrom;
    let life = DAY * rng.int(45, 100);
    if (k === 0) life = Math.min(life, Math.floor(remaining / 2)); // at least one take-down per ring
    const final = liveFrom + life >= PERIOD_END - 10 * DAY;
    const takenDownAt = final ? null : liveFrom + life;
    const stem = k === 0 ? [brand] : [`${brand}${k + 1}`, `${first}${second}`, `${brand}-club`, `${second}-${first}`];
    out.push({
      uid: '',
      name: uniqueDomain(ctx, rng, stem),
      liveFrom,
      liveTo: takenDownAt ?? PERIOD_END,
      takenDownAt,
      merchants: template === 'split-acquirers' && k === 0 ? merchants.slice(0, 1) : merchants,
      acceptsWallet: wallet,
      hosting: hostingFor(registeredAt, takenDownAt, k),
      plantedReportAt: null,
    });
    if (final) break;
    registeredAt = takenDownAt! + HOUR * rng.int(6, 96);
    liveFrom = registeredAt + HOUR * rng.int(2, 24);
  }
  if (template === 'split-acquirers') {
    const last = out[out.length - 1]!;
    const mirrorFrom = last.liveFrom + DAY * rng.int(10, 30);
    out.push({
      uid: '',
      name: uniqueDomain(ctx, rng, [`${brand}-mirror`, `${second}-${first}-mirror`]),
      liveFrom: mirrorFrom,
      liveTo: PERIOD_END,
      takenDownAt: null,
      merchants,
      acceptsWallet: wallet,
      hosting: hostingFor(mirrorFrom - DAY * rng.int(1, 5), null, out.length),
      plantedReportAt: null,
    });
  }
  return out;
}

export function liveDomainsAt(ring: RingPlan, at: number): RingDomain[] {
  return ring.domains.filter((d) => d.liveFrom <= at && at < d.liveTo);
}

/** The next moment any ring domain is live at or after `at`: buyers follow a ring to its new domain. */
export function nextLiveMoment(ring: RingPlan, at: number): number | null {
  let best: number | null = null;
  for (const d of ring.domains) {
    if (d.liveTo <= at) continue;
    const t = Math.max(at, d.liveFrom);
    if (best === null || t < best) best = t;
  }
  return best;
}

/** Books a buyer's payment into the ring: daily income (settled money only) and the structural flow graph. */
export function recordRingPayment(ring: RingPlan, p: { from: string; to: string; via: string | null; at: number; cents: number; settled: boolean }): void {
  const into = ring.paidIn.get(p.to) ?? { senders: new Set<string>(), cents: 0, count: 0 };
  into.senders.add(p.from);
  into.cents += p.cents;
  into.count++;
  ring.paidIn.set(p.to, into);
  if (p.via) ring.paidVia.set(p.via, (ring.paidVia.get(p.via) ?? 0) + 1);
  if (p.via) {
    ring.edges.add(`${BUYERS_NODE}\u0000${p.via}`);
    ring.edges.add(`${p.via}\u0000${p.to}`);
  } else {
    ring.edges.add(`${BUYERS_NODE}\u0000${p.to}`);
  }
  if (p.settled) {
    const days = ring.inflow.get(p.to);
    if (!days) throw new Error(`${p.to} does not collect money for ${ring.id}`);
    days[Math.floor((p.at - PERIOD_START) / DAY)]! += p.cents;
  }
}
