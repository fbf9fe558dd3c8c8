// @name users.login-succeeded
// @mode write
// @param id: string -- user id
// @param now: string -- ISO time of the sign-in
// @returns id
MATCH (u:User {id: $id})
SET u.failedLogins = 0,
    u.lockedUntil = null,
    u.lastLoginAt = $now
RETURN u.id AS id
