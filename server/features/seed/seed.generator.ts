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
 */
import { Rng } from '../../domain/rng.js';
import { emitBackgroundSites, emitInfrastructure } from './seed.background.js';
import { BuyerFactory } from './seed.buyers.js';
import { ORGANISATIONS } from './seed.catalogue.js';
import { SCALE_PARAMS, emitOrganisation } from './seed.entities.js';
import type { Scale, SeedContext } from './seed.entities.js';
import { Identities } from './seed.identities.js';
import { emitReports } from './seed.reports.js';
import { layerRing } from './seed.layering.js';
import { planRing } from './seed.rings.js';
import { RowBuffer, iso } from './seed.rows.js';
import type { SeedBatch } from './seed.rows.js';
import type { RingTruth, SeedTruth } from './seed.truth.js';

export { SCALES } from './seed.entities.js';
export type { Scale } from './seed.entities.js';
export const DEFAULT_SEED = 20261129;
/** bump when the output for a given seed changes on purpose */
export const GENERATOR_VERSION = 'moneytrail-seed/1';

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
  const ctx: SeedContext = { ids: new Identities(root.fork('ids'), opts.panKey), buf, params, providers: [], domainNames: new Set(), merchantSeq: 0 };

  for (const o of ORGANISATIONS) emitOrganisation(ctx, o.key);
  emitInfrastructure(ctx, root.fork('infrastructure'));

  const rings = Array.from({ length: params.rings }, (_, i) => planRing(ctx, i, root.fork(`ring:${i}`)));

  const { shops, domains: backgroundDomains } = emitBackgroundSites(ctx, root.fork('background'));
  yield* buf.flush(FLUSH_ROWS);

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
      yield* buf.flush(FLUSH_ROWS);
    }
  }

  const ringTruths: RingTruth[] = [];
  for (const ring of rings) {
    ringTruths.push(layerRing(ctx, ring, root.fork(`layering:${ring.index}`), nextTxNo));
    yield* buf.flush(FLUSH_ROWS);
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
      buyers: buyers.background.buyers,
      merchants: shops.map((s) => s.merchant),
      domains: backgroundDomains,
      accounts: [...shops.map((s) => s.settlement), ...buyers.background.accounts],
      providers: ctx.providers.filter((p) => !p.bulletproof).map((p) => p.uid),
    },
    totals: { ...buf.totals },
  };
}
