// @name seed.reset-transactions
// @mode write
// @returns nothing
// First step of a reset: Transaction nodes with their SENT/TO/VIA relationships, 10,000 at a time. Deleting
// them first strips the dense accounts and merchants (one shop can have hundreds of thousands of payments), so
// no later batch has to detach a hub in one transaction. Auto-commit only (see SeedRepository.deleteAll).
MATCH (t:Transaction)
CALL (t) {
  DETACH DELETE t
} IN TRANSACTIONS OF 10000 ROWS
