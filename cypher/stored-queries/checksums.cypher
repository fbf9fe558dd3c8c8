// @name stored-queries.checksums
// @mode read
// @param names: list<string> -- stored query names
// @returns name, checksums: the checksums of every version each existing query has
MATCH (q:StoredQuery)-[:HAS_VERSION]->(v:StoredQueryVersion)
WHERE q.name IN $names
RETURN q.name AS name, collect(v.checksum) AS checksums
