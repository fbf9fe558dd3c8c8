// @name users.login-failed
// @mode write
// @param id: string -- user id
// @param maxFailures: integer -- failures in a row that lock the account
// @param lockUntil: string -- ISO time until which the account is locked once the limit is reached
// @returns failedLogins, lockedUntil after this failure
// Counted in the database (not in the app's memory) so the lock holds across app instances and restarts.
MATCH (u:User {id: $id})
SET u.failedLogins = coalesce(u.failedLogins, 0) + 1
SET u.lockedUntil = CASE WHEN u.failedLogins >= toInteger($maxFailures) THEN $lockUntil ELSE u.lockedUntil END
RETURN u.failedLogins AS failedLogins,
       u.lockedUntil AS lockedUntil
