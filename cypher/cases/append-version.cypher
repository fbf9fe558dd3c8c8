// @name cases.append-version
// @mode write
// @param id: string -- case id (its lock is already held: cases.lock in the same transaction)
// @param version: map -- {message, authorId, authorEmail, content, entityCount, restoredFrom}
// @param now: string -- ISO time of the save
// @returns number: the new version's number
// Versions are never changed after this: a save always adds one; the unique id refuses a duplicate number.
MATCH (c:Case {id: $id})
WITH c, c.head + 1 AS number
CREATE (c)-[:HAS_VERSION]->(v:CaseVersion {id: c.id + '@' + toString(number)})
SET v += $version,
    v.caseId = c.id,
    v.number = number,
    v.parent = c.head,
    v.createdAt = $now
SET c.head = number,
    c.updatedAt = $now
RETURN v.number AS number
