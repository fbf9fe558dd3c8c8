import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_ROOT, QUERY_LIBRARY_DIR } from '../../db/cypher-catalog.js';
import type { QueriesService } from './queries.service.js';

export const QUERY_LIBRARY_ROOT = path.join(CYPHER_ROOT, QUERY_LIBRARY_DIR);

/** The shipped investigative queries, cypher/queries/*.cypher, in file order. */
export function readQueryLibrary(dir = QUERY_LIBRARY_ROOT): { file: string; source: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => ({ file: `${QUERY_LIBRARY_DIR}/${f}`, source: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Boot step: stores the shipped library as published versions (idempotent); logs files that fail their checks. */
export async function loadQueryLibrary(service: QueriesService, log: (line: string) => void = () => {}): Promise<void> {
  const result = await service.loadLibrary(readQueryLibrary());
  for (const p of result.problems) log(`query library: skipped ${p}`);
  if (result.loaded.length > 0) log(`query library: published ${result.loaded.length} shipped queries (${result.loaded.join(', ')})`);
}
