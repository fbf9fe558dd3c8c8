// @name import.create-nodes
// @mode write
// @param rows: list<map> -- {uid, label, props}: entities not yet in the graph (checked in the same transaction)
// @param importId: string -- this import
// @param org: string -- uid of the supplying Organisation
// @param at: datetime -- when the import started
// @returns written: entities created
// The fast path of import.nodes for new entities: no MERGE, the provenance lists start with this import.
// Should another writer create one of these uids meanwhile, the uid constraint fails the batch and it is retried
// on the MERGE path.
UNWIND $rows AS row
CREATE (n:Entity {uid: row.uid})
SET n:$(row.label)
SET n += row.props
SET n.createdBy = $importId, n.firstSeen = $at, n.lastSeen = $at, n.sources = [$org], n.importIds = [$importId], n.sourceAddedBy = [$importId]
RETURN count(n) AS written
