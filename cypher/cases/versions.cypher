// @name cases.versions
// @mode read
// @param id: string -- case id
// @returns one row per version, newest first, without the content
MATCH (:Case {id: $id})-[:HAS_VERSION]->(v:CaseVersion)
RETURN v.number AS number,
       v.parent AS parent,
       v.message AS message,
       v.authorId AS authorId,
       v.authorEmail AS authorEmail,
       v.createdAt AS createdAt,
       v.entityCount AS entityCount,
       v.restoredFrom AS restoredFrom
ORDER BY number DESC
