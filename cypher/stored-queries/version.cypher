// @name stored-queries.version
// @mode read
// @param name: string -- the stored query's name
// @param version: integer | null -- the version wanted; null: the published one
// @returns version, source, createdAt, createdBy, publishedVersion, latestVersion (no row: no such query or version)
MATCH (q:StoredQuery {name: $name})
MATCH (v:StoredQueryVersion {id: q.name + '@' + toString(coalesce(toInteger($version), q.publishedVersion))})
RETURN v.version AS version,
       v.source AS source,
       v.createdAt AS createdAt,
       v.createdBy AS createdBy,
       q.publishedVersion AS publishedVersion,
       q.latestVersion AS latestVersion
