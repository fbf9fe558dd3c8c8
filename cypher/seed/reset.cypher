// @name seed.reset
// @mode write
// @returns nothing
// Deletes all data (entities, transactions, imports) but keeps the (:Migration) bookkeeping, so the schema is
// not re-applied. Batched: must run in an auto-commit transaction (see SeedRepository.deleteAll).
MATCH (n)
WHERE NOT n:Migration
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
