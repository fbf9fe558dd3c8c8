// @name cases.restrictions
// @mode read
// @param uids: list<string> -- entities of a stored case version
// @returns uid, restriction, restrictedKeys, sources: each entity's CURRENT handling restriction
// A case keeps a snapshot, but a restriction added to a record after the save must still hide it from readers
// who may not see it: the service applies need-to-know to the snapshot with these current values too.
UNWIND $uids AS id
MATCH (n:Entity {uid: id})
WHERE n.restriction IS NOT NULL
RETURN n.uid AS uid,
       n.restriction AS restriction,
       n.restrictedKeys AS restrictedKeys,
       n.sources AS sources
