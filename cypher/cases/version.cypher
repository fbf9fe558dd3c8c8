// @name cases.version
// @mode read
// @param id: string -- case id
// @param numbers: list<integer> -- the versions wanted (one for open, two for compare)
// @returns the versions with their content (JSON text)
UNWIND $numbers AS wanted
MATCH (v:CaseVersion {id: $id + '@' + toString(toInteger(wanted))})
RETURN v.number AS number,
       v.parent AS parent,
       v.message AS message,
       v.authorId AS authorId,
       v.authorEmail AS authorEmail,
       v.createdAt AS createdAt,
       v.entityCount AS entityCount,
       v.restoredFrom AS restoredFrom,
       v.content AS content
