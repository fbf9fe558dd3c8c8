// @name import.export-nodes
// @mode read
// @param id: string -- import whose entities to export
// @param limit: integer -- most entities to return
// @returns uid, label, props: each entity the import wrote, with all its properties
MATCH (n:Entity)
WHERE $id IN n.importIds
RETURN n.uid AS uid, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY uid
LIMIT toInteger($limit)
