// @name import.relationships
// @mode write
// @param rows: list<map> -- {type, from, to, props}: one relationship per row between entity uids; type from the model
// @param importId: string -- this import, added to importIds
// @param org: string -- uid of the supplying Organisation, added to sources
// @param at: datetime -- when the import started
// @returns written: relationships written (fewer than rows means an endpoint was missing)
// Not MERGE with a dynamic type: that plans as a scan of every relationship of the type, so each batch gets slower
// as the graph grows. Looking the pair up with both ends bound is an expand-into on the smaller side; rows of
// one batch are unique per (type, from, to), so a missing relationship is created exactly once.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
OPTIONAL MATCH (a)-[found]->(b)
WHERE type(found) = row.type
WITH a, b, row, head(collect(found)) AS found
CALL (a, b, row, found) {
  WITH found
  WHERE found IS NOT NULL
  RETURN found AS r
  UNION
  WITH a, b, row, found
  WHERE found IS NULL
  CREATE (a)-[r:$(row.type)]->(b)
  SET r.createdBy = $importId, r.firstSeen = $at, r.sources = [], r.importIds = [], r.sourceAddedBy = []
  RETURN r
}
SET r += row.props
SET r.lastSeen = $at
SET r.sourceAddedBy = CASE WHEN $org IN coalesce(r.sources, []) OR $importId IN coalesce(r.sourceAddedBy, []) THEN coalesce(r.sourceAddedBy, []) ELSE coalesce(r.sourceAddedBy, []) + $importId END
SET r.sources = CASE WHEN $org IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $org END
SET r.importIds = CASE WHEN $importId IN coalesce(r.importIds, []) THEN r.importIds ELSE coalesce(r.importIds, []) + $importId END
RETURN count(r) AS written
