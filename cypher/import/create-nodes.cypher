// @name import.create-nodes
// @mode write
// @param rows: list<map> -- {uid, label, props}: the entities of one batch
// @param importId: string -- this import
// @param org: string -- uid of the supplying Organisation
// @param at: datetime -- when the import started
// @returns created: uids of the entities this query created (the others exist and go through import.nodes)
// The fast path for new entities: an index seek, then CREATE instead of MERGE; provenance starts with this
// import. Should another writer create one of these uids meanwhile, the uid constraint fails the batch and the
// engine retries it with import.nodes (MERGE) for every entity.
UNWIND $rows AS row
OPTIONAL MATCH (found:Entity {uid: row.uid})
WITH row
WHERE found IS NULL
CREATE (n:Entity {uid: row.uid})
SET n:$(row.label)
SET n += row.props
SET n.createdBy = $importId, n.firstSeen = $at, n.lastSeen = $at, n.sources = [$org], n.importIds = [$importId], n.sourceAddedBy = [$importId]
RETURN collect(n.uid) AS created
