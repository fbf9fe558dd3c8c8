import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Card numbers (PANs) are never stored, returned or logged: a card is known by an HMAC of its number (so the same
 * card supplied by two organisations links up), plus the BIN and last four digits that investigators quote.
 * Errors here never echo the input, because the input is the secret.
 */

export type CardScheme = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'unknown';

export interface ProtectedPan {
  /** HMAC-SHA256 of the digits, hex, keyed with MONEYTRAIL_PAN_KEY */
  panHash: string;
  /** first six digits (issuer identification) */
  bin: string;
  last4: string;
  scheme: CardScheme;
}

export class InvalidPanError extends Error {
  override name = 'InvalidPanError';
}

/** Luhn (mod 10) check over a string of digits; spaces and dashes between digit groups are ignored. */
export function luhnValid(pan: string): boolean {
  const digits = pan.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) return false;
  return luhnSum(digits) % 10 === 0;
}

function luhnSum(digits: string): number {
  let sum = 0;
  // Double every second digit counting from the right-most (the check digit itself is not doubled).
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** The digit that makes `partial` + digit Luhn-valid: lets synthetic data build valid numbers at run time. */
export function luhnCheckDigit(partial: string): string {
  if (!/^\d+$/.test(partial)) throw new InvalidPanError('a partial card number must be digits only');
  return String((10 - (luhnSum(`${partial}0`) % 10)) % 10);
}

export function cardScheme(digits: string): CardScheme {
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return 'visa';
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'mastercard';
  if (two === 34 || two === 37) return 'amex';
  if (digits.startsWith('6011') || digits.startsWith('65') || (four >= 6440 && four <= 6499)) return 'discover';
  if (four >= 3528 && four <= 3589) return 'jcb';
  return 'unknown';
}

export function protectPan(pan: string, key: string): ProtectedPan {
  if (!key) throw new InvalidPanError('no PAN key: set MONEYTRAIL_PAN_KEY');
  const digits = pan.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) throw new InvalidPanError('not a card number: expected 12 to 19 digits');
  if (luhnSum(digits) % 10 !== 0) throw new InvalidPanError('not a card number: the Luhn check digit is wrong');
  return {
    panHash: createHmac('sha256', key).update(digits).digest('hex'),
    bin: digits.slice(0, 6),
    last4: digits.slice(-4),
    scheme: cardScheme(digits),
  };
}

/**
 * The PAN key: MONEYTRAIL_PAN_KEY when set, else `<home>/pan-key`, created with a random key (mode 0600) on first
 * use. Losing the key means new imports no longer link to cards already in the graph, so it is kept, not rotated.
 */
/**
 * The card-number key, read (or created) on first use: the explicit key, else MONEYTRAIL_PAN_KEY, else
 * <home>/pan-key. Routes that seldom need it (imports, a card number searched for) share one resolver.
 */
export function panKeyResolver(explicit: string | undefined, home: () => string): () => string {
  let key = explicit ?? null;
  return () => (key ??= loadOrCreatePanKey(home()));
}

export function loadOrCreatePanKey(home: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.MONEYTRAIL_PAN_KEY?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(home, 'pan-key');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(home, { recursive: true });
  const key = randomBytes(32).toString('hex');
  try {
    // 'wx' so two processes starting at once cannot overwrite each other's key.
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw err;
  }
  chmodSync(file, 0o600); // the umask may have widened the mode given to writeFileSync
  return key;
}

/** 13 to 19 digits, alone or in groups split by single spaces or dashes (or + in a URL), as people write card numbers. */
const PAN_LIKE = /(?<![\d-])\d(?:[ +-]?\d){12,18}(?![\d-])/g;

/**
 * Keeps only the BIN and last 4 of anything that looks like a card number, for text that is logged or audited
 * (a search box, a file name, a partner's free text): "4111 1111 1111 1111" becomes "411111…1111".
 */
export function maskPans(text: string): string {
  return text.replace(PAN_LIKE, (m) => {
    const digits = m.replace(/\D/g, '');
    return `${digits.slice(0, 6)}…${digits.slice(-4)}`;
  });
}

/** maskPans applied to every string inside a JSON-like value (audit parameters), numbers left alone. */
export function maskPansDeep<T>(value: T): T {
  if (typeof value === 'string') return maskPans(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskPansDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPansDeep(v)])) as T;
  return value;
}
