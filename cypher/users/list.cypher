// @name users.list
// @mode read
// @returns every user with its organisation's name, newest first (never the password hash)
MATCH (u:User)
OPTIONAL MATCH (o:Entity:Organisation {uid: u.organisationId})
RETURN u {.id, .email, .role, .organisationId, .disabled, .createdAt, .lockedUntil, .lastLoginAt} AS user,
       o.caption AS organisationName,
       o.kind AS organisationKind
ORDER BY u.email ASC
