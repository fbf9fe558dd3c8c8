// @name import.relationships
// @mode write
// @param rows: list<map> -- {type, from, to, props}: one relationship per row between entity uids; type from the model
// @param importId: string -- this import, added to importIds
// @param org: string -- uid of the supplying Organisation, added to sources
// @param at: datetime -- when the import started
// @returns written: relationships merged (fewer than rows means an endpoint was missing)
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
MERGE (a)-[r:$(row.type)]->(b)
ON CREATE SET r.createdBy = $importId, r.firstSeen = $at, r.sources = [], r.importIds = [], r.sourceAddedBy = []
SET r += row.props
SET r.lastSeen = $at
SET r.sourceAddedBy = CASE WHEN $org IN coalesce(r.sources, []) OR $importId IN coalesce(r.sourceAddedBy, []) THEN coalesce(r.sourceAddedBy, []) ELSE coalesce(r.sourceAddedBy, []) + $importId END
SET r.sources = CASE WHEN $org IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $org END
SET r.importIds = CASE WHEN $importId IN coalesce(r.importIds, []) THEN r.importIds ELSE coalesce(r.importIds, []) + $importId END
RETURN count(r) AS written
