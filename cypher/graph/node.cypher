// @name graph.node
// @mode read
// @param id: string -- uid of the entity
// @param viewer: map -- {organisationId, lawEnforcement, role} of the user asking (need-to-know, server/domain/need-to-know.ts)
// @returns uid, labels, props of the entity (no row when it does not exist)
MATCH (n:Entity {uid: $id})
// need-to-know (server/domain/need-to-know.ts): a record the viewer may not see does not exist for them
WHERE (n.restriction IS NULL OR size(coalesce(n.restrictedKeys, [])) > 0
    OR $viewer.organisationId IN coalesce(n.sources, [])
    OR (n.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
RETURN n.uid AS uid,
       labels(n) AS labels,
       properties(n) AS props
