// @name users.set-password
// @mode write
// @param id: string -- user id
// @param passwordHash: string -- argon2id hash of the new password
// @param now: string -- ISO time of the change
// @returns id of the user (no row when unknown)
// Also unlocks the account: an admin resetting a password is how a locked-out user gets back in.
MATCH (u:User {id: $id})
SET u.passwordHash = $passwordHash,
    u.passwordChangedAt = $now,
    u.failedLogins = 0,
    u.lockedUntil = null
RETURN u.id AS id
