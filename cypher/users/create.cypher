// @name users.create
// @mode write
// @param id: string -- new user id (random)
// @param email: string -- lower-cased e-mail address, unique
// @param role: string -- analyst, supervisor, data or admin
// @param organisationId: string -- uid of the user's Organisation entity
// @param passwordHash: string -- argon2id hash (never the password)
// @param now: string -- ISO time of creation
// @returns the user (no row when the organisation does not exist)
MATCH (o:Entity:Organisation {uid: $organisationId})
CREATE (u:User {id: $id, email: $email, role: $role, organisationId: $organisationId, passwordHash: $passwordHash,
  disabled: false, failedLogins: 0, lockedUntil: null, createdAt: $now, passwordChangedAt: $now})
CREATE (u)-[:MEMBER_OF]->(o)
RETURN u {.id, .email, .role, .organisationId, .disabled, .createdAt} AS user,
       o.caption AS organisationName,
       o.kind AS organisationKind
