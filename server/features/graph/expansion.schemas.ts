import { z } from 'zod';
import { REL_TYPES } from '../../domain/model.js';
import { directionSchema, graphEdgeSchema, graphNodeSchema, neighbourCountSchema } from './graph.schemas.js';

export const EXPAND_MEASURES = ['none', 'amount', 'recency', 'degree'] as const;
export type ExpandMeasure = (typeof EXPAND_MEASURES)[number];

export const expandQuerySchema = z.object({
  types: z.preprocess(
    (v) =>
      v === undefined || v === ''
        ? undefined
        : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean),
    z.array(z.enum(REL_TYPES, { error: (i) => `unknown relationship type "${String(i.input)}"; allowed: ${REL_TYPES.join(', ')}` })).optional(),
  ),
  direction: directionSchema.default('both'),
  measure: z.enum(EXPAND_MEASURES, { error: `measure must be one of ${EXPAND_MEASURES.join(', ')}` }).default('none'),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(500, 'limit must be at most 500')
    .default(50),
  /** opaque keyset cursor from the previous page's nextCursor */
  cursor: z
    .string()
    .max(600, 'cursor is too long')
    .transform((s, ctx) => {
      const at = s.indexOf('|');
      const score = Number(s.slice(0, at));
      if (at < 1 || !Number.isFinite(score)) {
        ctx.addIssue({ code: 'custom', message: 'cursor is not one this server sent; start again without it' });
        return z.NEVER;
      }
      return { score, rel: s.slice(at + 1) };
    })
    .optional(),
});
export type ExpandQuery = z.infer<typeof expandQuerySchema>;

export const expandResponseSchema = z.object({
  node: graphNodeSchema,
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  measure: z.enum(EXPAND_MEASURES),
  /** relationships matching the type/direction filter, from the degree store */
  total: z.number().int(),
  /** matching relationships not sent yet (by this page or a previous one with the same filter) */
  remaining: z.number().int(),
  /** pass as ?cursor= to get the next N; null when nothing is left */
  nextCursor: z.string().nullable(),
  /** how many relationships were read to rank (a super-node is ranked among its first scanCap only) */
  rankedAmong: z.number().int(),
  counts: z.array(neighbourCountSchema),
});
export type ExpandResponse = z.infer<typeof expandResponseSchema>;

export const nodeSummarySchema = z.object({
  id: z.string(),
  money: z.array(
    z.object({
      direction: z.enum(['in', 'out', 'acquired']),
      currency: z.string(),
      total: z.number(),
      count: z.number().int(),
      first: z.string().nullable(),
      last: z.string().nullable(),
    }),
  ),
  reports: z.array(z.object({ id: z.string(), caption: z.string(), receivedAt: z.string().nullable() })),
  reportCount: z.number().int(),
});
export type NodeSummary = z.infer<typeof nodeSummarySchema>;
