/**
 * Deterministic generator of the synthetic investigation graph. Pure: no clock, no I/O, no global randomness;
 * the same options give the same rows and truth byte for byte.
 *
 * It is a JS generator that yields batches in dependency order (a batch only refers to nodes already yielded)
 * whenever FLUSH_ROWS rows have accumulated, so the large scale streams without holding the graph in memory, and
 * the small one goes out in a handful of batches; the ground truth is accumulated on the way and returned at the end.
 *   1 organisations, hosting providers and their server IPs
 *   2 rings: sellers, nominees, mules, accounts, merchant accounts, domains with hosting history
 *   3 background: ordinary shops (merchant + settlement account + domain) and sites without a shop
 *   4 buyers, one at a time: people, cards and wallets, and their payments (ring income is booked per day)
 *   5 layering transfers per ring, then the ring's truth (trail, chokepoints)
 *   6 hotline reports
 * Every batch passes through a MembershipLedger on its way out, which reads who holds or uses what from the rows,
 * so the truth can list every entity under its ring or the background (seed.membership.ts).
 */
import { Rng } from '../../domain/rng.js';
import { emitBackgroundSites, emitInfrastructure } from './seed.background.js';
import { BuyerFactory } from './seed.buyers.js';
import { ORGANISATIONS } from './seed.catalogue.js';
import { SCALE_PARAMS, emitOrganisation, newContext } from './seed.entities.js';
import type { Scale, SeedContext } from './seed.entities.js';
import { Identities } from './seed.identities.js';
import { emitReports } from './seed.reports.js';
import type { EmittedReport } from './seed.reports.js';
import { layerRing } from './seed.layering.js';
import { MembershipLedger } from './seed.membership.js';
import { planRing } from './seed.rings.js';
import { RowBuffer, iso } from './seed.rows.js';
import type { SeedBatch } from './seed.rows.js';
import type { RingCoreTruth, SeedTruth } from './seed.truth.js';

export { SCALES } from './seed.entities.js';
export type { Scale } from './seed.entities.js';
export const DEFAULT_SEED = 20261129;
/** bump when the output for a given seed changes on purpose */
export const GENERATOR_VERSION = 'moneytrail-seed/2';

/** rows held before yielding: bounds memory, and makes each write a few thousand rows of one kind */
const FLUSH_ROWS = 20_000;

export interface GeneratorOptions {
  scale: Scale;
  seed: number;
  /** key for the card-number HMAC (MONEYTRAIL_PAN_KEY): card uids depend on it */
  panKey: string;
  /** id of the Import node, written into every row's importIds */
  importId: string;
}

export function* generateSeed(opts: GeneratorOptions): Generator<SeedBatch, SeedTruth, undefined> {
  const params = SCALE_PARAMS[opts.scale];
  const root = new Rng(opts.seed, GENERATOR_VERSION);
  const buf = new RowBuffer(opts.importId);
  const ctx: SeedContext = newContext(new Identities(root.fork('ids'), opts.panKey), buf, params);
  const ledger = new MembershipLedger();

  for (const o of ORGANISATIONS) emitOrganisation(ctx, o.key);
  emitInfrastructure(ctx, root.fork('infrastructure'));

  const rings = Array.from({ length: params.rings }, (_, i) => planRing(ctx, i, root.fork(`ring:${i}`)));

  const { shops, domains: backgroundDomains } = emitBackgroundSites(ctx, root.fork('background'));
  yield* ledger.tap(buf.flush(FLUSH_ROWS));

  let txNo = 0;
  const nextTxNo = () => ++txNo;
  const buyers = new BuyerFactory(ctx, root.fork('buyers'), rings, shops, nextTxNo);
  const ringSizeRng = root.fork('ring-sizes');
  const plan = [
    ...rings.map((ring) => ({ ring, count: Math.max(3, Math.round(params.ringBuyers * ringSizeRng.float(0.75, 1.25))) })),
    { ring: null, count: params.backgroundBuyers },
  ];
  for (const { ring, count } of plan) {
    for (let j = 0; j < count; j++) {
      buyers.emit(ring, ring !== null && j === 0);
      yield* ledger.tap(buf.flush(FLUSH_ROWS));
    }
  }

  const ringTruths: RingCoreTruth[] = [];
  for (const ring of rings) {
    ringTruths.push(layerRing(ctx, ring, root.fork(`layering:${ring.index}`), nextTxNo));
    yield* ledger.tap(buf.flush(FLUSH_ROWS));
  }

  const reportRng = root.fork('reports');
  // The false lead names a shop that takes payments (the report is wrong, not merely early) and stays with its
  // provider, so ordinary traffic never looks like a reported site without payments or one that moved after a report.
  const segments = new Map<string, number>();
  for (const h of ctx.hosting) segments.set(h.domain, (segments.get(h.domain) ?? 0) + 1);
  const falseLead = reportRng.pick(shops.filter((shop) => ctx.touched.has(shop.merchant) && segments.get(shop.domain.uid) === 1)).domain;
  const reports = emitReports(ctx, reportRng, rings, falseLead);
  yield* ledger.tap(buf.flush());

  // Where payments would show for an entity besides itself: a domain's payment options, a merchant's settlement.
  // (The query also looks through the people using a reported e-mail, phone or IP; the only such entities reports
  // name are the standby contact addresses, which nobody in the graph uses.)
  const paymentLinks = new Map<string, string[]>(ctx.accepts);
  for (const ring of rings) for (const m of ring.merchants) paymentLinks.set(m.uid, [m.settlesTo]);
  for (const shop of shops) paymentLinks.set(shop.merchant, [shop.settlement]);
  const plantedMoves = new Set(rings.flatMap((r) => r.domains.filter((d) => d.plantedReportAt !== null).map((d) => d.uid)));

  const reportedWithoutPayments = [...new Set(reports.flatMap((r) => r.mentions))].filter(
    (uid) => !ctx.touched.has(uid) && !(paymentLinks.get(uid) ?? []).some((l) => ctx.touched.has(l)),
  );
  const standby = new Set(rings.flatMap((r) => [r.standby.domain, r.standby.email]));
  if (reportedWithoutPayments.length !== standby.size || reportedWithoutPayments.some((uid) => !standby.has(uid))) {
    throw new Error('a reported entity without payments other than the planted standby domains and addresses');
  }

  const background = {
    buyers: buyers.background.buyers,
    merchants: shops.map((s) => s.merchant),
    domains: backgroundDomains,
    accounts: [...shops.map((s) => s.settlement), ...buyers.background.accounts],
    providers: ctx.providers.filter((p) => !p.bulletproof).map((p) => p.uid),
  };
  const membership = ledger.complete(rings, ringTruths, background, ctx.providers, ctx.hosting, reports);

  return {
    scale: opts.scale,
    seed: opts.seed,
    generatedAt: iso(Date.UTC(2025, 9, 1) + (opts.seed % 86_400) * 1000),
    rings: membership.rings,
    background: { ...background, ...membership.background },
    hosting: ctx.hosting.map((h) => ({ domain: h.domain, provider: h.provider, from: iso(h.from), to: h.to === null ? null : iso(h.to) })),
    reports: reports.map((r) => ({ uid: r.uid, reference: r.reference, receivedAt: iso(r.at), mentions: r.mentions })),
    movedAfterReport: movesAfterReports(ctx.hosting, reports).map((m) => ({ ...m, planted: plantedMoves.has(m.domain) })),
    reportedWithoutPayments,
    accountsPaidByFlaggedBuyers: paidByFlaggedBuyers(buyers.payers, reports, ctx.accepts),
    totals: { ...buf.totals },
    organisations: ledger.organisations,
  };
}

/** Every hosting period of a reported domain that starts after a report, with each earlier period elsewhere. */
function movesAfterReports(hosting: SeedContext['hosting'], reports: EmittedReport[]): Omit<SeedTruth['movedAfterReport'][number], 'planted'>[] {
  const reportsOf = new Map<string, EmittedReport[]>();
  for (const r of reports) for (const m of r.mentions) reportsOf.set(m, [...(reportsOf.get(m) ?? []), r]);
  const out: Omit<SeedTruth['movedAfterReport'][number], 'planted'>[] = [];
  for (const moved of hosting) {
    const before = (reportsOf.get(moved.domain) ?? []).filter((r) => r.at < moved.from).sort((a, b) => a.at - b.at);
    if (before.length === 0) continue;
    const earlier = hosting.filter((h) => h.domain === moved.domain && h.from < moved.from && h.provider !== moved.provider);
    for (const provider of new Set(earlier.map((h) => h.provider))) {
      out.push({ domain: moved.domain, fromProvider: provider, toProvider: moved.provider, movedAt: iso(moved.from), reportUid: before[0]!.uid, reports: before.map((r) => r.uid) });
    }
  }
  return out;
}

/** Accounts paid by buyers who also paid a payment option of a reported domain, with both buyer counts. */
function paidByFlaggedBuyers(
  payers: BuyerFactory['payers'],
  reports: EmittedReport[],
  accepts: ReadonlyMap<string, string[]>,
): SeedTruth['accountsPaidByFlaggedBuyers'] {
  const flagged = new Set<number>();
  for (const option of new Set(reports.flatMap((r) => r.mentions.flatMap((m) => accepts.get(m) ?? [])))) {
    for (const b of payers.byTarget.get(option) ?? []) flagged.add(b);
  }
  const out: SeedTruth['accountsPaidByFlaggedBuyers'] = [];
  for (const [uid, paying] of payers.byAccount) {
    let n = 0;
    for (const b of paying) if (flagged.has(b)) n++;
    if (n > 0) out.push({ uid, buyers: paying.size, flaggedBuyers: n });
  }
  return out;
}
