// @name cases.draft-delete
// @mode write
// @param id: string -- "<caseId>|<userId>"
// @returns deleted: 1 when a draft was removed
MATCH (d:CaseDraft {id: $id})
DELETE d
RETURN 1 AS deleted
