// @name auth.session-touch
// @mode write
// @param idHash: string -- sha256 of the cookie's session id
// @param now: string -- ISO time the session was last used (slides the idle timeout)
// @returns idHash
MATCH (s:Session {idHash: $idHash})
SET s.lastSeenAt = $now
RETURN s.idHash AS idHash
