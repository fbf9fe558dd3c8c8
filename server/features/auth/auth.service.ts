import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, errors } from '../../errors.js';
import type { SessionUser } from '../../http/access.js';
import { isLawEnforcementKind } from '../../domain/need-to-know.js';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from '../users/users.password.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { SessionsRepository } from './sessions.repository.js';

export const SESSION_COOKIE = 'moneytrail_session';

export interface AuthPolicy {
  /** failed sign-ins in a row that lock an account */
  maxFailures: number;
  lockMinutes: number;
  /** absolute lifetime of a session */
  sessionHours: number;
  /** a session not used for this long ends (sliding: every use extends it) */
  idleMinutes: number;
}
export const DEFAULT_AUTH_POLICY: AuthPolicy = { maxFailures: 5, lockMinutes: 15, sessionHours: 12, idleMinutes: 30 };

/** the idle clock is written at most this often, so not every request costs a write */
const TOUCH_EVERY_MS = 60_000;

export interface SignedIn {
  /** the random id for the cookie; only its hash is stored */
  sessionId: string;
  csrfToken: string;
  user: SessionUser;
  expiresAt: string;
}

export interface ActiveSession {
  user: SessionUser & { lawEnforcement: boolean; organisationName: string | null };
  csrfToken: string;
  idHash: string;
}

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex');

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const invalid = () => new AppError('invalid_credentials', 401, 'the e-mail address or the password is wrong');

/**
 * Local accounts. Sign-in is one method (password) behind sessions that are method-agnostic: an OpenID Connect
 * callback would call startSession(user) after resolving the user from the ID token, and everything after
 * that (cookie, CSRF, roles, audit) stays the same. See README § Access and audit.
 */
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly policy: AuthPolicy = DEFAULT_AUTH_POLICY,
  ) {}

  async login(emailInput: string, password: string, from: { ip: string | null; userAgent: string | null }): Promise<SignedIn> {
    const email = emailInput.trim().toLowerCase();
    const found = await this.users.byEmail(email);
    if (!found) {
      await verifyPassword(await dummyHash(), password);
      throw invalid();
    }
    const { user } = found;
    const now = new Date();
    if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
      const minutes = Math.max(1, Math.ceil((Date.parse(user.lockedUntil) - now.getTime()) / 60_000));
      throw new AppError('account_locked', 423, `too many failed sign-ins: this account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'} (an admin can unlock it by setting a new password)`);
    }
    const ok = await verifyPassword(user.passwordHash, password);
    if (!ok) {
      const lockUntil = new Date(now.getTime() + this.policy.lockMinutes * 60_000).toISOString();
      const after = await this.users.loginFailed(user.id, this.policy.maxFailures, lockUntil);
      if (after.lockedUntil && after.lockedUntil > now.toISOString())
        throw new AppError('account_locked', 423, `too many failed sign-ins: this account is now locked for ${this.policy.lockMinutes} minutes`);
      throw invalid();
    }
    if (user.disabled) throw new AppError('account_disabled', 403, 'this account is disabled: ask an admin');
    await this.users.loginSucceeded(user.id, now.toISOString());
    await this.purgeExpired();
    return this.startSession({ id: user.id, email: user.email, role: user.role, organisationId: user.organisationId }, from);
  }

  /** Any sign-in method ends here. */
  async startSession(user: SessionUser, from: { ip: string | null; userAgent: string | null }): Promise<SignedIn> {
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.policy.sessionHours * 3_600_000).toISOString();
    await this.sessions.create({ idHash: hashSessionId(sessionId), userId: user.id, csrfToken, now: now.toISOString(), expiresAt, ip: from.ip, userAgent: from.userAgent?.slice(0, 300) ?? null });
    return { sessionId, csrfToken, user, expiresAt };
  }

  async resume(sessionId: string): Promise<ActiveSession | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(sessionId)) return null;
    const idHash = hashSessionId(sessionId);
    const now = new Date();
    const row = await this.sessions.find(idHash, now.toISOString(), this.idleCutoff(now));
    if (!row) return null;
    if (now.getTime() - Date.parse(row.lastSeenAt) >= TOUCH_EVERY_MS) await this.sessions.touch(idHash, now.toISOString());
    return {
      idHash,
      csrfToken: row.csrfToken,
      user: { ...row.user, lawEnforcement: isLawEnforcementKind(row.organisationKind), organisationName: row.organisationName },
    };
  }

  private idleCutoff(now: Date): string {
    return new Date(now.getTime() - this.policy.idleMinutes * 60_000).toISOString();
  }

  /** Removes sessions past their lifetime or idle timeout (run at sign-in and on a timer); returns how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    return this.sessions.purgeExpired(now.toISOString(), this.idleCutoff(now));
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.delete(hashSessionId(sessionId));
  }

  /** The signed-in user changes their own password; every other session of theirs ends. */
  async changePassword(userId: string, currentPassword: string, newPassword: string, keepIdHash: string): Promise<void> {
    const user = await this.users.byId(userId);
    if (!user) throw errors.notFound('your account');
    if (!(await verifyPassword(user.passwordHash, currentPassword)))
      throw new AppError('invalid_credentials', 400, 'body parameter "currentPassword": the current password is wrong');
    const problem = passwordProblem(newPassword, user.email);
    if (problem) throw errors.badRequest(`body parameter "newPassword": ${problem}`);
    await this.users.setPassword(userId, await hashPassword(newPassword), new Date().toISOString());
    await this.users.endSessions(userId, keepIdHash);
  }
}
