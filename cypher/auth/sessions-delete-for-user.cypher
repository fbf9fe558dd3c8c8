// @name auth.sessions-delete-for-user
// @mode write
// @param userId: string -- the user whose sessions end
// @param keepIdHash: string | null -- a session to keep (the one changing its own password), or null
// @returns deleted: how many sessions were removed
// Run on password change, disable and role change, so an old cookie cannot outlive the decision.
MATCH (s:Session {userId: $userId})
WHERE $keepIdHash IS NULL OR s.idHash <> $keepIdHash
DETACH DELETE s
RETURN count(*) AS deleted
