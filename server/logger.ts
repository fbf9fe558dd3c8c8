import pino, { type Logger } from 'pino';
import { maskPans } from './domain/pan.js';

/**
 * Structured logs. Secrets and anything that may hold a card number are redacted by path, and a last-resort
 * serializer masks digit runs that look like a PAN in messages (a partner file can put one anywhere).
 */
export { maskPans };

export function createLogger(level: string, pretty = process.stdout.isTTY === true): Logger {
  return pino({
    level,
    redact: {
      paths: ['password', '*.password', 'pan', '*.pan', 'req.headers.authorization', 'req.headers.cookie', 'NEO4J_PASSWORD', 'MONEYTRAIL_PAN_KEY'],
      censor: '[redacted]',
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskPans(a) : a)) as Parameters<typeof method>);
      },
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,req,res,responseTime', translateTime: 'HH:MM:ss' } } } : {}),
  });
}
