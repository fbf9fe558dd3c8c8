import { z } from 'zod';
import { ENTITY_LABELS, REL_TYPES } from '../../domain/model.js';

/** API shapes for graph elements. The client imports these as types only (`import type`). */

export const entityLabelSchema = z.enum(ENTITY_LABELS);
export const relTypeSchema = z.enum(REL_TYPES);

export const provenanceSchema = z.object({
  sources: z.array(z.string()),
  importIds: z.array(z.string()),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** Property values after conversion from Neo4j types: temporal values become ISO strings, integers numbers. */
export const propertyValueSchema: z.ZodType<unknown> = z.unknown();

export const graphNodeSchema = z.object({
  /** the entity's uid, e.g. "domain:example.org" */
  id: z.string(),
  /** primary label, the one that decides colour and icon */
  label: entityLabelSchema,
  labels: z.array(z.string()),
  caption: z.string(),
  properties: z.record(z.string(), propertyValueSchema),
  provenance: provenanceSchema,
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.object({
  id: z.string(),
  type: relTypeSchema,
  /** uid of the start node */
  source: z.string(),
  /** uid of the end node */
  target: z.string(),
  properties: z.record(z.string(), propertyValueSchema),
  provenance: provenanceSchema,
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const directionSchema = z.enum(['in', 'out', 'both']);
export type Direction = z.infer<typeof directionSchema>;

export const nodeIdParamsSchema = z.object({
  id: z.string().min(1, 'a node id is required').max(512, 'a node id is at most 512 characters'),
});

const csvList = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (v) =>
      v === undefined || v === ''
        ? undefined
        : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean),
    z.array(item).optional(),
  );

export const neighboursQuerySchema = z.object({
  types: csvList(
    z.enum(REL_TYPES, {
      error: (issue) => `unknown relationship type "${String(issue.input)}"; allowed: ${REL_TYPES.join(', ')}`,
    }),
  ),
  direction: directionSchema.default('both'),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(500, 'limit must be at most 500')
    .default(50),
});
export type NeighboursQuery = z.infer<typeof neighboursQuerySchema>;

export const neighbourCountSchema = z.object({
  type: relTypeSchema,
  direction: z.enum(['in', 'out']),
  count: z.number().int(),
});
export type NeighbourCount = z.infer<typeof neighbourCountSchema>;

export const neighboursResponseSchema = z.object({
  node: graphNodeSchema,
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  /** relationships matching the filters */
  total: z.number().int(),
  /** relationships matching the filters that were left out because of the limit */
  omitted: z.number().int(),
  /** all relationships of the node, per type and direction, ignoring the filters */
  counts: z.array(neighbourCountSchema),
});
export type NeighboursResponse = z.infer<typeof neighboursResponseSchema>;
