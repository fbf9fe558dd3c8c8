import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { needToKnowGaps, queryPredicate, withNeedToKnowChecks } from '../../server/features/queries/queries.need-to-know.js';

const visible = (...xs: string[]) => `all(x IN [${xs.join(', ')}] WHERE ${queryPredicate('x')})`;

describe('the need-to-know check on query text', () => {
  it('passes every shipped query', () => {
    const dir = join(REPO_ROOT, 'cypher', 'queries');
    const files = readdirSync(dir).filter((f) => f.endsWith('.cypher'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(needToKnowGaps(readFileSync(join(dir, f), 'utf8')), f).toBeNull();
  });

  it('passes queries that read no graph pattern', () => {
    expect(needToKnowGaps('RETURN 1 AS one')).toBeNull();
    expect(needToKnowGaps('UNWIND range(1, 3) AS i RETURN i')).toBeNull();
  });

  it('names every node and relationship variable that no predicate covers', () => {
    expect(needToKnowGaps('MATCH (s:Seller) RETURN s.name AS name')?.uncovered).toEqual(['s']);
    expect(needToKnowGaps(`MATCH (s:Seller)-[r:OPERATES]->(d:Domain) WHERE ${visible('s')} RETURN d.name`)?.uncovered).toEqual(['r', 'd']);
    expect(needToKnowGaps(`MATCH (s:Seller)-[r:OPERATES]->(d:Domain) WHERE ${visible('s', 'r', 'd')} RETURN d.name`)).toBeNull();
    // the predicate written directly on one variable counts too
    expect(needToKnowGaps(`MATCH (s:Seller) WHERE s.name STARTS WITH 'A' AND ${queryPredicate('s')} RETURN s`)).toBeNull();
  });

  it('checks OPTIONAL MATCH, subqueries, COUNT { }, EXISTS { } and pattern comprehensions', () => {
    const s = `MATCH (s:Seller) WHERE ${visible('s')} `;
    expect(needToKnowGaps(`${s}OPTIONAL MATCH (s)-[o:OPERATES]->(d) RETURN s, d`)?.uncovered).toEqual(['o', 'd']);
    expect(needToKnowGaps(`${s}RETURN COUNT { (s)-[o:OPERATES]->(d:Domain) } AS sites`)?.uncovered).toEqual(['o', 'd']);
    expect(needToKnowGaps(`${s}AND EXISTS { (s)-[o:OPERATES]->(d:Domain) } RETURN s`)?.uncovered).toEqual(['o', 'd']);
    expect(needToKnowGaps(`${s}RETURN [(s)-[o:OPERATES]->(d) | d.name] AS sites`)?.uncovered).toEqual(['o', 'd']);
    expect(needToKnowGaps(`${s}RETURN [(s)-[o:OPERATES]->(d) WHERE ${visible('o', 'd')} | d.name] AS sites`)).toBeNull();
    expect(needToKnowGaps(`${s}CALL (s) { MATCH (s)-[o:OPERATES]->(d) RETURN count(d) AS n } RETURN n`)?.uncovered).toEqual(['o', 'd']);
    expect(needToKnowGaps(`${s}RETURN COLLECT { MATCH (s)-[o:OPERATES]->(d) WHERE ${visible('o', 'd')} RETURN d.name } AS sites`)).toBeNull();
  });

  it('refuses anonymous nodes and relationships unless a covered path holds them', () => {
    expect(needToKnowGaps(`MATCH (s:Seller)-[:OPERATES]->(d) WHERE ${visible('s', 'd')} RETURN d`)?.anonymous).toMatch(/OPERATES/);
    expect(needToKnowGaps(`MATCH (s:Seller)-->(d) WHERE ${visible('s', 'd')} RETURN d`)?.anonymous).toBeTruthy();
    expect(needToKnowGaps(`MATCH (s:Seller)-[o:OPERATES]->(:Domain) WHERE ${visible('s', 'o')} RETURN s`)?.anonymous).toMatch(/Domain/);
    const path = `MATCH p = (s:Seller)-[:OPERATES]->(:Domain) WHERE all(x IN nodes(p) WHERE ${queryPredicate('x')}) AND all(x IN relationships(p) WHERE ${queryPredicate('x')}) RETURN p`;
    expect(needToKnowGaps(path)).toBeNull();
    // nodes(p) alone leaves the relationships unchecked
    expect(needToKnowGaps(path.replace(/ AND all\(x IN relationships\(p\)[^]*\) RETURN/, ' RETURN'))?.anonymous).toBeTruthy();
  });

  it('checks each part of a UNION on its own', () => {
    const q = `MATCH (s:Seller) WHERE ${visible('s')} RETURN s.name AS name UNION MATCH (s:Buyer) RETURN s.name AS name`;
    expect(needToKnowGaps(q)?.uncovered).toEqual(['s']);
  });

  it('does not count a predicate that is OR-ed, negated, outside a WHERE or only in a string or comment', () => {
    expect(needToKnowGaps(`MATCH (s:Seller) WHERE s.name IS NOT NULL OR ${queryPredicate('s')} RETURN s`)?.weakened).toBe(true);
    expect(needToKnowGaps(`MATCH (s:Seller) WHERE NOT ${queryPredicate('s')} RETURN s`)?.weakened).toBe(true);
    expect(needToKnowGaps(`MATCH (s:Seller) RETURN s, ${queryPredicate('s')} AS allowed`)?.weakened).toBe(true);
    expect(needToKnowGaps(`MATCH (s:Seller) WHERE s.note <> "${queryPredicate('s').replace(/'/g, '')}" RETURN s`)?.uncovered).toEqual(['s']);
    expect(needToKnowGaps(`MATCH (s:Seller)\n// WHERE ${queryPredicate('s')}\nRETURN s`)?.uncovered).toEqual(['s']);
    // the any() of a list does not cover its members
    expect(needToKnowGaps(`MATCH (s:Seller)-[o:OPERATES]->(d) WHERE any(x IN [s, o, d] WHERE ${queryPredicate('x')}) RETURN s`)?.uncovered).toEqual(['s', 'o', 'd']);
  });

  it('adds the missing checks for the author, keeping the existing condition whole', () => {
    const fixed = withNeedToKnowChecks('MATCH (s:Seller {uid: $uid})-[r:OPERATES]->(d:Domain)\nRETURN d.name AS site');
    expect(fixed).toContain(`WHERE ${visible('s', 'r', 'd')}\nRETURN d.name AS site`);
    const kept = withNeedToKnowChecks("MATCH (s:Seller) WHERE s.name = 'a' OR s.name = 'b'\nRETURN s");
    expect(kept).toContain(`WHERE ${visible('s')}\n  AND (s.name = 'a' OR s.name = 'b')\nRETURN s`);
    expect(needToKnowGaps(kept!)).toBeNull();
    const inComprehension = withNeedToKnowChecks(`MATCH (s:Seller) WHERE ${visible('s')} RETURN [(s)-[o:OPERATES]->(d) | d.name] AS sites`);
    expect(needToKnowGaps(inComprehension!)).toBeNull();
    expect(withNeedToKnowChecks('MATCH (s)-->(d) RETURN d')).toBeNull();
  });
});
