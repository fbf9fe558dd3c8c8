// @name seed.reset
// @mode write
// @returns nothing
// Second step of a reset, after seed.reset-transactions: every other node (entities, imports) but the
// (:Migration) bookkeeping, so the schema is not re-applied. Auto-commit only (see SeedRepository.deleteAll).
MATCH (n)
WHERE NOT n:Migration
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
