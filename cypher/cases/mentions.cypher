// @name cases.mentions
// @mode read
// @param userId: string -- the mentioned user
// @param limit: integer -- newest first, at most this many
// @returns caseId, caseTitle, comment: comments that mention the user
MATCH (:User {id: $userId})<-[:MENTIONED]-(m:CaseComment)<-[:HAS_COMMENT]-(c:Case)
RETURN c.id AS caseId,
       c.title AS caseTitle,
       m {.id, .entityUid, .parentId, .authorId, .authorEmail, .body, .mentions, .createdAt} AS comment
ORDER BY m.createdAt DESC
LIMIT toInteger($limit)
