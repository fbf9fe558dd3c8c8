// @name auth.session-find
// @mode read
// @param idHash: string -- sha256 of the cookie's session id
// @param now: string -- ISO time; expired sessions are not found
// @param idleCutoff: string -- ISO time; a session not used since then has timed out (idle timeout)
// @returns the session's csrf token, expiry and its user with the organisation kind (no row when void)
MATCH (s:Session {idHash: $idHash})
WHERE s.expiresAt > $now
  AND coalesce(s.lastSeenAt, s.createdAt) > $idleCutoff
MATCH (u:User {id: s.userId})
WHERE NOT u.disabled
OPTIONAL MATCH (o:Entity:Organisation {uid: u.organisationId})
RETURN s.csrfToken AS csrfToken,
       coalesce(s.lastSeenAt, s.createdAt) AS lastSeenAt,
       s.expiresAt AS expiresAt,
       u {.id, .email, .role, .organisationId} AS user,
       o.kind AS organisationKind,
       o.caption AS organisationName
