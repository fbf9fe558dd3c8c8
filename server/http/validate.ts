import type { z } from 'zod';
import { errors } from '../errors.js';

/** Parses request input with a zod schema; the first problem becomes a 400 that names the field. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown, where: 'query' | 'path' | 'body'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  const first = issues[0]!;
  const message = first.field ? `${where} parameter "${first.field}": ${first.message}` : first.message;
  throw errors.badRequest(message, { issues });
}
