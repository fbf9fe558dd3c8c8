// @name import.export-rels
// @mode read
// @param id: string -- import whose relationships to export
// @param limit: integer -- most relationships to return
// @returns type, from, to, props: each relationship the import wrote
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $id IN r.importIds
RETURN type(r) AS type, a.uid AS from, b.uid AS to, properties(r) AS props
LIMIT toInteger($limit)
