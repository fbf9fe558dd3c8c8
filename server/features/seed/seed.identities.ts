/**
 * Makes the synthetic identifiers: names, e-mail addresses, phone numbers, IP addresses, IBANs, cards, wallets.
 * Anything that must be unique (IBANs, card numbers, wallet ids) comes from a counter pushed through a seeded
 * bijection rather than from raw randomness, so a million of them never collide and the output stays reproducible.
 */
import { Faker, base, de, en, en_GB, en_IE, en_US, es, fr, it, nl, pl, sv } from '@faker-js/faker';
import type { LocaleDefinition } from '@faker-js/faker';
import { formatIban, makeIban } from '../../domain/iban.js';
import { luhnCheckDigit, protectPan } from '../../domain/pan.js';
import type { ProtectedPan } from '../../domain/pan.js';
import type { Rng } from '../../domain/rng.js';
import {
  EMAIL_DOMAINS,
  FICTIONAL_PHONE_RANGES,
  ORGANISATIONS,
  SERVER_IPV4_PREFIXES,
  TEST_BINS,
  USER_IPV4_PREFIX,
} from './seed.catalogue.js';
import type { OrgDef } from './seed.catalogue.js';
import { ascii } from './seed.rows.js';

const LOCALES: Readonly<Record<string, LocaleDefinition[]>> = {
  DE: [de, en, base],
  NL: [nl, en, base],
  GB: [en_GB, en, base],
  FR: [fr, en, base],
  IE: [en_IE, en, base],
  ES: [es, en, base],
  IT: [it, en, base],
  PL: [pl, en, base],
  SE: [sv, en, base],
  US: [en_US, en, base],
};

export function orgByKey(key: string): OrgDef {
  const org = ORGANISATIONS.find((o) => o.key === key);
  if (!org) throw new Error(`unknown organisation ${key}`);
  return org;
}
export const orgUid = (key: string): string => `org:${key}`;

/** x → (x·a + b) mod m with gcd(a, m) = 1: a permutation of 0..m-1, so distinct counters give distinct numbers. */
function scrambler(rng: Rng, modulus: number): (x: number) => number {
  let a = rng.int(Math.floor(modulus / 10), modulus - 1);
  while (gcd(a, modulus) !== 1) a++;
  const b = rng.int(0, modulus - 1);
  return (x) => Number((BigInt(x) * BigInt(a) + BigInt(b)) % BigInt(modulus));
}
function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export interface Card extends ProtectedPan {
  schemeOrg: string;
}

export class Identities {
  private readonly fakers = new Map<string, Faker>();
  private readonly ibanNumber: (x: number) => number;
  private readonly panBody: (x: number) => number;
  private readonly walletNumber: (x: number) => number;
  private ibanCount = 0;
  private cardCount = 0;
  private walletCount = 0;
  private emailCount = 0;
  private phoneCount = 0;
  private userIpCount = 0;
  private buyerIpCount = 0;
  private serverIpCount = 0;

  constructor(
    private readonly rng: Rng,
    private readonly panKey: string,
  ) {
    this.ibanNumber = scrambler(rng.fork('iban'), 1e10);
    this.panBody = scrambler(rng.fork('pan'), 1e9);
    this.walletNumber = scrambler(rng.fork('wallet'), 36 ** 8);
  }

  private faker(country: string): Faker {
    let f = this.fakers.get(country);
    if (!f) {
      f = new Faker({ locale: LOCALES[country] ?? [en, base] });
      f.seed(this.rng.fork(`faker:${country}`).nextUint32());
      this.fakers.set(country, f);
    }
    return f;
  }

  person(country: string): { name: string; first: string; last: string } {
    const f = this.faker(country);
    const first = f.person.firstName();
    const last = f.person.lastName();
    return { name: `${first} ${last}`, first, last };
  }

  /** first.last.N@example.*: the counter keeps addresses unique however many people there are. */
  email(first: string, last: string, rng: Rng): string {
    const slug = (s: string) => ascii(s).toLowerCase().replace(/[^a-z]/g, '');
    const n = ++this.emailCount;
    const local = rng.chance(0.5) ? `${slug(first)}.${slug(last)}${n}` : `${slug(first).slice(0, 1)}${slug(last)}.${n}`;
    return `${local}@${rng.pick(EMAIL_DOMAINS)}`;
  }

  handleEmail(handle: string, rng: Rng): string {
    return `${handle}.${++this.emailCount}@${rng.pick(EMAIL_DOMAINS)}`;
  }

  /** Next unused drama number, or null once the reserved ranges are used up (phones are optional). */
  phone(): { e164: string; national: string } | null {
    let n = this.phoneCount;
    for (const range of FICTIONAL_PHONE_RANGES) {
      if (n < range.size) {
        this.phoneCount++;
        const tail = String(n).padStart(String(range.size - 1).length, '0');
        return { e164: `${range.prefix}${tail}`, national: `${range.national}${tail}` };
      }
      n -= range.size;
    }
    return null;
  }

  /** People's connections: 203.0.113.0/24 while it lasts, then 2001:db8:ffff::/48. */
  userIp(): string {
    const n = ++this.userIpCount;
    return n <= 254 ? `${USER_IPV4_PREFIX}${n}` : `2001:db8:ffff::${(n - 254).toString(16)}`;
  }

  /** Buyers' home connections: unique addresses in 2001:db8:8000::/33. */
  buyerIp(): string {
    const n = this.buyerIpCount++;
    return `2001:db8:${(0x8000 + Math.floor(n / 0xffff)).toString(16)}:${((n % 0xffff) + 1).toString(16)}::1`;
  }

  /** Server addresses: the two RFC 5737 server blocks, then 2001:db8:a000::/36. */
  serverIp(): string {
    const n = this.serverIpCount++;
    const block = Math.floor(n / 254);
    const prefix = SERVER_IPV4_PREFIXES[block];
    return prefix ? `${prefix}${(n % 254) + 1}` : `2001:db8:a000::${(n - 254 * SERVER_IPV4_PREFIXES.length + 1).toString(16)}`;
  }

  /** IBAN at one of the fictional banks (NL, IE or GB layout). */
  iban(bankKey: string): { iban: string; printed: string; bic: string; country: string; bank: string } {
    const bank = orgByKey(bankKey);
    if (!bank.bankCode) throw new Error(`${bankKey} is not a bank`);
    const number = String(this.ibanNumber(this.ibanCount++)).padStart(10, '0');
    // IE and GB: bank code, six-digit sort code, eight-digit account; NL: bank code, ten-digit account.
    const bban = bank.country === 'NL' ? `${bank.bankCode}${number}` : `${bank.bankCode}90${number.slice(0, 4)}${number.slice(2)}`;
    const iban = makeIban(bank.country, bban);
    return { iban, printed: formatIban(iban), bic: `${bank.bankCode}${bank.country}2X`, country: bank.country, bank: bank.name };
  }

  /** A Luhn-valid test-BIN card, protected at once: the clear number never leaves this function. */
  card(): Card {
    const n = this.cardCount++;
    const test = TEST_BINS[n % TEST_BINS.length]!;
    const partial = `${test.bin}${String(this.panBody(Math.floor(n / TEST_BINS.length))).padStart(9, '0')}`;
    return { ...protectPan(partial + luhnCheckDigit(partial), this.panKey), schemeOrg: test.schemeOrg };
  }

  walletId(providerCode: string): string {
    return `${providerCode.toLowerCase()}-${this.walletNumber(this.walletCount++).toString(36).padStart(8, '0')}`;
  }
}
