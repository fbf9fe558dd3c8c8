import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_ROOT, CypherCatalog, CypherHeaderError, parseCypherFile } from '../../server/db/cypher-catalog.js';
import { splitStatements } from '../../server/db/migrations.js';
import { REL_TYPES } from '../../server/domain/model.js';

describe('cypher file headers', () => {
  it('reads name, mode, params, returns and the description', () => {
    const q = parseCypherFile(
      'x.cypher',
      ['// @name demo.q', '// @mode read', '// Finds things.', '// @param id: string -- the uid', '// @returns n', 'MATCH (n {uid: $id})', 'RETURN n'].join('\n'),
    );
    expect(q).toMatchObject({ name: 'demo.q', mode: 'read', returns: 'n', description: 'Finds things.' });
    expect(q.params).toEqual([{ name: 'id', type: 'string', description: 'the uid' }]);
    expect(q.text).toBe('MATCH (n {uid: $id})\nRETURN n');
  });

  it.each([
    ['// @mode read\n// @returns x\nRETURN 1', 'missing "// @name"'],
    ['// @name a\n// @mode maybe\n// @returns x\nRETURN 1', '@mode" must be read or write'],
    ['// @name a\n// @mode read\nRETURN 1', 'missing "// @returns"'],
    ['// @name a\n// @mode read\n// @returns x\n// @param id string\nRETURN 1', 'bad @param line'],
  ])('rejects a broken header with a message naming the problem', (src, message) => {
    expect(() => parseCypherFile('bad.cypher', src)).toThrow(CypherHeaderError);
    expect(() => parseCypherFile('bad.cypher', src)).toThrow(message);
  });

  it('refuses two files with the same query name', () => {
    const q = parseCypherFile('a.cypher', '// @name same\n// @mode read\n// @returns x\nRETURN 1');
    expect(() => new CypherCatalog([q, { ...q, file: 'b.cypher' }])).toThrow('used twice');
  });

  it('the shipped catalogue loads, and the neighbour-count query lists every relationship type of the model', () => {
    const catalog = CypherCatalog.load();
    const counts = catalog.get('graph.neighbour-counts').text;
    for (const t of REL_TYPES) {
      expect(counts).toContain(`(n)-[r:${t}]->(m)`);
      expect(counts).toContain(`(n)<-[r:${t}]-(m)`);
    }
  });

  it('splits migration files into single statements', () => {
    const text = readFileSync(path.join(CYPHER_ROOT, 'schema', '001-entity-keys.cypher'), 'utf8');
    const statements = splitStatements(parseCypherFile('s', text).text);
    expect(statements.length).toBeGreaterThan(3);
    expect(statements.every((s) => s.startsWith('CREATE CONSTRAINT') && !s.includes(';'))).toBe(true);
  });
});
