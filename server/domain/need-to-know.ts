import type { Role } from './roles.js';

/**
 * Need-to-know: the ONE rule deciding whether a user may see an imported record (node or relationship).
 *
 * A record may carry a handling restriction set by whoever supplied it:
 *   restriction      'source_and_le' — only the supplying organisations (`sources`) and law enforcement
 *                    'source_only'   — only the supplying organisations
 *                    anything else   — nobody but the sources (fail closed on a value we do not know)
 *   restrictedKeys   optional list of property names: when present the restriction covers only these
 *                    properties (the record itself stays visible, the properties are removed);
 *                    when absent the whole record is restricted.
 *   sources          the Organisation uids that supplied the record (provenance, already on every record)
 *
 * The same rule is written in Cypher as the predicate below; every query that returns, counts or walks
 * records a user asked for must apply it with `$viewer` passed as a parameter (see viewerOf in
 * server/http/access.ts). Copy the predicate verbatim, replacing `x` with the variable:
 *
 *   // need-to-know (server/domain/need-to-know.ts)
 *   (x.restriction IS NULL OR size(coalesce(x.restrictedKeys, [])) > 0
 *    OR $viewer.organisationId IN coalesce(x.sources, [])
 *    OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
 *
 * The record-level predicate keeps records with `restrictedKeys` (property-level restriction); their
 * properties must then be passed through redactProps() before they leave the server.
 * Stored and console queries use a stricter form without the restrictedKeys clause (a query can compute with any
 * property, so a partly restricted record is left out as a whole for a viewer not cleared for it); see
 * server/features/queries/queries.need-to-know.ts, which refuses a query that does not apply it to every pattern.
 * Do not write `x.restrictedKeys IS NOT NULL` instead of the size(...) test: Neo4j 5.26 then caches the
 * property as `true` and properties(x) later in the same query returns restrictedKeys: true.
 */
export const RESTRICTIONS = ['source_and_le', 'source_only'] as const;
export type Restriction = (typeof RESTRICTIONS)[number];

/** Who is looking; passed to Cypher as $viewer. */
export interface Viewer {
  organisationId: string;
  /** the viewer's organisation is law enforcement (Organisation.kind = 'police') */
  lawEnforcement: boolean;
  role: Role;
}

/** Properties that carry the restriction itself; never shown as facts. */
export const RESTRICTION_KEYS = ['restriction', 'restrictedKeys'] as const;

export const LAW_ENFORCEMENT_KINDS = ['police'] as const;

export function isLawEnforcementKind(kind: unknown): boolean {
  return (LAW_ENFORCEMENT_KINDS as readonly unknown[]).includes(kind);
}

interface Restricted {
  restriction?: unknown;
  restrictedKeys?: unknown;
  sources?: unknown;
}

/** May the viewer see what the restriction covers? (true for unrestricted records) */
export function clearedFor(viewer: Viewer, record: Restricted): boolean {
  if (record.restriction === null || record.restriction === undefined) return true;
  const sources = Array.isArray(record.sources) ? record.sources.map(String) : [];
  if (sources.includes(viewer.organisationId)) return true;
  return record.restriction === 'source_and_le' && viewer.lawEnforcement;
}

/** May the viewer see the record at all? Mirrors the Cypher predicate above. */
export function mayView(viewer: Viewer, record: Restricted): boolean {
  if (record.restriction === null || record.restriction === undefined) return true;
  if (Array.isArray(record.restrictedKeys)) return true;
  return clearedFor(viewer, record);
}

/** The record's properties the viewer may see: removes the restricted keys of a property-level restriction. */
export function redactProps<P extends Record<string, unknown>>(viewer: Viewer, props: P): P {
  if (props.restriction == null || props.restrictedKeys == null || clearedFor(viewer, props)) return props;
  // a malformed key list fails closed: only identity and provenance remain
  const keep = (k: string) => (Array.isArray(props.restrictedKeys) ? !props.restrictedKeys.map(String).includes(k) : IDENTITY_KEYS.includes(k));
  return Object.fromEntries(Object.entries(props).filter(([k]) => keep(k))) as P;
}

const IDENTITY_KEYS: readonly string[] = ['uid', 'caption', 'keywords', 'sources', 'importIds', 'firstSeen', 'lastSeen', ...RESTRICTION_KEYS];
