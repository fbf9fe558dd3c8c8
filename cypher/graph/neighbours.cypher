// @name graph.neighbours
// @mode read
// @param id: string -- uid of the entity to expand
// @param types: list<string> | null -- relationship types to follow (null: all)
// @param direction: string -- 'out', 'in' or 'both'
// @param limit: integer -- at most this many relationships
// @returns rel (id, type, source, target, props) and the neighbour (uid, labels, props), one row per relationship
// The LIMIT is pushed into each branch so a super-node never streams all of its relationships.
MATCH (n:Entity {uid: $id})
CALL (n) {
  MATCH (n)-[r]->(m:Entity)
  WHERE $direction IN ['out', 'both']
    AND ($types IS NULL OR type(r) IN $types)
  RETURN r, m
  LIMIT toInteger($limit)
UNION ALL
  MATCH (n)<-[r]-(m:Entity)
  WHERE $direction IN ['in', 'both']
    AND ($types IS NULL OR type(r) IN $types)
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
