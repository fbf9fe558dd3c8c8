import { describe, expect, it } from 'vitest';
import { buildLuceneQuery, searchTokens } from '../../server/features/search/search.query-builder.js';

describe('search query builder', () => {
  it('splits e-mails, hyphenated names and IBAN groups the way the index does, keeping domains whole', () => {
    expect(searchTokens('Alice.Smith@Example.com')).toEqual(['alice.smith', 'example.com']);
    expect(searchTokens('velvet-archive.example')).toEqual(['velvet', 'archive.example']);
    expect(searchTokens('DE44 5001 0517')).toEqual(['de44', '5001', '0517']);
    expect(searchTokens('  ...  ')).toEqual([]);
  });

  it('requires every word, boosts exact matches and allows prefixes', () => {
    expect(buildLuceneQuery('ann lee')).toBe('(ann^4 OR ann*^2) AND (lee^4 OR lee*^2)');
  });

  it('allows one typo only in words of four letters or more, and never in numbers', () => {
    expect(buildLuceneQuery('smiht')).toContain('smiht~1');
    expect(buildLuceneQuery('4242')).not.toContain('~');
    expect(buildLuceneQuery('bob')).not.toContain('~');
  });

  it('cannot be used to inject Lucene syntax', () => {
    expect(buildLuceneQuery('a:b OR c')).toBe('(a^4 OR a*^2) AND (b^4 OR b*^2) AND (or^4 OR or*^2) AND (c^4 OR c*^2)');
    expect(buildLuceneQuery('"*~')).toBeNull();
  });

  it('caps the number of words so a pasted paragraph stays a cheap query', () => {
    expect(buildLuceneQuery('a1 b2 c3 d4 e5 f6 g7 h8 i9 j10')!.split(' AND ')).toHaveLength(8);
  });
});
