// @name stored-queries.versions
// @mode read
// @param name: string -- the stored query's name
// @returns version, source, checksum, createdAt, createdBy, note, origin, publishedVersion: one row per version, newest first
MATCH (q:StoredQuery {name: $name})-[:HAS_VERSION]->(v:StoredQueryVersion)
RETURN v.version AS version,
       v.source AS source,
       v.checksum AS checksum,
       v.createdAt AS createdAt,
       v.createdBy AS createdBy,
       v.note AS note,
       v.origin AS origin,
       q.publishedVersion AS publishedVersion
ORDER BY version DESC
