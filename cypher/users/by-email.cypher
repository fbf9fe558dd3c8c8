// @name users.by-email
// @mode read
// @param email: string -- lower-cased e-mail address
// @returns the user with its password hash, lock state and organisation kind (no row when unknown)
MATCH (u:User {email: $email})
OPTIONAL MATCH (o:Entity:Organisation {uid: u.organisationId})
RETURN u {.id, .email, .role, .organisationId, .disabled, .passwordHash, .failedLogins, .lockedUntil} AS user,
       o.kind AS organisationKind
