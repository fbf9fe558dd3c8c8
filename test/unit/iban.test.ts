import { describe, expect, it } from 'vitest';
import { InvalidIbanError, formatIban, ibanValid, makeIban, normaliseIban } from '../../server/domain/iban.js';

// Published example IBANs (SWIFT registry / bank documentation examples).
const VALID = [
  'GB82 WEST 1234 5698 7654 32',
  'DE89 3704 0044 0532 0130 00',
  'NL91 ABNA 0417 1643 00',
  'FR14 2004 1010 0505 0001 3M02 606',
  'BE68 5390 0754 7034',
  'IE29 AIBK 9311 5212 3456 78',
  'CH93 0076 2011 6238 5295 7',
  'NO93 8601 1117 947',
];

describe('IBAN', () => {
  it('normalises to upper case without spaces, and prints in groups of four', () => {
    expect(normaliseIban(' gb82 west 1234 5698 7654 32 ')).toBe('GB82WEST12345698765432');
    expect(formatIban('gb82west12345698765432')).toBe('GB82 WEST 1234 5698 7654 32');
  });

  it('accepts the published examples', () => {
    for (const iban of VALID) expect(ibanValid(iban), iban).toBe(true);
  });

  it('rejects a changed digit, swapped characters, a wrong length and junk', () => {
    expect(ibanValid('GB82WEST12345698765431')).toBe(false);
    expect(ibanValid('GB82WEST12345698765423')).toBe(false);
    expect(ibanValid('GB28WEST12345698765432')).toBe(false); // check digits swapped
    expect(ibanValid('GB82WEST1234569876543')).toBe(false); // 21 characters, GB has 22
    expect(ibanValid('DE89370400440532013000X')).toBe(false);
    expect(ibanValid('hello')).toBe(false);
    expect(ibanValid('')).toBe(false);
  });

  it('makeIban computes the check digits (mod 97)', () => {
    expect(makeIban('GB', 'WEST12345698765432')).toBe('GB82WEST12345698765432');
    expect(makeIban('de', '370400440532013000')).toBe('DE89370400440532013000');
    expect(makeIban('NL', 'ABNA0417164300')).toBe('NL91ABNA0417164300');
    expect(makeIban('BE', '539007547034')).toBe('BE68539007547034');
    // Check digits below 10 are zero-padded.
    const padded = Array.from({ length: 300 }, (_, i) => makeIban('NL', `TEST${String(i).padStart(10, '0')}`)).find((x) => x.slice(2, 4).startsWith('0'));
    expect(padded).toBeDefined();
    expect(ibanValid(padded!)).toBe(true);
  });

  it('makeIban refuses a BBAN of the wrong length for the country', () => {
    expect(() => makeIban('GB', 'WEST1234569876543')).toThrow(InvalidIbanError);
    expect(() => makeIban('GB', 'WEST1234569876543')).toThrow(/GB IBAN has 22 characters/);
    expect(() => makeIban('G1', 'WEST12345698765432')).toThrow(/two letters/);
  });
});
