/**
 * One validator-normaliser per column type. Each returns the normalised value or a reason in plain words (never
 * the card number itself). Values are JSON-plain except dates and instants, which are tagged so the repository
 * can store them as Neo4j temporals.
 */
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { ibanValid, normaliseIban } from '../../domain/iban.js';
import { InvalidPanError, luhnValid, protectPan, type ProtectedPan } from '../../domain/pan.js';
import type { ColumnSpec } from './import.mapping.js';
import { countryCode, countryName } from './import.countries.js';

export class DateValue {
  constructor(readonly iso: string) {}
}
export class InstantValue {
  constructor(readonly iso: string) {}
}
export interface CardValue extends ProtectedPan {
  kind: 'card';
}
export interface CountryValue {
  kind: 'country';
  code: string;
  name: string;
}
export type FieldValue = string | number | DateValue | InstantValue | CardValue | CountryValue;
export type FieldResult = { ok: true; value: FieldValue | null } | { ok: false; reason: string };

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ok = (value: FieldValue | null): FieldResult => ({ ok: true, value });
const bad = (reason: string): FieldResult => ({ ok: false, reason });

/** "12,345.60", "5.689852347E7" → number; null when the text is not a plain decimal number. */
function parseNumber(text: string): number | null {
  const t = text.replace(/(?<=\d),(?=\d{3}(\D|$))/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 31 June and the like
  return dt.toISOString().slice(0, 10);
}

export function parseDate(text: string, format: NonNullable<ColumnSpec['format']>): string | null {
  let m: RegExpExecArray | null;
  switch (format) {
    case 'YYYY-MM-DD':
      m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
      return m ? validDate(+m[1]!, +m[2]!, +m[3]!) : null;
    case 'MMM D, YYYY': {
      m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(text);
      const month = m ? MONTHS.indexOf(m[1]!.toLowerCase()) + 1 : 0;
      return m && month ? validDate(+m[3]!, month, +m[2]!) : null;
    }
    case 'DD/MM/YYYY':
    case 'DD.MM.YYYY':
      m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
      return m ? validDate(+m[3]!, +m[2]!, +m[1]!) : null;
    case 'MM/DD/YYYY':
      m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
      return m ? validDate(+m[3]!, +m[1]!, +m[2]!) : null;
  }
}

/** ISO 8601 instant; a time without a zone is taken as UTC. */
export function parseInstant(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return null;
  if (!validDate(+text.slice(0, 4), +text.slice(5, 7), +text.slice(8, 10))) return null;
  const d = new Date(`${m[1]}T${m[2]}${m[3] ?? 'Z'}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const LABEL_RE = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
export function normaliseDomain(text: string): string | null {
  let t = text.trim().toLowerCase().replace(/\.$/, '');
  t = t.replace(/^[a-z]+:\/\//, '').replace(/[/?#].*$/, '');
  if (t.startsWith('www.')) t = t.slice(4);
  const ascii = domainToASCII(t);
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL_RE.test(l)) || /^\d+$/.test(labels.at(-1)!)) return null;
  return ascii;
}

export function normaliseEmail(text: string): string | null {
  const t = text.trim().toLowerCase();
  const m = /^([a-z0-9.!#$%&'*+/=?^_`{|}~-]+)@([^@\s]+)$/.exec(t);
  if (!m || m[1]!.startsWith('.') || m[1]!.endsWith('.') || m[1]!.includes('..')) return null;
  const domain = normaliseDomain(m[2]!);
  return domain ? `${m[1]}@${domain}` : null;
}

/** What a report may show of a card number: BIN and last four, never the middle digits. */
export function maskCard(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 10) return digits.length ? '•'.repeat(digits.length) : '';
  return `${digits.slice(0, 6)}…${digits.slice(-4)}`;
}

export function normaliseField(raw: string, spec: ColumnSpec, panKey: string): FieldResult {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return spec.required ? bad('is required but empty') : ok(null);
  switch (spec.type) {
    case 'string':
      return ok(text);
    case 'wallet':
      return /^[\w.@:+-]{3,128}$/.test(text) ? ok(text) : bad(`"${text.slice(0, 40)}" is not an e-wallet id (letters, digits and . @ : + - _ only)`);
    case 'integer': {
      const n = parseNumber(text);
      return n !== null && Number.isInteger(n) ? ok(n) : bad(`"${text.slice(0, 40)}" is not a whole number`);
    }
    case 'number': {
      const n = parseNumber(text);
      return n !== null ? ok(n) : bad(`"${text.slice(0, 40)}" is not a number`);
    }
    case 'amount': {
      const n = parseNumber(text);
      if (n === null) return bad(`"${text.slice(0, 40)}" is not an amount (write digits with a decimal point, e.g. 1250.00)`);
      if (n < 0) return bad(`${text} is negative; amounts are positive (the direction is given by sender and receiver)`);
      return ok(Math.round(n * 100) / 100);
    }
    case 'date': {
      const iso = parseDate(text, spec.format ?? 'YYYY-MM-DD');
      return iso ? ok(new DateValue(iso)) : bad(`"${text.slice(0, 40)}" is not a date in the form ${spec.format ?? 'YYYY-MM-DD'}`);
    }
    case 'datetime': {
      const iso = parseInstant(text);
      return iso ? ok(new InstantValue(iso)) : bad(`"${text.slice(0, 40)}" is not a date and time like 2025-03-01T14:30:00Z`);
    }
    case 'currency': {
      const c = text.toUpperCase();
      return /^[A-Z]{3}$/.test(c) && CURRENCIES.has(c) ? ok(c) : bad(`"${text.slice(0, 20)}" is not an ISO 4217 currency code such as EUR or USD`);
    }
    case 'iban': {
      const iban = normaliseIban(text);
      return ibanValid(iban) ? ok(iban) : bad(`"${text.slice(0, 40)}" is not a valid IBAN (its check digits or length are wrong)`);
    }
    case 'card': {
      const masked = maskCard(text);
      if (!/^[\d\s-]+$/.test(text)) return bad(`card number ${masked} contains characters other than digits`);
      if (!luhnValid(text)) return bad(`card number ${masked} fails the Luhn check (a digit is wrong or missing)`);
      try {
        return ok({ kind: 'card', ...protectPan(text, panKey) });
      } catch (err) {
        if (err instanceof InvalidPanError) return bad(`card number ${masked}: ${err.message}`);
        throw err;
      }
    }
    case 'domain': {
      const d = normaliseDomain(text);
      return d ? ok(d) : bad(`"${text.slice(0, 60)}" is not a domain name like example.com`);
    }
    case 'email': {
      const e = normaliseEmail(text);
      return e ? ok(e) : bad(`"${text.slice(0, 60)}" is not an e-mail address`);
    }
    case 'phone': {
      const p = parsePhoneNumberFromString(text, spec.defaultCountry as CountryCode | undefined);
      if (p?.isPossible()) return ok(p.number);
      const digits = text.replace(/[^\d+]/g, '');
      // "where possible": a number libphonenumber cannot place is kept as digits rather than lost
      return /^\+?\d{6,15}$/.test(digits) ? ok(digits) : bad(`"${text.slice(0, 30)}" is not a phone number`);
    }
    case 'ip':
      return isIP(text) ? ok(text.toLowerCase()) : bad(`"${text.slice(0, 45)}" is not an IP address`);
    case 'country': {
      const code = countryCode(text);
      return code ? ok({ kind: 'country', code, name: countryName(code) }) : bad(`"${text.slice(0, 40)}" is not a country (use an ISO code like GB or GBR)`);
    }
    case 'enum': {
      const hit = spec.values?.find((v) => v.toLowerCase() === text.toLowerCase());
      return hit ? ok(hit) : bad(`"${text.slice(0, 40)}" is not one of ${spec.values?.join(', ')}`);
    }
  }
}
