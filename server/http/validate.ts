import type { z } from 'zod';
import { errors } from '../errors.js';

/** Parses request input with a zod schema; the first problem becomes a 400 that names the field. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown, where: 'query' | 'path' | 'body'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  const first = parsed.error.issues[0]!;
  // "types", value 2 — not "types.1": people count from one and do not know the array underneath
  const name = first.path.filter((p) => typeof p !== 'number').join('.');
  const index = first.path.findLast((p) => typeof p === 'number');
  const which = typeof index === 'number' ? ` (value ${index + 1})` : '';
  const message = name ? `${where} parameter "${name}"${which}: ${first.message}` : first.message;
  throw errors.badRequest(message, { issues });
}
