// @name cases.comment-add
// @mode write
// @param comment: map -- {id, caseId, entityUid, parentId, authorId, authorEmail, body, mentions, createdAt}
// @returns id: the new comment's id (no row when the case does not exist)
// Mentioned users are linked so "my mentions" is an indexed walk from the user, not a scan of all comments.
MATCH (c:Case {id: $comment.caseId})
CREATE (c)-[:HAS_COMMENT]->(m:CaseComment)
SET m = $comment
WITH m
CALL (m) {
  UNWIND m.mentions AS userId
  MATCH (u:User {id: userId})
  CREATE (m)-[:MENTIONED]->(u)
}
RETURN m.id AS id
