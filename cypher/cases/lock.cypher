// @name cases.lock
// @mode write
// @param id: string -- case id
// @param now: string -- ISO time, kept as the time of the last lock
// @returns head, headAuthor, headAt: the case's newest version (no row when the case does not exist)
// Taking the case's write lock FIRST (the SET) and reading head after it serialises saves of one case: a second
// save from the same base waits for the first to commit and then sees the new head (the conflict).
MATCH (c:Case {id: $id})
SET c.lockedAt = $now
WITH c
MATCH (c)-[:HAS_VERSION]->(v:CaseVersion {number: c.head})
RETURN c.head AS head,
       v.authorEmail AS headAuthor,
       v.createdAt AS headAt
