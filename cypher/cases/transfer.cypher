// @name cases.transfer
// @mode write
// @param id: string -- case id
// @param ownerId: string -- the new owner's user id
// @param now: string -- ISO time of the change
// @returns id: the case id (no row when unknown)
MATCH (c:Case {id: $id})
SET c.ownerId = $ownerId,
    c.updatedAt = $now
RETURN c.id AS id
