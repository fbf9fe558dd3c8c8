// @name auth.session-create
// @mode write
// @param idHash: string -- sha256 of the random session id in the cookie (the id itself is never stored)
// @param userId: string -- the signed-in user
// @param csrfToken: string -- random token the client must echo in x-csrf-token on state-changing requests
// @param now: string -- ISO time of sign-in
// @param expiresAt: string -- ISO time after which the session is void (absolute lifetime)
// @param ip: string | null -- where the sign-in came from
// @param userAgent: string | null -- the browser's user agent, to show the user their sessions
// @returns idHash
MATCH (u:User {id: $userId})
CREATE (s:Session {idHash: $idHash, userId: $userId, csrfToken: $csrfToken, createdAt: $now, lastSeenAt: $now, expiresAt: $expiresAt,
  ip: $ip, userAgent: $userAgent})
CREATE (s)-[:OF]->(u)
RETURN s.idHash AS idHash
