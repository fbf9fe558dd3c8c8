// @name stored-queries.visible-entities
// @mode read
// @param uids: list<string> -- entity ids given as stored-query parameters
// @param viewer: map -- who is running the query (need-to-know); entities the viewer may not see are not returned
// @returns uid: one row per id that names an entity the viewer may see
// An entity parameter that names nothing would run the query on nothing and answer "no rows", which reads as
// "nothing found": the runner refuses it instead, and an entity hidden from the viewer counts as not found.
UNWIND $uids AS wanted
MATCH (n:Entity {uid: wanted})
WHERE n.restriction IS NULL
   OR size(coalesce(n.restrictedKeys, [])) > 0
   OR $viewer.organisationId IN coalesce(n.sources, [])
   OR (n.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)
RETURN n.uid AS uid
