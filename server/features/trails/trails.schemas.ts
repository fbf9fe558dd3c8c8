import { z } from 'zod';
import { REL_TYPES } from '../../domain/model.js';
import { graphEdgeSchema, graphNodeSchema } from '../graph/graph.schemas.js';

const uid = (field: string) =>
  z.string({ error: `${field} is required` }).trim().min(1, `${field} is required`).max(512, `${field} is at most 512 characters`);

const csv = (v: unknown) =>
  v === undefined || v === ''
    ? undefined
    : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);

const relTypes = z.preprocess(
  csv,
  z
    .array(z.enum(REL_TYPES, { error: (i) => `unknown relationship type "${String(i.input)}"; allowed: ${REL_TYPES.join(', ')}` }))
    .optional(),
);

const isoDate = (field: string) =>
  z
    .string()
    .trim()
    .refine((s) => !Number.isNaN(Date.parse(s)), `${field} must be a date such as 2024-03-01`)
    .transform((s) => new Date(s).toISOString())
    .optional();

/** The longest path the shortest-path search accepts (the Cypher quantifier is fixed at 8). */
export const MAX_PATH_LENGTH = 8;

export const pathsQuerySchema = z.object({
  from: uid('from'),
  to: uid('to'),
  maxLength: z.coerce
    .number({ error: 'maxLength must be a number' })
    .int('maxLength must be a whole number')
    .min(1, 'maxLength must be at least 1')
    .max(MAX_PATH_LENGTH, `maxLength must be at most ${MAX_PATH_LENGTH}`)
    .default(6),
  types: relTypes,
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be at least 1').max(25, 'limit must be at most 25').default(5),
});
export type PathsQuery = z.infer<typeof pathsQuerySchema>;

export const connectionsQuerySchema = z.object({
  ids: z.preprocess(
    csv,
    z
      .array(z.string().max(512))
      .min(2, 'pick at least 2 entities to connect')
      .max(8, 'connect at most 8 entities at a time'),
  ),
  maxLength: pathsQuerySchema.shape.maxLength,
  types: relTypes,
});
export type ConnectionsQuery = z.infer<typeof connectionsQuerySchema>;

export const pathSchema = z.object({
  source: z.string(),
  target: z.string(),
  length: z.number().int(),
  /** uids along the path, source first */
  nodeIds: z.array(z.string()),
  edgeIds: z.array(z.string()),
});

export const pathsResponseSchema = z.object({
  paths: z.array(pathSchema),
  /** pairs for which no path within maxLength exists */
  unconnected: z.array(z.object({ source: z.string(), target: z.string() })),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});
export type PathsResponse = z.infer<typeof pathsResponseSchema>;
export type TrailPath = z.infer<typeof pathSchema>;

export const moneyTrailQuerySchema = z.object({
  from: uid('from'),
  direction: z.enum(['downstream', 'upstream'], { error: 'direction must be downstream or upstream' }).default('downstream'),
  maxHops: z.coerce
    .number({ error: 'maxHops must be a number' })
    .int('maxHops must be a whole number')
    .min(1, 'maxHops must be at least 1')
    .max(10, 'maxHops must be at most 10')
    .default(6),
  minAmount: z.coerce.number({ error: 'minAmount must be a number' }).min(0, 'minAmount cannot be negative').optional(),
  dateFrom: isoDate('dateFrom'),
  dateTo: isoDate('dateTo'),
});
export type MoneyTrailQuery = z.infer<typeof moneyTrailQuerySchema>;

export const flowSchema = z.object({
  /** "flow:<source>><target>" */
  id: z.string(),
  source: z.string(),
  target: z.string(),
  currency: z.string(),
  total: z.number(),
  count: z.number().int(),
  /** ISO date-times of the first and last payment */
  first: z.string(),
  last: z.string(),
  /** hop at which money first moved along this edge (1 = straight from a start account) */
  hop: z.number().int(),
});
export type Flow = z.infer<typeof flowSchema>;

export const moneyTrailResponseSchema = z.object({
  direction: z.enum(['downstream', 'upstream']),
  /** the entity asked for and the accounts the trail started from */
  origin: z.string(),
  startAccounts: z.array(z.string()),
  nodes: z.array(graphNodeSchema),
  flows: z.array(flowSchema),
  /** downstream: accounts where the money stops (no later outflow); upstream: where it came from first */
  sinks: z.array(z.object({ id: z.string(), total: z.number(), currency: z.string() })),
  /** money reaching the sinks in total, per currency */
  totals: z.array(z.object({ currency: z.string(), total: z.number() })),
  payments: z.number().int(),
  hops: z.number().int(),
  /** true when a hop hit the per-hop payment cap and the trail is incomplete */
  truncated: z.boolean(),
  /** accounts reached at the last hop that still have later outflows (raise maxHops to follow them) */
  frontier: z.array(z.string()),
});
export type MoneyTrailResponse = z.infer<typeof moneyTrailResponseSchema>;

export const flowTransactionsQuerySchema = z.object({
  source: uid('source'),
  target: uid('target'),
  dateFrom: isoDate('dateFrom'),
  dateTo: isoDate('dateTo'),
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be at least 1').max(500, 'limit must be at most 500').default(200),
});
export type FlowTransactionsQuery = z.infer<typeof flowTransactionsQuerySchema>;

export const flowTransactionsResponseSchema = z.object({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  /** true when more payments exist than the limit */
  more: z.boolean(),
});
export type FlowTransactionsResponse = z.infer<typeof flowTransactionsResponseSchema>;

export const accountFlowsQuerySchema = z.object({
  direction: z.enum(['in', 'out'], { error: 'direction must be in or out' }).default('out'),
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be at least 1').max(200, 'limit must be at most 200').default(50),
});
export type AccountFlowsQuery = z.infer<typeof accountFlowsQuerySchema>;

export const accountFlowsResponseSchema = z.object({
  nodes: z.array(graphNodeSchema),
  flows: z.array(flowSchema),
  /** true when the account has more payments than were read (scan cap) */
  partial: z.boolean(),
});
export type AccountFlowsResponse = z.infer<typeof accountFlowsResponseSchema>;
