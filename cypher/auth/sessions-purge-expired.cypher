// @name auth.sessions-purge-expired
// @mode write
// @param now: string -- ISO time
// @param idleCutoff: string -- ISO time; sessions not used since then have timed out
// @returns deleted: how many expired or idle sessions were removed (at most 10,000 per run)
MATCH (s:Session)
WHERE s.expiresAt <= $now
   OR coalesce(s.lastSeenAt, s.createdAt) <= $idleCutoff
WITH s
LIMIT 10000
DETACH DELETE s
RETURN count(*) AS deleted
