import { describe, expect, it } from 'vitest';
import { cellDisplay, cellText, isoDuration, readableDuration } from '../../client/src/features/queries/lib/result-cells.js';
import { declaredParams, editorSupportSchema } from '../../client/src/features/queries/lib/editor-schema.js';

describe('query results: durations as the Neo4j driver writes them', () => {
  it('are shown in words in the table and as clean ISO 8601 in CSV', () => {
    expect(readableDuration('P7DT')).toBe('7 days');
    expect(readableDuration('PT12H')).toBe('12 hours');
    expect(readableDuration('P1Y2MT')).toBe('1 year 2 months');
    expect(readableDuration('P1DT1H0.500000000S')).toBe('1 day 1 hour 0.5 seconds');
    expect(isoDuration('P7DT')).toBe('P7D');
    expect(isoDuration('P1DT1H0.500000000S')).toBe('P1DT1H0.5S');
    expect(isoDuration('PT0S')).toBe('PT0S');
    expect(cellDisplay(['P30DT', 'x'])).toBe('30 days, x');
    expect(cellText('P30DT')).toBe('P30D');
  });

  it('leave other text alone', () => {
    for (const text of ['PT', 'Payment', 'P7D is a week', 'PTA']) expect(cellDisplay(text)).toBe(text);
  });
});

describe('the Cypher editor schema', () => {
  it("gives labels and relationship types their ':' (what the completion replaces and filters by)", () => {
    const schema = editorSupportSchema({ labels: ['Seller'], relationshipTypes: ['OPERATES'], propertyKeys: ['name'] }, ['minDomains']);
    expect(schema).toEqual({ labels: [':Seller'], relationshipTypes: [':OPERATES'], propertyKeys: ['name'], parameters: ['minDomains'] });
  });

  it('offers the parameters the header declares', () => {
    expect(declaredParams('// @param seller: entity<Seller> -- who\n// @param live: boolean = null -- x\nMATCH (n) RETURN n')).toEqual(['seller', 'live']);
  });
});
