// @name graph.node
// @mode read
// @param id: string -- uid of the entity
// @returns uid, labels, props of the entity (no row when it does not exist)
MATCH (n:Entity {uid: $id})
RETURN n.uid AS uid,
       labels(n) AS labels,
       properties(n) AS props
