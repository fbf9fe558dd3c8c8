import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';
import type { Role } from '../domain/roles.js';
import type { Viewer } from '../domain/need-to-know.js';

/**
 * Every API route declares who may call it with access(...) as its first handler; the server enforces it (the
 * UI hiding a button is not access control). The policy is attached to the handler so the permission-matrix
 * test can list every route and fail on one that declares nothing.
 */
export type AccessPolicy = { readonly public: true } | { readonly roles: readonly Role[] };

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
  /** the user's organisation is law enforcement (set by the session middleware; need-to-know) */
  lawEnforcement?: boolean;
  organisationName?: string | null;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** set by the session middleware when the request carries a valid session */
      user?: SessionUser;
    }
  }
}

export const ACCESS_POLICY = Symbol.for('moneytrail.access-policy');
export type AccessHandler = RequestHandler & { [ACCESS_POLICY]: AccessPolicy };

export function access(policy: AccessPolicy): AccessHandler {
  const handler: RequestHandler = (req, _res, next) => {
    if ('public' in policy) return next();
    if (!req.user) return next(new AppError('unauthenticated', 401, 'sign in to use MoneyTrail'));
    if (!policy.roles.includes(req.user.role))
      return next(new AppError('forbidden', 403, `your role (${req.user.role}) may not do this`));
    next();
  };
  return Object.assign(handler, { [ACCESS_POLICY]: policy });
}

export function policyOf(handler: unknown): AccessPolicy | undefined {
  return (handler as Partial<AccessHandler> | undefined)?.[ACCESS_POLICY];
}

/**
 * Who is looking, for the need-to-know rule (server/domain/need-to-know.ts): pass it to Cypher as $viewer.
 * Only call it behind access({ roles }), where a user is guaranteed.
 */
export function viewerOf(req: { user?: SessionUser | undefined }): Viewer {
  if (!req.user) throw new AppError('unauthenticated', 401, 'sign in to use MoneyTrail');
  return { organisationId: req.user.organisationId, lawEnforcement: req.user.lawEnforcement === true, role: req.user.role };
}
