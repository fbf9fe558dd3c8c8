// @name import.rollback-delete-rels
// @mode write
// @param id: string -- import being rolled back
// @returns nothing
// Relationships this import alone wrote. Batched (auto-commit transaction), so a large import rolls back in
// bounded memory; a rollback cut short is finished by running it again.
MATCH ()-[r]->()
WHERE r.importIds = [$id]
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS
