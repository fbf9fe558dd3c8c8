import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Queries are source files under cypher/: one query per `.cypher` file with a header
 *   // @name graph.neighbours
 *   // @mode read|write
 *   // @param id: string -- uid of the node to expand
 *   // @returns node, rels, ...
 * They are loaded once at boot; repositories ask for them by name, so query text never lives in TS strings.
 * Files under cypher/schema/ are migrations (see migrations.ts) and follow the same header rules.
 */

export interface CypherParam {
  name: string;
  type: string;
  description: string;
}
export interface CypherQuery {
  name: string;
  mode: 'read' | 'write';
  params: CypherParam[];
  returns: string;
  description: string;
  text: string;
  file: string;
}

export const CYPHER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');

export class CypherHeaderError extends Error {}

export function parseCypherFile(file: string, source: string): CypherQuery {
  const header: string[] = [];
  const body: string[] = [];
  let inHeader = true;
  for (const line of source.split(/\r?\n/)) {
    if (inHeader && line.trim().startsWith('//')) header.push(line.trim().replace(/^\/\/\s?/, ''));
    else {
      inHeader = false;
      body.push(line);
    }
  }
  const tags = header.filter((l) => l.startsWith('@'));
  const one = (tag: string) => tags.find((l) => l.startsWith(`@${tag} `) || l === `@${tag}`)?.slice(tag.length + 1).trim();
  const name = one('name');
  const mode = one('mode');
  const returns = one('returns');
  if (!name) throw new CypherHeaderError(`${file}: missing "// @name" header`);
  if (mode !== 'read' && mode !== 'write') throw new CypherHeaderError(`${file}: "// @mode" must be read or write`);
  if (returns === undefined) throw new CypherHeaderError(`${file}: missing "// @returns" header`);
  const params = tags
    .filter((l) => l.startsWith('@param '))
    .map((l) => {
      const m = /^@param\s+(\w+)\s*:\s*([^-]+?)\s*--\s*(.+)$/.exec(l);
      if (!m) throw new CypherHeaderError(`${file}: bad @param line "${l}" (want "@param name: type -- meaning")`);
      return { name: m[1]!, type: m[2]!, description: m[3]! };
    });
  const description = header.filter((l) => !l.startsWith('@')).join(' ').trim();
  const text = body.join('\n').trim();
  if (!text) throw new CypherHeaderError(`${file}: no query text`);
  return { name, mode, params, returns, description, text, file };
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? walk(full) : full.endsWith('.cypher') ? [full] : [];
    });
}

/**
 * cypher/queries/ is not the app's own Cypher: it holds the investigative query library analysts run, with its
 * own header format (server/features/queries/queries.format.ts), loaded into Neo4j as stored queries at boot.
 */
export const QUERY_LIBRARY_DIR = 'queries';

export function listCypherFiles(root = CYPHER_ROOT): string[] {
  const library = path.join(root, QUERY_LIBRARY_DIR);
  return walk(root).filter((f) => !f.startsWith(library + path.sep));
}

export class CypherCatalog {
  private readonly byName = new Map<string, CypherQuery>();

  constructor(queries: CypherQuery[]) {
    for (const q of queries) {
      const existing = this.byName.get(q.name);
      if (existing) throw new CypherHeaderError(`query name ${q.name} is used twice: ${existing.file} and ${q.file}`);
      this.byName.set(q.name, q);
    }
  }

  static load(root = CYPHER_ROOT): CypherCatalog {
    return new CypherCatalog(listCypherFiles(root).map((f) => parseCypherFile(path.relative(root, f), readFileSync(f, 'utf8'))));
  }

  get(name: string): CypherQuery {
    const q = this.byName.get(name);
    if (!q) throw new Error(`no Cypher query named ${name} under cypher/`);
    return q;
  }

  all(): CypherQuery[] {
    return [...this.byName.values()];
  }
}
