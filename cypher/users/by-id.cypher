// @name users.by-id
// @mode read
// @param id: string -- user id
// @returns the user with its password hash (no row when unknown)
MATCH (u:User {id: $id})
RETURN u {.id, .email, .role, .organisationId, .disabled, .passwordHash, .failedLogins, .lockedUntil} AS user
