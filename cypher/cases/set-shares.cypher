// @name cases.set-shares
// @mode write
// @param id: string -- case id
// @param shares: list<map> -- {kind, principal, role}: the complete new list (replaces the old one)
// @param now: string -- ISO time of the change
// @returns count: number of shares now on the case
MATCH (c:Case {id: $id})
SET c.updatedAt = $now
WITH c
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_SHARE]->(old:CaseShare)
  DETACH DELETE old
}
WITH c
UNWIND (CASE WHEN size($shares) = 0 THEN [null] ELSE $shares END) AS share
CALL (c, share) {
  WITH c, share
  WHERE share IS NOT NULL
  CREATE (c)-[:HAS_SHARE]->(s:CaseShare {kind: share.kind, principal: share.principal, role: share.role, caseId: c.id, createdAt: $now})
}
RETURN size($shares) AS count
