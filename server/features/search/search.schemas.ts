import { z } from 'zod';
import { ENTITY_LABELS } from '../../domain/model.js';

export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'add a search text with ?q=' })
    .trim()
    .min(2, 'type at least 2 characters to search')
    .max(200, 'a search text is at most 200 characters'),
  labels: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : String(v).split(',').map((s) => s.trim()).filter(Boolean)),
    z.array(z.enum(ENTITY_LABELS, { error: (i) => `unknown label "${String(i.input)}"` })).optional(),
  ),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(100, 'limit must be at most 100')
    .default(25),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  id: z.string(),
  label: z.enum(ENTITY_LABELS),
  caption: z.string(),
  /** a short secondary line: kind of account, country, provider... */
  detail: z.string().nullable(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResponseSchema = z.object({
  query: z.string(),
  hits: z.array(searchHitSchema),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
