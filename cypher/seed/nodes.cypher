// @name seed.nodes
// @mode write
// @param rows: list<map> -- {uid, label, props}: one entity node per row; label is a model label, props holds caption, keywords, provenance and the label's own properties
// @returns created: number of nodes created
// Seeding writes into an empty database, so CREATE (the uid constraint still refuses duplicates).
// The label is a dynamic label (Neo4j 5.26), so one cached plan serves every label.
UNWIND $rows AS row
CREATE (n:Entity {uid: row.uid})
SET n:$(row.label)
SET n += row.props
RETURN count(n) AS created
