// @name auth.sessions-purge-expired
// @mode write
// @param now: string -- ISO time
// @returns deleted: how many expired sessions were removed
MATCH (s:Session)
WHERE s.expiresAt <= $now
WITH s
LIMIT 10000
DETACH DELETE s
RETURN count(*) AS deleted
