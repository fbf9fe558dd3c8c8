import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../../errors.js';
import { SESSION_COOKIE, sameToken, type AuthService } from './auth.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionLocals {
  sessionId: string;
  idHash: string;
  csrfToken: string;
}

export function sessionOf(req: Request): SessionLocals | undefined {
  return (req as Request & { session?: SessionLocals }).session;
}

function cookieValue(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * Resolves the session cookie to req.user on every API request (one indexed read in Neo4j, so any instance
 * can serve any user). A cookie that no longer matches a session is ignored: the request is anonymous.
 */
export function sessionMiddleware(auth: AuthService, logger: Logger): RequestHandler {
  return async (req, _res, next) => {
    const sessionId = cookieValue(req, SESSION_COOKIE);
    if (!sessionId) return next();
    try {
      const active = await auth.resume(sessionId);
      if (active) {
        req.user = active.user;
        (req as Request & { session?: SessionLocals }).session = { sessionId, idHash: active.idHash, csrfToken: active.csrfToken };
      }
      next();
    } catch (err) {
      logger.error({ err }, 'session look-up failed');
      next(err);
    }
  };
}

/**
 * CSRF: a signed-in state-changing request must echo the session's token in x-csrf-token (the client reads it
 * from GET /api/auth/session). A cross-site page can make the browser send the cookie but cannot read the token.
 * Anonymous state-changing requests (only sign-in is allowed) are JSON-only, which a cross-site form cannot send.
 */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const session = sessionOf(req);
  if (!session) {
    // a stale or forged cookie on a state-changing request: refuse rather than silently act anonymously
    if (cookieValue(req, SESSION_COOKIE) && !req.path.startsWith('/auth/login'))
      return next(new AppError('session_expired', 401, 'your session has ended: sign in again'));
    return next();
  }
  const sent = req.get('x-csrf-token');
  if (!sent || !sameToken(sent, session.csrfToken))
    return next(new AppError('csrf_failed', 403, 'this request is missing its CSRF token: reload the page and try again'));
  next();
};

/** JSON-only API: a state-changing request with a body must send application/json (uploads: multipart/form-data). */
export const jsonOnly: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return next();
  if (req.is('application/json') || req.is('multipart/form-data')) return next();
  next(new AppError('unsupported_media_type', 415, 'send the request body as JSON (Content-Type: application/json)'));
};
