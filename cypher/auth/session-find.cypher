// @name auth.session-find
// @mode read
// @param idHash: string -- sha256 of the cookie's session id
// @param now: string -- ISO time; expired sessions are not found
// @returns the session's csrf token, expiry and its user with the organisation kind (no row when void)
MATCH (s:Session {idHash: $idHash})
WHERE s.expiresAt > $now
MATCH (u:User {id: s.userId})
WHERE NOT u.disabled
OPTIONAL MATCH (o:Entity:Organisation {uid: u.organisationId})
RETURN s.csrfToken AS csrfToken,
       s.expiresAt AS expiresAt,
       u {.id, .email, .role, .organisationId} AS user,
       o.kind AS organisationKind,
       o.caption AS organisationName
