import { createHash } from 'node:crypto';
/**
 * Shared building blocks of the seed generator: the period and scales, and one helper per kind of entity that
 * emits its node (uid, caption, keywords, provenance) plus the relationships that always come with it.
 */
import type { Rng } from '../../domain/rng.js';
import { LAX_REGISTRAR } from './seed.catalogue.js';
import { Identities, orgByKey, orgUid } from './seed.identities.js';
import { ascii, iso, keywords, money, plainAmount, uidOf } from './seed.rows.js';
import type { RowBuffer } from './seed.rows.js';

export type Scale = 'small' | 'medium' | 'large';
export const SCALES: readonly Scale[] = ['small', 'medium', 'large'];

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** months of activity; all planted timestamps fall inside */
export const PERIOD_START = Date.UTC(2025, 0, 1);
export const PERIOD_END = Date.UTC(2025, 8, 30, 23, 59, 59);
export const PERIOD_DAYS = Math.ceil((PERIOD_END - PERIOD_START) / DAY);

export interface ScaleParams {
  rings: number;
  /** mean number of buyers per ring */
  ringBuyers: number;
  backgroundBuyers: number;
  backgroundMerchants: number;
  /** background domains with no shop behind them */
  extraDomains: number;
  mainstreamProviders: number;
  bulletproofProviders: number;
  serverIps: number;
}

export const SCALE_PARAMS: Readonly<Record<Scale, ScaleParams>> = {
  small: { rings: 3, ringBuyers: 30, backgroundBuyers: 110, backgroundMerchants: 18, extraDomains: 10, mainstreamProviders: 7, bulletproofProviders: 1, serverIps: 40 },
  medium: { rings: 8, ringBuyers: 700, backgroundBuyers: 8_000, backgroundMerchants: 500, extraDomains: 300, mainstreamProviders: 14, bulletproofProviders: 2, serverIps: 400 },
  large: { rings: 20, ringBuyers: 5_000, backgroundBuyers: 190_000, backgroundMerchants: 3_000, extraDomains: 1_500, mainstreamProviders: 22, bulletproofProviders: 3, serverIps: 900 },
};

export interface ProviderPlan {
  uid: string;
  name: string;
  bulletproof: boolean;
  /** uids of the IPAddress nodes it announces */
  ips: string[];
}

export interface SeedContext {
  readonly ids: Identities;
  readonly buf: RowBuffer;
  readonly params: ScaleParams;
  readonly providers: ProviderPlan[];
  readonly domainNames: Set<string>;
  merchantSeq: number;
  /** every hosting period of every domain, in emission order: the truth's `hosting` */
  readonly hosting: { domain: string; provider: string; from: number; to: number | null }[];
  /** payment options (Merchant / PaymentAccount uids) each domain ACCEPTS */
  readonly accepts: Map<string, string[]>;
  /** accounts and merchants some transaction touches (SENT, TO or VIA) */
  readonly touched: Set<string>;
}

/** A fresh context: the generator's mutable state shared by every emitter. */
export function newContext(ids: Identities, buf: RowBuffer, params: ScaleParams): SeedContext {
  return { ids, buf, params, providers: [], domainNames: new Set(), merchantSeq: 0, hosting: [], accepts: new Map(), touched: new Set() };
}

/** Emits (Domain)-[:ACCEPTS]->(option) and remembers it for the truth. */
export function emitAccepts(ctx: SeedContext, domain: string, option: string, prov: { sources: string[]; firstSeen: number; lastSeen: number }): void {
  ctx.buf.rel('ACCEPTS', domain, option, prov);
  const list = ctx.accepts.get(domain);
  if (list) list.push(option);
  else ctx.accepts.set(domain, [option]);
}

export const org = orgUid;

export function emitOrganisation(ctx: SeedContext, key: string): string {
  const o = orgByKey(key);
  return ctx.buf.node('Organisation', o.key, o.name, keywords(o.name, o.kind.replace('_', ' ')), { name: o.name, kind: o.kind, country: o.country }, {
    sources: [org(o.key)],
    firstSeen: PERIOD_START,
    lastSeen: PERIOD_END,
  });
}

/** E-mail, optional phone and optional IP address of a person, with the USES_* relationships. */
export function emitContacts(
  ctx: SeedContext,
  rng: Rng,
  owner: string,
  person: { first: string; last: string; handle?: string },
  opts: { phone: number; ip: 'user' | 'buyer' | null; sources: string[]; firstSeen: number; lastSeen: number },
): void {
  const prov = { sources: opts.sources, firstSeen: opts.firstSeen, lastSeen: opts.lastSeen };
  const address = person.handle ? ctx.ids.handleEmail(person.handle, rng) : ctx.ids.email(person.first, person.last, rng);
  const [local = '', domain = ''] = address.split('@');
  const email = ctx.buf.node('Email', address, address, keywords(address, local, local.replace(/[._]/g, ' '), domain), { address }, prov);
  ctx.buf.rel('USES_EMAIL', owner, email, prov);
  if (rng.chance(opts.phone)) {
    const phone = ctx.ids.phone();
    if (phone) {
      const uid = ctx.buf.node('Phone', phone.e164, phone.e164, keywords(phone.e164, phone.national, phone.national.replace(/\s/g, ''), phone.e164.slice(-6)), { number: phone.e164 }, prov);
      ctx.buf.rel('USES_PHONE', owner, uid, prov);
    }
  }
  if (opts.ip) {
    const address = opts.ip === 'user' ? ctx.ids.userIp() : ctx.ids.buyerIp();
    const uid = ctx.buf.node('IPAddress', address, address, keywords(address), { address, version: address.includes(':') ? 6 : 4 }, prov);
    ctx.buf.rel('USES_IP', owner, uid, prov);
  }
}

export function emitPersonLike(
  ctx: SeedContext,
  label: 'Buyer' | 'Seller' | 'Person',
  key: string,
  person: { name: string },
  props: Record<string, string>,
  prov: { sources: string[]; firstSeen: number; lastSeen: number },
): string {
  const folded = ascii(person.name);
  return ctx.buf.node(label, key, person.name, keywords(person.name, folded, props.alias, props.country), { name: person.name, ...props }, prov);
}

export interface AccountRef {
  uid: string;
  /** organisation that keeps the account (bank or e-wallet provider) */
  keeper: string;
  /** card scheme organisation, for cards */
  schemeOrg?: string;
}

export function emitBankAccount(ctx: SeedContext, bankKey: string, prov: { firstSeen: number; lastSeen: number }, currency = 'EUR'): AccountRef {
  const a = ctx.ids.iban(bankKey);
  const reference = `${a.iban.slice(0, 4)} •••• ${a.iban.slice(-4)}`;
  const uid = ctx.buf.node(
    'PaymentAccount',
    `iban:${a.iban}`,
    a.printed,
    keywords(a.iban, a.printed, a.iban.slice(-4), a.bic, a.bank),
    { kind: 'bank_account', reference, iban: a.iban, bic: a.bic, bank: a.bank, currency, country: a.country },
    { sources: [org(bankKey)], ...prov },
  );
  return { uid, keeper: org(bankKey) };
}

export function emitCard(ctx: SeedContext, bankKey: string, country: string, currency: string, prov: { firstSeen: number; lastSeen: number }): AccountRef {
  const c = ctx.ids.card();
  const reference = `${c.scheme.toUpperCase()} •••• ${c.last4}`;
  const bank = orgByKey(bankKey);
  const uid = ctx.buf.node(
    'PaymentAccount',
    `card:${c.panHash.slice(0, 16)}`,
    reference,
    keywords(c.last4, c.bin, c.scheme, `${c.scheme}-${c.last4}`, bank.name),
    { kind: 'card', reference, panHash: c.panHash, bin: c.bin, last4: c.last4, scheme: c.scheme, issuer: bank.name, currency, country },
    { sources: [org(bankKey), org(c.schemeOrg)], ...prov },
  );
  return { uid, keeper: org(bankKey), schemeOrg: org(c.schemeOrg) };
}

export function emitWallet(ctx: SeedContext, providerKey: string, country: string, currency: string, prov: { firstSeen: number; lastSeen: number }): AccountRef {
  const provider = orgByKey(providerKey);
  const walletId = ctx.ids.walletId(provider.code ?? 'EW');
  const reference = `${provider.name} ${walletId}`;
  const uid = ctx.buf.node(
    'PaymentAccount',
    `wallet:${walletId}`,
    reference,
    keywords(walletId, walletId.split('-')[1], provider.name),
    { kind: 'e_wallet', reference, provider: provider.name, walletId, currency, country },
    { sources: [org(providerKey)], ...prov },
  );
  return { uid, keeper: org(providerKey) };
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/**
 * A cash-out deposit wallet at a crypto exchange: where proceeds leave the banking system. The address is derived
 * from a stable text (not drawn from the random stream), so adding wallets did not redraw the rest of the network.
 */
export function emitCryptoWallet(ctx: SeedContext, exchangeKey: string, stableText: string, prov: { firstSeen: number; lastSeen: number }): AccountRef {
  const exchange = orgByKey(exchangeKey);
  const digest = createHash('sha256').update(`moneytrail-seed crypto ${stableText}`).digest();
  const address = `bc1q${Array.from(digest.subarray(0, 38), (b) => BECH32[b % 32]).join('')}`;
  const reference = `BTC ${address.slice(0, 8)}…${address.slice(-6)}`;
  const uid = ctx.buf.node(
    'PaymentAccount',
    `crypto:${address}`,
    `${exchange.name} ${reference}`,
    keywords(address, address.slice(-6), exchange.name, 'bitcoin'),
    { kind: 'crypto_wallet', reference, provider: exchange.name, network: 'bitcoin', address, currency: 'EUR', country: exchange.country },
    { sources: [org(exchangeKey)], ...prov },
  );
  return { uid, keeper: org(exchangeKey) };
}

export function emitMerchant(
  ctx: SeedContext,
  m: { name: string; mcc: string; acquirerKey: string; country: string; firstSeen: number },
): string {
  const acquirer = orgByKey(m.acquirerKey);
  const seq = ctx.merchantSeq++;
  // Disjoint ranges per sequence number keep ids unique while looking irregular.
  const merchantId = `${acquirer.code}-${String(10_000_000 + seq * 37 + (seq * 7919) % 37)}`;
  return ctx.buf.node(
    'Merchant',
    merchantId,
    m.name,
    keywords(m.name, ascii(m.name), merchantId, merchantId.split('-')[1], m.mcc, acquirer.name),
    { name: m.name, mcc: m.mcc, acquirer: acquirer.name, country: m.country, merchantId },
    { sources: [org(m.acquirerKey)], firstSeen: m.firstSeen, lastSeen: PERIOD_END },
  );
}

export interface HostingSegment {
  provider: ProviderPlan;
  from: number;
  /** null while still hosted there */
  to: number | null;
}

/** A domain with its hosting and DNS history (one HOSTED_BY and one RESOLVES_TO per hosting period). */
export function emitDomain(
  ctx: SeedContext,
  rng: Rng,
  d: { name: string; registeredAt: number; takenDownAt: number | null; registrar: string; hosting: HostingSegment[]; sources: string[] },
): string {
  const [stem = d.name, tld = ''] = d.name.split(/\.(?=[^.]+$)/);
  const status = d.takenDownAt === null ? 'live' : 'taken_down';
  const end = d.takenDownAt ?? PERIOD_END;
  const uid = ctx.buf.node(
    'Domain',
    d.name,
    d.name,
    keywords(d.name, stem, stem.replace(/-/g, ' ')),
    { name: d.name, tld, registeredAt: iso(d.registeredAt), takenDownAt: d.takenDownAt === null ? null : iso(d.takenDownAt), registrar: d.registrar, status },
    { sources: d.sources, firstSeen: Math.max(d.registeredAt, PERIOD_START), lastSeen: end },
  );
  const dns = [org('skylantern-dns')];
  for (const seg of d.hosting) {
    const props = { from: iso(seg.from), to: seg.to === null ? null : iso(seg.to) };
    const prov = { sources: dns, firstSeen: seg.from, lastSeen: seg.to ?? end };
    ctx.buf.rel('HOSTED_BY', uid, seg.provider.uid, prov, props);
    ctx.hosting.push({ domain: uid, provider: seg.provider.uid, from: seg.from, to: seg.to });
    ctx.buf.rel('RESOLVES_TO', uid, rng.pick(seg.provider.ips), prov, props);
  }
  return uid;
}

export const registrarFor = (rng: Rng, criminal: boolean, registrars: readonly string[]): string =>
  criminal && rng.chance(0.8) ? LAX_REGISTRAR : rng.pick(registrars);

export type Channel = 'card' | 'e_wallet' | 'bank_transfer' | 'e_wallet_transfer';
const CHANNEL_WORDS: Record<Channel, string> = {
  card: 'card payment',
  e_wallet: 'e-wallet payment',
  bank_transfer: 'bank transfer',
  e_wallet_transfer: 'e-wallet transfer',
};

export function emitTransaction(
  ctx: SeedContext,
  t: { key: string; from: string; to: string; via: string | null; at: number; cents: number; currency: string; status: string; channel: Channel; sources: string[] },
): void {
  const date = iso(t.at).slice(0, 10);
  ctx.touched.add(t.from).add(t.to);
  if (t.via) ctx.touched.add(t.via);
  ctx.buf.tx({
    uid: uidOf('Transaction', t.key),
    from: t.from,
    to: t.to,
    via: t.via,
    at: t.at,
    sources: [...new Set(t.sources)],
    props: {
      caption: `${money(t.cents, t.currency)} ${CHANNEL_WORDS[t.channel]} ${date}`,
      keywords: keywords(t.key, plainAmount(t.cents), t.currency, date, t.status),
      amount: t.cents / 100,
      currency: t.currency,
      timestamp: iso(t.at),
      status: t.status,
      channel: t.channel,
    },
  });
}

export function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

/** Index drawn in proportion to the weights behind `cum` (u uniform in [0, 1)), by binary search. */
export function pickCumulative(cum: Float64Array, u: number): number {
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
