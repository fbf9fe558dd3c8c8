// @name import.list
// @mode read
// @param limit: integer -- most recent imports to return
// @returns import: properties of each Import, newest first
MATCH (i:Import)
RETURN i {.*} AS import
ORDER BY i.startedAt DESC
LIMIT toInteger($limit)
