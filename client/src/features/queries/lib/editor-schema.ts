import type { EditorSchemaResponse } from '../../../../../server/features/queries/queries.schemas.js';

/** what @neo4j-cypher/react-codemirror's `schema` prop takes (the part used here) */
export interface EditorSupportSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  parameters: string[];
}

/**
 * The live schema in the shape @neo4j-cypher/editor-support expects (Neo4j Browser's): labels and relationship
 * types WITH their leading colon. The completion replaces the whole `:Sel` token and filters candidates by it,
 * so bare names ("Seller") match nothing after a lone ':' and would drop the colon when applied.
 */
export function editorSupportSchema(live: EditorSchemaResponse | undefined, parameters: readonly string[]): EditorSupportSchema {
  return {
    labels: (live?.labels ?? []).map((l) => `:${l}`),
    relationshipTypes: (live?.relationshipTypes ?? []).map((t) => `:${t}`),
    propertyKeys: live?.propertyKeys ?? [],
    parameters: [...parameters],
  };
}

/** the `$name`s a stored query declares in its `// @param name: type` header lines, for `$` completion */
export function declaredParams(source: string): string[] {
  return [...source.matchAll(/^\s*\/\/\s*@param\s+([A-Za-z_]\w*)\s*:/gm)].map((m) => m[1]!);
}

/** whether text (a line up to the cursor) has started a `//` comment outside string literals */
export function inLineComment(text: string): boolean {
  return text.replace(/'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?/g, '').includes('//');
}
