import { describe, expect, it } from 'vitest';
import { maskPansDeep } from '../../server/domain/pan.js';
import { maskPans } from '../../server/logger.js';

describe('log masking', () => {
  it('keeps only BIN and last 4 of anything shaped like a card number', () => {
    const line = `row 12: card ${'4000' + '0012' + '3456' + '7899'} rejected`;
    expect(maskPans(line)).toBe('row 12: card 400000…7899 rejected');
  });

  it('leaves short numbers such as amounts and row numbers alone', () => {
    expect(maskPans('row 123456 amount 4999.00')).toBe('row 123456 amount 4999.00');
  });

  it('also masks card numbers written in groups, with spaces, dashes or + (a URL)', () => {
    for (const sep of [' ', '-', '+']) expect(maskPans(`q=${['4000', '0012', '3456', '7899'].join(sep)}&x=1`)).toBe('q=400000…7899&x=1');
    // dates, IBAN digit runs and phone numbers are shorter than a card number
    expect(maskPans('2025-03-01 NL91ABNA0417164300 +31 6 1234 5678')).toBe('2025-03-01 NL91ABNA0417164300 +31 6 1234 5678');
  });

  it('masks every string inside audit parameters and leaves numbers alone', () => {
    const pan = ['4000', '0012', '3456', '7899'].join('');
    expect(maskPansDeep({ q: pan, list: [`card ${pan}`], at: 1795934300974, nested: { ok: true } })).toEqual({ q: '400000…7899', list: ['card 400000…7899'], at: 1795934300974, nested: { ok: true } });
  });
});

