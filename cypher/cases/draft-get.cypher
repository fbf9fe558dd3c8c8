// @name cases.draft-get
// @mode read
// @param id: string -- "<caseId>|<userId>"
// @returns baseVersion, content, savedAt (no row when there is no draft)
MATCH (d:CaseDraft {id: $id})
RETURN d.baseVersion AS baseVersion,
       d.content AS content,
       d.savedAt AS savedAt
