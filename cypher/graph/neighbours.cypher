// @name graph.neighbours
// @mode read
// @param id: string -- uid of the entity to expand
// @param types: list<string> | null -- relationship types to follow (null: all)
// @param direction: string -- 'out', 'in' or 'both'
// @param limit: integer -- at most this many relationships
// @param viewer: map -- {organisationId, lawEnforcement, role} of the user asking (need-to-know, server/domain/need-to-know.ts)
// @returns rel (id, type, source, target, props) and the neighbour (uid, labels, props), one row per relationship
// The LIMIT is pushed into each branch so a super-node never streams all of its relationships.
MATCH (n:Entity {uid: $id})
WHERE (n.restriction IS NULL OR size(coalesce(n.restrictedKeys, [])) > 0
    OR $viewer.organisationId IN coalesce(n.sources, [])
    OR (n.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
CALL (n) {
  MATCH (n)-[r]->(m:Entity)
  WHERE $direction IN ['out', 'both']
    AND ($types IS NULL OR type(r) IN $types)
    AND (r.restriction IS NULL OR size(coalesce(r.restrictedKeys, [])) > 0
      OR $viewer.organisationId IN coalesce(r.sources, [])
      OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
    AND (m.restriction IS NULL OR size(coalesce(m.restrictedKeys, [])) > 0
      OR $viewer.organisationId IN coalesce(m.sources, [])
      OR (m.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  RETURN r, m
  LIMIT toInteger($limit)
UNION ALL
  MATCH (n)<-[r]-(m:Entity)
  WHERE $direction IN ['in', 'both']
    AND ($types IS NULL OR type(r) IN $types)
    AND (r.restriction IS NULL OR size(coalesce(r.restrictedKeys, [])) > 0
      OR $viewer.organisationId IN coalesce(r.sources, [])
      OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
    AND (m.restriction IS NULL OR size(coalesce(m.restrictedKeys, [])) > 0
      OR $viewer.organisationId IN coalesce(m.sources, [])
      OR (m.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  RETURN r, m
  LIMIT toInteger($limit)
}
WITH r, m
LIMIT toInteger($limit)
RETURN elementId(r) AS relId,
       type(r) AS type,
       startNode(r).uid AS source,
       endNode(r).uid AS target,
       properties(r) AS relProps,
       m.uid AS uid,
       labels(m) AS labels,
       properties(m) AS props
