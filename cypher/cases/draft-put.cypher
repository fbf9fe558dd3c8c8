// @name cases.draft-put
// @mode write
// @param id: string -- "<caseId>|<userId>": one draft per user and case
// @param caseId: string -- case id
// @param userId: string -- whose draft
// @param baseVersion: integer -- the version the draft started from
// @param content: string -- the canvas as JSON text
// @param now: string -- ISO time of the autosave
// @returns savedAt
MERGE (d:CaseDraft {id: $id})
SET d.caseId = $caseId,
    d.userId = $userId,
    d.baseVersion = $baseVersion,
    d.content = $content,
    d.savedAt = $now
RETURN d.savedAt AS savedAt
