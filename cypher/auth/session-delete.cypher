// @name auth.session-delete
// @mode write
// @param idHash: string -- sha256 of the cookie's session id
// @returns deleted: how many sessions were removed
MATCH (s:Session {idHash: $idHash})
DETACH DELETE s
RETURN count(*) AS deleted
