// @name import.rollback-shared-nodes
// @mode write
// @param id: string -- import being rolled back
// @param org: string -- its organisation uid
// @returns nothing
// Entities other imports also wrote: same provenance rules as import.rollback-shared-rels.
MATCH (n:Entity)
WHERE $id IN n.importIds
CALL (n) {
  WITH n, [x IN n.importIds WHERE x <> $id] AS rest
  OPTIONAL MATCH (o:Import)
  WHERE o.id IN rest
  AND o.organisation = $org
  WITH n, rest, collect(o.id) AS sameOrg, $id IN coalesce(n.sourceAddedBy, []) AS added
  SET n.sources = CASE WHEN added AND size(sameOrg) = 0 THEN [s IN n.sources WHERE s <> $org] ELSE n.sources END
  SET n.sourceAddedBy = [x IN coalesce(n.sourceAddedBy, []) WHERE x <> $id] + CASE WHEN added THEN sameOrg ELSE [] END
  SET n.importIds = rest
} IN TRANSACTIONS OF 10000 ROWS
