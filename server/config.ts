import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const port = (name: string, dflt: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be between 1 and 65535`)
    .max(65535, `${name} must be between 1 and 65535`)
    .default(dflt);

const memory = (name: string, dflt: string) =>
  z
    .string()
    .regex(/^\d+[kmgKMG]?$/, `${name} must look like 512m or 2g`)
    .default(dflt);

const envSchema = z
  .object({
    PORT: port('PORT', 8080),
    HOST: z.string().default('127.0.0.1'),
    MONEYTRAIL_HOME: z.string().default(path.join(REPO_ROOT, '.moneytrail')),
    NEO4J_URI: z
      .string()
      .regex(/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/.+/, 'NEO4J_URI must start with bolt://, neo4j:// or neo4j+s://')
      .optional(),
    NEO4J_USER: z.string().default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().optional(),
    NEO4J_BOLT_PORT: port('NEO4J_BOLT_PORT', 7687),
    NEO4J_HEAP: memory('NEO4J_HEAP', '1g'),
    NEO4J_PAGECACHE: memory('NEO4J_PAGECACHE', '512m'),
    MONEYTRAIL_PAN_KEY: z.string().min(16, 'MONEYTRAIL_PAN_KEY must be at least 16 characters').optional(),
    MONEYTRAIL_SEED: z.enum(['small', 'medium', 'large', 'none']).default('small'),
    /** stored and ad-hoc analyst queries (features/queries): default timeout, row limit, runs at once */
    QUERY_TIMEOUT_SECONDS: z.coerce.number({ error: 'QUERY_TIMEOUT_SECONDS must be a number' }).positive('QUERY_TIMEOUT_SECONDS must be more than 0').max(3600, 'QUERY_TIMEOUT_SECONDS must be at most 3600').default(10),
    QUERY_ROW_LIMIT: z.coerce.number({ error: 'QUERY_ROW_LIMIT must be a number' }).int('QUERY_ROW_LIMIT must be a whole number').min(1, 'QUERY_ROW_LIMIT must be at least 1').max(1_000_000, 'QUERY_ROW_LIMIT must be at most 1000000').default(5000),
    QUERY_CONCURRENCY: z.coerce.number({ error: 'QUERY_CONCURRENCY must be a number' }).int('QUERY_CONCURRENCY must be a whole number').min(1, 'QUERY_CONCURRENCY must be at least 1').max(64, 'QUERY_CONCURRENCY must be at most 64').default(4),
    /** first start only: the first admin (there is no default password); see README § Access and audit */
    MONEYTRAIL_ADMIN_EMAIL: z.string().email('MONEYTRAIL_ADMIN_EMAIL must be an e-mail address').optional(),
    MONEYTRAIL_ADMIN_PASSWORD: z.string().min(12, 'MONEYTRAIL_ADMIN_PASSWORD must be at least 12 characters').optional(),
    MONEYTRAIL_ADMIN_ORG: z.string().regex(/^org:.+/, 'MONEYTRAIL_ADMIN_ORG must be an Organisation uid like org:tideway-cyber-unit').optional(),
    /** a session not used for this many minutes ends (sliding), besides its absolute lifetime */
    SESSION_IDLE_MINUTES: z.coerce.number({ error: 'SESSION_IDLE_MINUTES must be a number' }).int('SESSION_IDLE_MINUTES must be a whole number').min(1, 'SESSION_IDLE_MINUTES must be at least 1').max(1440, 'SESSION_IDLE_MINUTES must be at most 1440').default(30),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.string().default('development'),
  })
  .refine((e) => !e.MONEYTRAIL_ADMIN_EMAIL === !e.MONEYTRAIL_ADMIN_PASSWORD, {
    message: 'set MONEYTRAIL_ADMIN_EMAIL and MONEYTRAIL_ADMIN_PASSWORD together',
    path: ['MONEYTRAIL_ADMIN_PASSWORD'],
  })
  .refine((e) => !e.NEO4J_URI || e.NEO4J_PASSWORD !== undefined, {
    message: 'NEO4J_PASSWORD must be set when NEO4J_URI is set',
    path: ['NEO4J_PASSWORD'],
  });

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Parses the environment once, at boot; a bad value stops the app with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.') || 'environment'}: ${issue.message}`);
  }
  return parsed.data;
}
