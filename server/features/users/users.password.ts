import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm is an ambient const enum (not importable as a value here); 2 is Algorithm.Argon2id.
const ARGON2ID = 2 as Algorithm;

/**
 * Passwords: argon2id with OWASP's baseline cost (19 MiB, 2 passes). Only the encoded hash is stored; it
 * carries its own salt and parameters, so the cost can be raised later without invalidating old hashes.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified against when the e-mail is unknown so both cases take the same time. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('moneytrail-no-such-user-timing-guard');
  return dummy;
}

/** Why a password is not acceptable, or null. Length over composition rules (NIST SP 800-63B). */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'a password is at most 256 characters';
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0]!)) return 'a password must not contain the e-mail name';
  return null;
}
