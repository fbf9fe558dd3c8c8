// @name import.create-relationships
// @mode write
// @param rows: list<map> -- {type, from, to, props}: relationships with at least one endpoint created in this batch
// @param importId: string -- this import
// @param org: string -- uid of the supplying Organisation
// @param at: datetime -- when the import started
// @returns written: relationships created (fewer than rows means an endpoint was missing)
// A relationship touching an entity this very batch created cannot exist yet: two index seeks and a CREATE.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r += row.props
SET r.createdBy = $importId, r.firstSeen = $at, r.lastSeen = $at, r.sources = [$org], r.importIds = [$importId], r.sourceAddedBy = [$importId]
RETURN count(r) AS written
