// @name seed.any-entity
// @mode read
// @returns uid of one entity node, or no row when the database holds no entities
MATCH (n:Entity)
RETURN n.uid AS uid
LIMIT 1
