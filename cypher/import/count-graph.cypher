// @name import.count-graph
// @mode read
// @returns nodes, relationships: entity and relationship totals (what a rollback must restore)
CALL () {
  MATCH (n:Entity)
  RETURN count(n) AS nodes
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
