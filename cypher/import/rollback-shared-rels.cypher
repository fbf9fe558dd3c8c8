// @name import.rollback-shared-rels
// @mode write
// @param id: string -- import being rolled back
// @param org: string -- its organisation uid
// @returns nothing
// Relationships other imports also wrote keep existing; this import leaves their importIds, and its organisation
// leaves their sources when this import added it and no remaining import of the same organisation vouches for it.
MATCH ()-[r]->()
WHERE $id IN r.importIds
CALL (r) {
  WITH r, [x IN r.importIds WHERE x <> $id] AS rest
  OPTIONAL MATCH (o:Import)
  WHERE o.id IN rest
  AND o.organisation = $org
  WITH r, rest, collect(o.id) AS sameOrg, $id IN coalesce(r.sourceAddedBy, []) AS added
  SET r.sources = CASE WHEN added AND size(sameOrg) = 0 THEN [s IN r.sources WHERE s <> $org] ELSE r.sources END
  SET r.sourceAddedBy = [x IN coalesce(r.sourceAddedBy, []) WHERE x <> $id] + CASE WHEN added THEN sameOrg ELSE [] END
  SET r.importIds = rest
} IN TRANSACTIONS OF 10000 ROWS
