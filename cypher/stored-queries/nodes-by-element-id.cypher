// @name stored-queries.nodes-by-element-id
// @mode read
// @param ids: list<string> -- element ids of nodes a query result refers to (ends of relationships it returned)
// @param viewer: map -- who is looking (need-to-know); ends the viewer may not see are not returned
// @returns elementId, uid, labels, props: one row per entity found that the viewer may see
UNWIND $ids AS id
MATCH (n:Entity)
WHERE elementId(n) = id
  // need-to-know (server/domain/need-to-know.ts)
  AND (n.restriction IS NULL OR size(coalesce(n.restrictedKeys, [])) > 0
   OR $viewer.organisationId IN coalesce(n.sources, [])
   OR (n.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
RETURN elementId(n) AS elementId, n.uid AS uid, labels(n) AS labels, properties(n) AS props
