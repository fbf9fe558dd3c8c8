// @name cases.list
// @mode read
// @param user: map -- {id, organisationId, supervisor}: who is asking; supervisor = role supervisor (sees the team's cases)
// @param status: string | null -- only cases with this status (null: all)
// @param after: map | null -- keyset cursor {updatedAt, id}: only cases after this one in the list order (null: from the start)
// @param limit: integer -- at most this many, most recently updated first (ties: id descending)
// @returns c, ownerEmail, teamName, shares: each case the user may open (the service decides the access level)
// Three indexed ways in (owner, team, shares by principal), never a scan of all cases. The order
// (updatedAt DESC, id DESC) is total, so paging by keyset never repeats or skips a case.
CALL () {
  MATCH (c:Case {ownerId: $user.id})
  RETURN c
UNION
  MATCH (c:Case {teamId: $user.organisationId})
  WHERE $user.supervisor = true
  RETURN c
UNION
  MATCH (s:CaseShare)<-[:HAS_SHARE]-(c:Case)
  WHERE s.principal IN [$user.id, $user.organisationId]
  RETURN c
}
WITH c
WHERE ($status IS NULL OR c.status = $status)
  AND ($after IS NULL OR c.updatedAt < $after.updatedAt OR (c.updatedAt = $after.updatedAt AND c.id < $after.id))
ORDER BY c.updatedAt DESC, c.id DESC
LIMIT toInteger($limit)
OPTIONAL MATCH (owner:User {id: c.ownerId})
OPTIONAL MATCH (team:Entity:Organisation {uid: c.teamId})
OPTIONAL MATCH (c)-[:HAS_SHARE]->(s:CaseShare)
WITH c, owner, team, collect(CASE WHEN s IS NULL THEN null ELSE {kind: s.kind, principal: s.principal, role: s.role, name: null} END) AS shares
RETURN c {.id, .title, .description, .status, .ownerId, .teamId, .head, .createdAt, .updatedAt, .branchOfCase, .branchOfVersion} AS c,
       owner.email AS ownerEmail,
       team.caption AS teamName,
       shares
ORDER BY c.updatedAt DESC, c.id DESC
