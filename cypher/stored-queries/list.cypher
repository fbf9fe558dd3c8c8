// @name stored-queries.list
// @mode read
// @returns name, publishedVersion, latestVersion, publishedSource, latestSource, updatedAt, updatedBy: one row per stored query
MATCH (q:StoredQuery)
OPTIONAL MATCH (p:StoredQueryVersion {id: q.name + '@' + toString(q.publishedVersion)})
OPTIONAL MATCH (l:StoredQueryVersion {id: q.name + '@' + toString(q.latestVersion)})
RETURN q.name AS name,
       q.publishedVersion AS publishedVersion,
       q.latestVersion AS latestVersion,
       p.source AS publishedSource,
       l.source AS latestSource,
       l.createdAt AS updatedAt,
       l.createdBy AS updatedBy
ORDER BY name
