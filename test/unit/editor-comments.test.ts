import { describe, expect, it } from 'vitest';
import { inLineComment } from '../../client/src/features/queries/lib/editor-schema.js';

describe('the query editor knows when the cursor is in a comment (no completion there)', () => {
  it('a header line or a trailing comment is a comment', () => {
    expect(inLineComment('// @description Finds accounts. Checks')).toBe(true);
    expect(inLineComment('MATCH (a:PaymentAccount) // the payer.')).toBe(true);
  });

  it('// inside a string is not a comment, and code before it is code', () => {
    expect(inLineComment("WHERE d.url STARTS WITH 'https://ex")).toBe(false);
    expect(inLineComment('WHERE d.url = "http://x" AND d.')).toBe(false);
    expect(inLineComment('MATCH (n:Sel')).toBe(false);
  });
});
