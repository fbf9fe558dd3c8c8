// @name import.rollback-delete-nodes
// @mode write
// @param id: string -- import being rolled back
// @returns nothing
// Entities this import alone introduced (relationships to them were removed first or belong to them alone).
MATCH (n:Entity)
WHERE n.importIds = [$id]
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
