// @name seed.relationships
// @mode write
// @param rows: list<map> -- {type, from, to, props}: one relationship per row between two existing entity uids; type is a model relationship type
// @returns created: number of relationships created (fewer than rows means an endpoint was missing)
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
