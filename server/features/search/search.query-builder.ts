/**
 * Turns what an analyst types into a Lucene query for the entity_search full-text index.
 * Every word must match (AND); each word matches exactly (boosted), as a prefix (partial IBAN, last 4, domain
 * start) or, for longer words, with one typo. Lucene syntax typed by the user is escaped, never interpreted.
 */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

export function searchTokens(input: string): string[] {
  return input
    .toLowerCase()
    // split where the index's analyzer splits (spaces, @, -, _, /, commas...) but keep dots inside domains
    .split(/[^\p{L}\p{N}.]+/u)
    .map((t) => t.replace(/^\.+|\.+$/g, ''))
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

export function buildLuceneQuery(input: string): string | null {
  const tokens = searchTokens(input);
  if (tokens.length === 0) return null;
  return tokens
    .map((t) => {
      const e = t.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
      const parts = [`${e}^4`, `${e}*^2`];
      if (t.length >= 4 && !/^\d+$/.test(t)) parts.push(`${e}~1`);
      return `(${parts.join(' OR ')})`;
    })
    .join(' AND ');
}
