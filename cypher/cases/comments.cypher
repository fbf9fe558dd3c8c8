// @name cases.comments
// @mode read
// @param id: string -- case id
// @returns comment: every comment on the case and its entities, oldest first
MATCH (:Case {id: $id})-[:HAS_COMMENT]->(m:CaseComment)
RETURN m {.id, .entityUid, .parentId, .authorId, .authorEmail, .body, .mentions, .createdAt} AS comment
ORDER BY m.createdAt ASC
