import { describe, expect, it } from 'vitest';
import { maskPans } from '../../server/logger.js';

describe('log masking', () => {
  it('keeps only BIN and last 4 of anything shaped like a card number', () => {
    const line = `row 12: card ${'4000' + '0012' + '3456' + '7899'} rejected`;
    expect(maskPans(line)).toBe('row 12: card 400000…7899 rejected');
  });

  it('leaves short numbers such as amounts and row numbers alone', () => {
    expect(maskPans('row 123456 amount 4999.00')).toBe('row 123456 amount 4999.00');
  });
});
