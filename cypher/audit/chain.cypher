// @name audit.chain
// @mode read
// @param afterSeq: integer -- return records with a larger seq
// @param limit: integer -- page size
// @returns the records in chain order, for verification
MATCH (a:AuditRecord)
WHERE a.seq > $afterSeq
RETURN a {.*} AS record
ORDER BY a.seq ASC
LIMIT toInteger($limit)
