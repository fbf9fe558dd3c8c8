// @name stored-queries.nodes-by-element-id
// @mode read
// @param ids: list<string> -- element ids of nodes a query result refers to (ends of relationships it returned)
// @returns elementId, uid, labels, props: one row per entity found
UNWIND $ids AS id
MATCH (n:Entity)
WHERE elementId(n) = id
RETURN elementId(n) AS elementId, n.uid AS uid, labels(n) AS labels, properties(n) AS props
