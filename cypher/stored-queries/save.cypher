// @name stored-queries.save
// @mode write
// @param rows: list<map> -- {name, source, checksum, createdBy, note, origin, publish}: one new version per row
// @returns name, version, publishedVersion: the version each row created
// A new version never replaces an old one: every change is kept with who and when. The version number is taken
// under the StoredQuery's write lock (the SET), and the unique version id refuses a duplicate if two saves race.
UNWIND $rows AS row
MERGE (q:StoredQuery {name: row.name})
ON CREATE SET q.createdAt = datetime(), q.createdBy = row.createdBy, q.latestVersion = 0
SET q.latestVersion = q.latestVersion + 1
WITH q, row
CREATE (q)-[:HAS_VERSION]->(v:StoredQueryVersion {id: q.name + '@' + toString(q.latestVersion)})
SET v.name = q.name,
    v.version = q.latestVersion,
    v.source = row.source,
    v.checksum = row.checksum,
    v.createdAt = datetime(),
    v.createdBy = row.createdBy,
    v.note = row.note,
    v.origin = row.origin
FOREACH (_ IN CASE WHEN row.publish THEN [1] ELSE [] END |
  SET q.publishedVersion = v.version, q.publishedAt = datetime(), q.publishedBy = row.createdBy
)
RETURN q.name AS name, v.version AS version, q.publishedVersion AS publishedVersion
