import { z } from 'zod';

/**
 * The planted ground truth the seed generator writes (seed-truth.json). Parsed with a schema so that a change
 * of the file's shape fails loudly here instead of making assertions vacuous.
 */
const uid = z.string().min(3);
const identifiers = z.object({ emails: z.array(uid), phones: z.array(uid), ips: z.array(uid) });
const ringSchema = z.object({
  id: z.string(),
  name: z.string(),
  sellers: z.array(z.object({ uid, name: z.string().min(2), role: z.enum(['operator', 'associate']) })).min(1),
  domains: z.array(z.object({ uid, name: z.string(), status: z.string(), accepts: z.array(uid).min(1) })).min(1),
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
  roundTrips: z
    .array(
      z.object({
        accounts: z.array(uid).min(2).max(4),
        transfers: z.number().int().min(2).max(4),
        amounts: z.array(z.number().positive()),
        firstTransfer: z.string(),
        lastTransfer: z.string(),
      }),
    )
    .min(1),
  reportedWithoutPayments: z.array(uid).min(1),
  paymentOptions: z
    .array(z.object({ uid, settlesTo: uid.nullable(), holder: uid.nullable(), payments: z.number().int().nonnegative() }))
    .min(1),
  accountFlows: z.array(
    z.object({ uid, senders: z.number().int(), receivers: z.number().int(), transfersOut: z.number().int(), amountIn: z.number(), amountOut: z.number() }),
  ),
  // membership (README § "The demo network and its ground truth"): with the fields above, every entity once
  nextDomain: z.object({ uid, name: z.string() }),
  persons: z.array(z.object({ uid, name: z.string().min(2), role: z.enum(['nominee', 'mule']), accounts: z.array(uid).min(1) })).min(1),
  identifiers,
  buyerAccounts: z.array(uid).min(1),
  buyerIdentifiers: identifiers,
  reports: z.array(uid).min(1),
  /** cross-reference only: shared infrastructure is listed under background */
  infrastructure: z.object({ providers: z.array(uid).min(1), serverIps: z.array(uid).min(1) }),
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
    bulletproofProviders: z.array(uid),
    serverIps: z.array(uid).min(1),
    persons: z.array(z.object({ uid, name: z.string(), accounts: z.array(uid) })),
    identifiers,
    buyerIdentifiers: identifiers,
    reports: z.array(uid),
  }),
  organisations: z.array(z.object({ uid, name: z.string().min(2), kind: z.string() })).min(1),
  hosting: z.array(z.object({ domain: uid, provider: uid, from: z.string(), to: z.string().nullable() })).min(1),
  reports: z.array(z.object({ uid, reference: z.string(), receivedAt: z.string(), mentions: z.array(uid).min(1) })).min(1),
  movedAfterReport: z
    .array(
      z.object({
        domain: uid,
        fromProvider: uid,
        toProvider: uid,
        movedAt: z.string(),
        reportUid: uid,
        reports: z.array(uid).min(1),
        planted: z.boolean(),
      }),
    )
    .min(1),
  reportedWithoutPayments: z.array(uid).min(1),
  accountsPaidByFlaggedBuyers: z.array(z.object({ uid, buyers: z.number().int().positive(), flaggedBuyers: z.number().int().positive() })),
  totals: z.object({ nodes: z.number(), relationships: z.number(), transactions: z.number() }),
});
export type SeedTruth = z.infer<typeof truthSchema>;
export type SeedRing = SeedTruth['rings'][number];

export function parseTruth(json: unknown): SeedTruth {
  return truthSchema.parse(json);
}
