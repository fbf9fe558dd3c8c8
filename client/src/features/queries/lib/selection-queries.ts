import type { QueryParamView, QuerySummary } from '../../../../../server/features/queries/queries.schemas.js';

type Selected = { id: string; label: string };

function entityLabelOf(p: QueryParamView): string | null {
  if (p.input.kind === 'entity') return p.input.label;
  if (p.input.kind === 'list' && p.input.of.kind === 'entity') return p.input.of.label;
  return null;
}

/**
 * The published queries a canvas selection can run, with the parameters it fills (Bloom's "scene actions"): every
 * entity parameter takes the selected entities of its label (a single one takes the first), and the query is
 * offered only when the selection fills at least one of them and every other required parameter has a default.
 */
export function queriesForSelection(catalogue: readonly QuerySummary[], selected: readonly Selected[]): { query: QuerySummary; params: Record<string, unknown> }[] {
  const out: { query: QuerySummary; params: Record<string, unknown> }[] = [];
  for (const query of catalogue) {
    if (query.publishedVersion === null) continue;
    const params: Record<string, unknown> = {};
    let filled = 0;
    let runnable = true;
    for (const p of query.params) {
      const label = entityLabelOf(p);
      const ids = label ? selected.filter((s) => s.label === label).map((s) => s.id) : [];
      if (ids.length > 0) {
        params[p.name] = p.input.kind === 'list' ? ids : ids[0];
        filled += 1;
      } else if (p.default === null) runnable = false;
    }
    if (runnable && filled > 0) out.push({ query, params });
  }
  return out;
}
