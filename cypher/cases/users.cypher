// @name cases.users
// @mode read
// @param handles: list<string> -- user ids, e-mail addresses or the part of an e-mail before the @ (lower-case)
// @returns id, email, role, organisationId of every enabled user matching a handle, with the handle it matched
UNWIND $handles AS handle
MATCH (u:User)
WHERE u.id = handle OR u.email = handle OR split(u.email, '@')[0] = handle
WITH handle, u
WHERE coalesce(u.disabled, false) = false
RETURN handle,
       u.id AS id,
       u.email AS email,
       u.role AS role,
       u.organisationId AS organisationId
