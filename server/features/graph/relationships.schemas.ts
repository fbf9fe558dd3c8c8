import { z } from 'zod';
import { graphEdgeSchema } from './graph.schemas.js';

/** entities whose relationships are looked up in one request (a query result is at most the query row limit) */
export const RELATIONSHIPS_MAX_IDS = 5000;
/** candidates they may connect to: the new entities plus what the canvas shows */
export const RELATIONSHIPS_MAX_AMONG = 20000;
export const RELATIONSHIPS_MAX_LIMIT = 20000;

const uids = (field: string, max: number) =>
  z
    .array(z.string({ error: `${field} must list entity ids` }).min(1, `${field} must not contain empty ids`).max(512, `an id in ${field} is too long`), {
      error: `${field} must be a list of entity ids`,
    })
    .max(max, `${field} may list at most ${max} entities`);

export const relationshipsAmongBodySchema = z.object({
  /** the entities being put on the canvas */
  ids: uids('ids', RELATIONSHIPS_MAX_IDS).min(1, 'ids must list at least one entity'),
  /** entities already on the canvas, which the new ones may connect to */
  canvas: uids('canvas', RELATIONSHIPS_MAX_AMONG).default([]),
  limit: z
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(RELATIONSHIPS_MAX_LIMIT, `limit must be at most ${RELATIONSHIPS_MAX_LIMIT}`)
    .default(5000),
});
export type RelationshipsAmongBody = z.infer<typeof relationshipsAmongBodySchema>;

export const relationshipsAmongResponseSchema = z.object({
  edges: z.array(graphEdgeSchema),
  /** the limit was reached: more relationships exist among these entities */
  truncated: z.boolean(),
});
export type RelationshipsAmongResponse = z.infer<typeof relationshipsAmongResponseSchema>;
