// @name import.nodes
// @mode write
// @param rows: list<map> -- {uid, label, props}: one entity per row, label from the model, props without provenance
// @param importId: string -- this import, added to importIds
// @param org: string -- uid of the supplying Organisation, added to sources
// @param at: datetime -- when the import started: firstSeen of new nodes, lastSeen of all
// @returns written: entities created or changed (an entity this import already wrote as it is now is only read)
// MERGE on the uid (unique constraint) makes a re-run a no-op. createdBy tells, even after a crash and re-run,
// which nodes this import introduced; sourceAddedBy which imports added an organisation to sources (rollback).
// On an entity it did not create, the first value this import overwrites for each property (and the properties
// it adds) go to an ImportChange, so a rollback can put back what the earlier data said.
UNWIND $rows AS row
MERGE (n:Entity {uid: row.uid})
ON CREATE SET n.createdBy = $importId, n.firstSeen = $at, n.sources = [], n.importIds = [], n.sourceAddedBy = []
WITH n, row
CALL (n, row) {
  WITH n, row, [k IN keys(row.props) WHERE n[k] IS NOT NULL AND n[k] <> row.props[k]] + CASE WHEN n.lastSeen <> $at THEN ['lastSeen'] ELSE [] END AS changed, [k IN keys(row.props) WHERE n[k] IS NULL] AS added
  WHERE (n.createdBy IS NULL OR n.createdBy <> $importId)
    AND size(changed) + size(added) > 0
  MERGE (c:ImportChange {importId: $importId, uid: n.uid})
  ON CREATE SET c.changedKeys = [], c.addedKeys = []
  WITH n, c, [k IN changed WHERE NOT k IN c.changedKeys AND NOT k IN c.addedKeys] AS newChanged, [k IN added WHERE NOT k IN c.changedKeys AND NOT k IN c.addedKeys] AS newAdded
  FOREACH (k IN newChanged | SET c['was_' + k] = n[k])
  SET c.changedKeys = c.changedKeys + newChanged, c.addedKeys = c.addedKeys + newAdded
}
WITH n, row
WHERE NOT $importId IN n.importIds
   OR NOT row.label IN labels(n)
   OR any(k IN keys(row.props) WHERE n[k] IS NULL OR n[k] <> row.props[k])
SET n:$(row.label)
SET n += row.props
SET n.lastSeen = $at
SET n.sourceAddedBy = CASE WHEN $org IN n.sources OR $importId IN coalesce(n.sourceAddedBy, []) THEN coalesce(n.sourceAddedBy, []) ELSE coalesce(n.sourceAddedBy, []) + $importId END
SET n.sources = CASE WHEN $org IN n.sources THEN n.sources ELSE n.sources + $org END
SET n.importIds = CASE WHEN $importId IN n.importIds THEN n.importIds ELSE n.importIds + $importId END
RETURN count(n) AS written
