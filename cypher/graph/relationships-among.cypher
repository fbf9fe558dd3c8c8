// @name graph.relationships-among
// @mode read
// @param ids: list<string> -- uids of the entities just put on the canvas (bounded by the caller)
// @param among: list<string> -- uids the relationships may lead to: ids plus what the canvas already shows
// @param limit: integer -- at most this many relationships
// @param viewer: map -- {organisationId, lawEnforcement, role} of the user asking (need-to-know, server/domain/need-to-know.ts)
// @returns relId, type, source, target, relProps: each visible relationship between an entity of ids and one of among
// Per entity the cheaper way is taken, so a super-node never streams all its relationships: an entity with fewer
// relationships than there are candidates expands them and keeps those ending in the set; a bigger one looks up
// each candidate and checks for a relationship between the two (expand-into, read from the smaller side).
UNWIND $ids AS id
MATCH (n:Entity {uid: id})
WHERE (n.restriction IS NULL OR size(coalesce(n.restrictedKeys, [])) > 0
    OR $viewer.organisationId IN coalesce(n.sources, [])
    OR (n.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
WITH n, COUNT { (n)--() } AS degree
CALL (n, degree) {
  WITH n
  WHERE degree <= size($among)
  MATCH (n)-[r]-(m:Entity)
  WHERE m.uid IN $among
    AND (r.restriction IS NULL OR size(coalesce(r.restrictedKeys, [])) > 0
      OR $viewer.organisationId IN coalesce(r.sources, [])
      OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
    AND (m.restriction IS NULL OR size(coalesce(m.restrictedKeys, [])) > 0
      OR $viewer.organisationId IN coalesce(m.sources, [])
      OR (m.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  RETURN r
UNION
  WITH n
  WHERE degree > size($among)
  UNWIND $among AS other
  MATCH (m:Entity {uid: other})
  WHERE (m.restriction IS NULL OR size(coalesce(m.restrictedKeys, [])) > 0
      OR $viewer.organisationId IN coalesce(m.sources, [])
      OR (m.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  MATCH (n)-[r]-(m)
  WHERE (r.restriction IS NULL OR size(coalesce(r.restrictedKeys, [])) > 0
      OR $viewer.organisationId IN coalesce(r.sources, [])
      OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  RETURN r
}
WITH DISTINCT r
LIMIT toInteger($limit)
RETURN elementId(r) AS relId,
       type(r) AS type,
       startNode(r).uid AS source,
       endNode(r).uid AS target,
       properties(r) AS relProps
