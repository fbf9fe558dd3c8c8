import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  neo4j: z.object({
    reachable: z.boolean(),
    address: z.string().nullable(),
    version: z.string().nullable(),
    edition: z.string().nullable(),
    database: z.string().nullable(),
  }),
  /** why the service is unavailable, in words */
  reason: z.string().optional(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
