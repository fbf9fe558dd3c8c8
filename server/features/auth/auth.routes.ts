import { Router, type CookieOptions, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import { access } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { ANY_ROLE } from '../../domain/roles.js';
import { parseInput } from '../../http/validate.js';
import { AppError } from '../../errors.js';
import { SESSION_COOKIE, type AuthService } from './auth.service.js';
import { changePasswordSchema, loginSchema, type SessionResponse } from './auth.schemas.js';
import { sessionOf } from './session.middleware.js';

function cookieOptions(req: Request, expires?: Date): CookieOptions {
  // Secure whenever the request came over TLS (directly or via a trusted proxy's X-Forwarded-Proto).
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', ...(expires ? { expires } : {}) };
}

export interface LoginLimit {
  /** failed sign-ins per client address per window, on top of the per-account lock kept in Neo4j */
  limit: number;
  windowMinutes: number;
}

export function authRoutes(auth: AuthService, loginLimit: LoginLimit = { limit: 20, windowMinutes: 15 }): Router {
  const router = Router();
  // Per-address throttle (per instance); the account lock that holds across instances lives in Neo4j.
  const limiter = rateLimit({
    windowMs: loginLimit.windowMinutes * 60_000,
    limit: loginLimit.limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('too_many_requests', 429, 'too many failed sign-ins from your address: wait a few minutes')),
  });

  router.get('/auth/session', access({ public: true }), (req, res) => {
    const user = req.user;
    const body: SessionResponse = user
      ? {
          user: { id: user.id, email: user.email, role: user.role, organisationId: user.organisationId, organisationName: user.organisationName ?? null, lawEnforcement: user.lawEnforcement === true },
          csrfToken: sessionOf(req)?.csrfToken ?? null,
        }
      : { user: null, csrfToken: null };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/auth/login', access({ public: true }), limiter, async (req, res) => {
    const emailTried = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase().slice(0, 254) : null;
    auditWith(res, { action: 'auth.login', target: emailTried, actor: emailTried ? { id: null, email: emailTried } : null });
    const { email, password } = parseInput(loginSchema, req.body, 'body');
    const signedIn = await auth.login(email, password, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
    req.user = signedIn.user;
    auditWith(res, { action: 'auth.login', target: signedIn.user.email });
    res.cookie(SESSION_COOKIE, signedIn.sessionId, cookieOptions(req, new Date(signedIn.expiresAt)));
    res.json({ user: signedIn.user, csrfToken: signedIn.csrfToken });
  });

  router.post('/auth/logout', access({ roles: ANY_ROLE }), async (req, res) => {
    const session = sessionOf(req);
    if (session) await auth.logout(session.sessionId);
    auditWith(res, { action: 'auth.logout' });
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.json({ signedOut: true });
  });

  router.post('/auth/password', access({ roles: ANY_ROLE }), async (req, res) => {
    auditWith(res, { action: 'auth.password-change' });
    const { currentPassword, newPassword } = parseInput(changePasswordSchema, req.body, 'body');
    await auth.changePassword(req.user!.id, currentPassword, newPassword, sessionOf(req)!.idHash);
    res.json({ changed: true });
  });

  return router;
}
