import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidPanError, cardScheme, loadOrCreatePanKey, luhnCheckDigit, luhnValid, protectPan } from '../../server/domain/pan.js';

// Public test card numbers (card-network test ranges): tests are the only place such strings may appear.
const VISA = '4111111111111111';
const VISA_STRIPE = '4242424242424242';
const MASTERCARD = '5555555555554444';
const AMEX = '378282246310005';

describe('luhnValid', () => {
  it('accepts known test cards, with or without separators', () => {
    for (const pan of [VISA, VISA_STRIPE, MASTERCARD, AMEX, '4111 1111 1111 1111', '4111-1111-1111-1111']) expect(luhnValid(pan), pan).toBe(true);
  });

  it('rejects a changed digit, swapped digits, letters and wrong lengths', () => {
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('4111111111111121')).toBe(false); // last two swapped
    expect(luhnValid('41111111111111a1')).toBe(false);
    expect(luhnValid('41111111111')).toBe(false); // 11 digits
    expect(luhnValid('4'.repeat(20))).toBe(false);
    expect(luhnValid('')).toBe(false);
  });

  it('luhnCheckDigit completes a partial number into a valid one', () => {
    expect(luhnCheckDigit(VISA.slice(0, -1))).toBe(VISA.slice(-1));
    expect(luhnCheckDigit(MASTERCARD.slice(0, -1))).toBe('4');
    expect(luhnCheckDigit(AMEX.slice(0, -1))).toBe('5');
    for (const partial of ['411111000000001', '222300123456789', '510510000000000']) expect(luhnValid(partial + luhnCheckDigit(partial))).toBe(true);
  });
});

describe('protectPan', () => {
  const key = 'unit-test-key-0123456789';

  it('returns an HMAC-SHA256 of the digits, BIN, last four and scheme, never the number', () => {
    const p = protectPan('4111 1111 1111 1111', key);
    expect(p).toEqual({
      panHash: createHmac('sha256', key).update(VISA).digest('hex'),
      bin: '411111',
      last4: '1111',
      scheme: 'visa',
    });
    expect(JSON.stringify(p)).not.toContain(VISA);
    expect(p.panHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable for a key and differs between keys and cards', () => {
    expect(protectPan(VISA, key).panHash).toBe(protectPan(VISA, key).panHash);
    expect(protectPan(VISA, key).panHash).not.toBe(protectPan(VISA, 'another-key-0123456789').panHash);
    expect(protectPan(VISA, key).panHash).not.toBe(protectPan(VISA_STRIPE, key).panHash);
  });

  it('detects the scheme from the number', () => {
    expect(protectPan(MASTERCARD, key).scheme).toBe('mastercard');
    expect(protectPan(AMEX, key).scheme).toBe('amex');
    expect(cardScheme('2223003122003222')).toBe('mastercard');
    expect(cardScheme('6011111111111117')).toBe('discover');
    expect(cardScheme('3530111333300000')).toBe('jcb');
    expect(cardScheme('9999999999999995')).toBe('unknown');
  });

  it('throws a clear error on non-Luhn input, and the message never echoes the number', () => {
    const bad = '4111111111111112';
    expect(() => protectPan(bad, key)).toThrow(InvalidPanError);
    expect(() => protectPan(bad, key)).toThrow(/Luhn/);
    try {
      protectPan(bad, key);
    } catch (err) {
      expect((err as Error).message).not.toContain(bad);
      expect((err as Error).message).not.toContain('111111');
    }
    expect(() => protectPan('not a card', key)).toThrow(/12 to 19 digits/);
    expect(() => protectPan(VISA, '')).toThrow(/MONEYTRAIL_PAN_KEY/);
  });
});

describe('loadOrCreatePanKey', () => {
  it('prefers MONEYTRAIL_PAN_KEY from the environment', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'pan-'));
    expect(loadOrCreatePanKey(home, { MONEYTRAIL_PAN_KEY: ' from-env-key-0123456789 ' })).toBe('from-env-key-0123456789');
  });

  it('creates a random key file with mode 0600 once, then reads it back', () => {
    const home = path.join(mkdtempSync(path.join(tmpdir(), 'pan-')), 'nested', 'home');
    const first = loadOrCreatePanKey(home, {});
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(home, 'pan-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(loadOrCreatePanKey(home, {})).toBe(first);
    expect(loadOrCreatePanKey(mkdtempSync(path.join(tmpdir(), 'pan-')), {})).not.toBe(first);
  });

  it('keeps an existing key file as it is', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'pan-'));
    writeFileSync(path.join(home, 'pan-key'), 'existing-key-0123456789\n', { mode: 0o600 });
    expect(loadOrCreatePanKey(home, {})).toBe('existing-key-0123456789');
  });
});
