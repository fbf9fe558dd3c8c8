/**
 * IBANs (ISO 13616): normalisation, validation (ISO 7064 mod 97-10) and construction from a BBAN.
 * The uid of a bank account is "acct:iban:<normalised IBAN>", so every source must normalise the same way.
 */

/** IBAN length per country, from the SWIFT IBAN registry; other countries get the generic 15–34 check. */
const IBAN_LENGTH: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31,
  MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24,
  SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

export class InvalidIbanError extends Error {
  override name = 'InvalidIbanError';
}

/** No spaces (or other separators), upper case. */
export function normaliseIban(iban: string): string {
  return iban.replace(/[\s\-.]/g, '').toUpperCase();
}

/** Groups of four, the way IBANs are printed: "GB82 WEST 1234 5698 7654 32". */
export function formatIban(iban: string): string {
  return normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/** Remainder mod 97 of the number spelled by letters→10..35 and digits, without big integers. */
function mod97(text: string): number {
  let rem = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rem = value >= 10 ? (rem * 100 + value) % 97 : (rem * 10 + value) % 97;
  }
  return rem;
}

export function ibanValid(iban: string): boolean {
  const s = normaliseIban(iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const expected = IBAN_LENGTH[s.slice(0, 2)];
  if (expected !== undefined && s.length !== expected) return false;
  return mod97(s.slice(4) + s.slice(0, 4)) === 1;
}

/** Builds the IBAN for a BBAN, computing the two check digits. */
export function makeIban(country: string, bban: string): string {
  const cc = country.toUpperCase();
  const body = normaliseIban(bban);
  if (!/^[A-Z]{2}$/.test(cc)) throw new InvalidIbanError('an IBAN country is two letters');
  if (!/^[A-Z0-9]{11,30}$/.test(body)) throw new InvalidIbanError('a BBAN is 11 to 30 letters or digits');
  const expected = IBAN_LENGTH[cc];
  if (expected !== undefined && body.length + 4 !== expected) {
    throw new InvalidIbanError(`a ${cc} IBAN has ${expected} characters, so its BBAN has ${expected - 4}`);
  }
  const check = 98 - mod97(`${body}${cc}00`);
  return `${cc}${String(check).padStart(2, '0')}${body}`;
}
