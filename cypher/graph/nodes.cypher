// @name graph.nodes
// @mode read
// @param ids: list<string> -- uids of the entities (bounded by the caller)
// @param viewer: map -- who is looking {organisationId, lawEnforcement} for the need-to-know rule (server/domain/need-to-know.ts)
// @returns uid, labels, props for each entity that exists
UNWIND $ids AS id
MATCH (n:Entity {uid: id})
WHERE (n.restriction IS NULL OR size(coalesce(n.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(n.sources, []) OR (n.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
RETURN n.uid AS uid,
       labels(n) AS labels,
       properties(n) AS props
