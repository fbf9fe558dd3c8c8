import { z } from 'zod';

/**
 * The planted ground truth the seed generator writes (seed-truth.json). Parsed with a schema so that a change
 * of the file's shape fails loudly here instead of making assertions vacuous.
 */
const uid = z.string().min(3);
const ringSchema = z.object({
  id: z.string(),
  name: z.string(),
  sellers: z.array(z.object({ uid, name: z.string().min(2), role: z.enum(['operator', 'associate']) })).min(1),
  domains: z.array(z.object({ uid, name: z.string(), status: z.string() })).min(1),
  merchantAccounts: z.array(uid),
  paymentAccounts: z.array(uid),
  muleAccounts: z.array(uid),
  cashOutAccounts: z.array(z.object({ uid, totalIn: z.number() })).min(1),
  proceedsTotal: z.number().positive(),
  buyers: z.array(uid).min(1),
  plantedBuyer: z.object({
    uid,
    cardUid: uid,
    firstPaymentAt: z.string(),
    trail: z.object({ sinks: z.array(z.object({ uid, total: z.number() })), total: z.number() }),
  }),
  chokepoints: z.object({ accounts: z.array(uid), merchants: z.array(uid), providers: z.array(uid) }),
});
export const truthSchema = z.object({
  scale: z.string(),
  seed: z.number(),
  rings: z.array(ringSchema).min(1),
  background: z.object({
    buyers: z.array(uid),
    merchants: z.array(uid),
    domains: z.array(uid),
    accounts: z.array(uid),
    providers: z.array(uid),
  }),
  totals: z.object({ nodes: z.number(), relationships: z.number(), transactions: z.number() }),
});
export type SeedTruth = z.infer<typeof truthSchema>;
export type SeedRing = SeedTruth['rings'][number];

export function parseTruth(json: unknown): SeedTruth {
  return truthSchema.parse(json);
}
