// @name schema.008-import-changes
// @mode write
// @returns nothing
// Partner imports (issue 5): the change log of property values an import overwrote on entities it shared with
// earlier data, found by import and entity (while writing) and by import alone (rollback, a prefix of the index).
CREATE INDEX import_change_key IF NOT EXISTS
FOR (c:ImportChange) ON (c.importId, c.uid);
