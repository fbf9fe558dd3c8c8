// @name import.rollback-restore-values
// @mode write
// @param id: string -- import being rolled back
// @returns nothing
// Entities this import shared with other data get back the property values it overwrote and lose the properties
// it added (from its ImportChange log, which is then deleted). Entities it created alone are gone by now.
MATCH (c:ImportChange {importId: $id})
CALL (c) {
  OPTIONAL MATCH (n:Entity {uid: c.uid})
  FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END |
    FOREACH (k IN c.changedKeys | SET x[k] = c['was_' + k])
    FOREACH (k IN c.addedKeys | SET x[k] = null))
  DELETE c
} IN TRANSACTIONS OF 10000 ROWS
