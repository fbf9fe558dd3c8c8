// @name cases.update
// @mode write
// @param id: string -- case id
// @param change: map -- {title, description, status}: null keeps the current value
// @param now: string -- ISO time of the change
// @returns id: the case id (no row when unknown)
MATCH (c:Case {id: $id})
SET c.title = coalesce($change.title, c.title),
    c.description = coalesce($change.description, c.description),
    c.status = coalesce($change.status, c.status),
    c.updatedAt = $now
RETURN c.id AS id
