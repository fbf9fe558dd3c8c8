// @name cases.create
// @mode write
// @param c: map -- {id, title, description, status, ownerId, teamId, branchOfCase, branchOfVersion}: the new case
// @param version: map -- {message, authorId, authorEmail, content, entityCount, restoredFrom}: its first version
// @param now: string -- ISO time of creation
// @returns id, head: the case id and its first version number (1)
CREATE (c:Case {id: $c.id})
SET c.title = $c.title,
    c.description = $c.description,
    c.status = $c.status,
    c.ownerId = $c.ownerId,
    c.teamId = $c.teamId,
    c.branchOfCase = $c.branchOfCase,
    c.branchOfVersion = $c.branchOfVersion,
    c.createdAt = $now,
    c.updatedAt = $now,
    c.head = 1
CREATE (c)-[:HAS_VERSION]->(v:CaseVersion {id: $c.id + '@1'})
SET v += $version,
    v.caseId = $c.id,
    v.number = 1,
    v.parent = null,
    v.createdAt = $now
RETURN c.id AS id,
       c.head AS head
