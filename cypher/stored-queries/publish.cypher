// @name stored-queries.publish
// @mode write
// @param name: string -- the stored query's name
// @param version: integer -- the version analysts will run from now on
// @param by: string -- who published it
// @returns version (no row: no such query or version)
MATCH (q:StoredQuery {name: $name})
MATCH (v:StoredQueryVersion {id: q.name + '@' + toString(toInteger($version))})
SET q.publishedVersion = v.version, q.publishedAt = datetime(), q.publishedBy = $by
RETURN v.version AS version
