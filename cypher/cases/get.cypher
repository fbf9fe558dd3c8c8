// @name cases.get
// @mode read
// @param id: string -- case id
// @returns c: the case's fields, ownerEmail, teamName, shares (kind, principal, role, name): no row when unknown
MATCH (c:Case {id: $id})
OPTIONAL MATCH (owner:User {id: c.ownerId})
OPTIONAL MATCH (team:Entity:Organisation {uid: c.teamId})
OPTIONAL MATCH (c)-[:HAS_SHARE]->(s:CaseShare)
OPTIONAL MATCH (su:User {id: s.principal})
OPTIONAL MATCH (so:Entity:Organisation {uid: s.principal})
WITH c, owner, team, collect(CASE WHEN s IS NULL THEN null ELSE {kind: s.kind, principal: s.principal, role: s.role,
  name: CASE s.kind WHEN 'user' THEN su.email ELSE so.caption END} END) AS shares
RETURN c {.id, .title, .description, .status, .ownerId, .teamId, .head, .createdAt, .updatedAt, .branchOfCase, .branchOfVersion} AS c,
       owner.email AS ownerEmail,
       team.caption AS teamName,
       shares
