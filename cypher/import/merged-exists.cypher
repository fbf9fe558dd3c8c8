// @name import.merged-exists
// @mode read
// @returns any: whether any entity was ever merged away (a count from the label store, no scan)
MATCH (g:MergedEntity)
RETURN count(g) > 0 AS any
