// @name users.update
// @mode write
// @param id: string -- user id
// @param role: string | null -- new role (null: unchanged)
// @param disabled: boolean | null -- disable or enable (null: unchanged)
// @param now: string -- ISO time of the change
// @returns the user after the change (no row when unknown)
MATCH (u:User {id: $id})
SET u.role = coalesce($role, u.role),
    u.disabled = coalesce($disabled, u.disabled),
    u.updatedAt = $now,
    u.failedLogins = CASE WHEN $disabled = false THEN 0 ELSE u.failedLogins END,
    u.lockedUntil = CASE WHEN $disabled = false THEN null ELSE u.lockedUntil END
RETURN u {.id, .email, .role, .organisationId, .disabled, .createdAt} AS user
